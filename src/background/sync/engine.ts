/**
 * One sync run, from start to end: local edits into the local database, a one-shot push and a
 * one-shot pull replication (never a long-lived connection: the Chrome worker is stopped after
 * 30 s idle, and PouchDB's checkpoints let an interrupted run resume), then the synced
 * revisions into the page records. Runs one at a time; a request during a run gets one more.
 * A server that says the reader has no access, or a wrong password, stops syncing with a
 * clear message; the local library stays as it is.
 */
import { IDLE_STATUS, parseStatus, TEAM_STATUS_KEY, type TeamStatus } from '../../core/sync/team';
import { applyLocalChanges, CHANGES_PER_WINDOW } from './apply';
import { openTeam, type OpenTeam, type SyncContext } from './context';
import { flushOutbox } from './push';
import type { Replication } from './pouch-types';
import { TeamError, offline } from './session';

/** Documents per replication batch: fewer requests than PouchDB's default of 100. */
const BATCH_SIZE = 500;
/** How often progress is written for the library page while a run goes on. */
const PROGRESS_EVERY_MS = 400;

/** The stored status. */
export async function readStatus(ctx: SyncContext): Promise<TeamStatus> {
  return parseStatus((await ctx.storage.get(TEAM_STATUS_KEY))[TEAM_STATUS_KEY]);
}

async function writeStatus(ctx: SyncContext, patch: Partial<TeamStatus>): Promise<TeamStatus> {
  const next = { ...(await readStatus(ctx)), ...patch };
  await ctx.storage.set({ [TEAM_STATUS_KEY]: next });
  return next;
}

/** A replication's failure as the reader's problem. */
export function classify(error: unknown): TeamError {
  if (error instanceof TeamError) return error;
  const status = (error as { status?: number } | null)?.status;
  const message = error instanceof Error ? error.message : String((error as { reason?: unknown } | null)?.reason ?? error);
  if (status === 401 || status === 403) return new TeamError('no-access', `The team server says you no longer have access to this database (HTTP ${status}). Your library stays on this computer; syncing has stopped. Ask the team admin, then press Join team again.`);
  if (status === 404) return new TeamError('not-found', 'The team database does not exist on the server. Ask the team admin to run "npx factmark team-setup".');
  if (error instanceof TypeError || /fetch|network/i.test(message)) return offline(error);
  return new TeamError('error', `Syncing failed: ${message}`);
}

/** Runs a replication, reporting its documents as it goes; throws on failure. */
async function replicate(replication: Replication, onDocs: (docs: number) => void): Promise<{ docs: number; refused: number }> {
  let docs = 0;
  replication.on('change', (info) => {
    docs = info.docs_written;
    onDocs(docs);
  });
  const result = await replication;
  const refused = result.doc_write_failures;
  if (refused > 0) {
    const first = result.errors[0] as { status?: number; name?: string } | undefined;
    if (first?.status === 401 || first?.status === 403) {
      if (first.name !== 'forbidden') throw classify(first);
    }
  }
  return { docs: result.docs_written, refused };
}

async function runOnce(ctx: SyncContext, team: OpenTeam): Promise<void> {
  team.bytes.count = 0;
  let docs = 0;
  let lastWrite = 0;
  const progress = (force = false) => {
    const now = Date.now();
    if (!force && now - lastWrite < PROGRESS_EVERY_MS) return;
    lastWrite = now;
    void writeStatus(ctx, { state: 'syncing', docs, bytes: team.bytes.count, problem: null, detail: '' });
  };
  progress(true);
  await flushOutbox(ctx, team);
  // Pull first: on a first upload the server has nothing yet, so the pull costs nothing, and
  // the push is the last thing the run does.
  // Pulled changes are applied a whole window at a time while later ones download (storage.local
  // beside the network and IndexedDB); the last pass below applies the rest.
  let applying: Promise<unknown> | null = null;
  let pulledAtLastPass = 0;
  const applyMeanwhile = (pulledDocs: number) => {
    if (applying || pulledDocs - pulledAtLastPass < CHANGES_PER_WINDOW) return;
    pulledAtLastPass = pulledDocs;
    applying = applyLocalChanges(ctx, team, { wholeWindows: true })
      .catch(() => undefined) // the last pass reports a failure
      .finally(() => {
        applying = null;
      });
  };
  let pulled: { docs: number; refused: number };
  try {
    pulled = await replicate(team.local.replicate.from(team.remote, { batch_size: BATCH_SIZE, retry: false }), (n) => {
      docs = n;
      progress();
      applyMeanwhile(n);
    });
  } finally {
    await applying;
  }
  await applyLocalChanges(ctx, team);
  const pushed = await replicate(team.local.replicate.to(team.remote, { batch_size: BATCH_SIZE, retry: false }), (n) => {
    docs = pulled.docs + n;
    progress();
  });
  const refused = pushed.refused + pulled.refused;
  await writeStatus(ctx, {
    state: 'idle',
    lastSync: ctx.now(),
    docs: pushed.docs + pulled.docs,
    bytes: team.bytes.count,
    problem: refused > 0 ? 'refused' : null,
    detail: refused > 0 ? `The team server refused ${refused} change(s); they stay on this computer.` : '',
    refused,
  });
}

let running: Promise<TeamStatus> | null = null;
let again = false;

/** Starts a run (or one more after the current one) and resolves with the status it ends in. */
export function syncNow(ctx: SyncContext): Promise<TeamStatus> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    let status: TeamStatus = IDLE_STATUS;
    do {
      again = false;
      const team = await openTeam(ctx);
      if (!team) return readStatus(ctx);
      if ((await readStatus(ctx)).state === 'stopped') return readStatus(ctx);
      try {
        await runOnce(ctx, team);
      } catch (error) {
        const problem = classify(error);
        const stop = problem.problem === 'no-access' || problem.problem === 'wrong-password' || problem.problem === 'password-needed' || problem.problem === 'not-found';
        await writeStatus(ctx, { state: stop ? 'stopped' : 'idle', problem: problem.problem, detail: problem.message, bytes: team.bytes.count });
        if (stop) again = false;
      }
      status = await readStatus(ctx);
    } while (again);
    return status;
  })().finally(() => {
    running = null;
  });
  return running;
}

/** True while a run is going on in this worker. */
export function isSyncing(): boolean {
  return running !== null;
}
