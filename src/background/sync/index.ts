/**
 * Team sync in the background: when it runs (a few seconds after local edits, every half minute
 * by alarm, at browser start-up, and when the reader asks) and the requests the library page and
 * the popup send. Everything else lives in the modules beside this one.
 */
import type { TeamStatus } from '../../core/sync/team';
import { parseConflicts, TEAM_CONFLICTS_KEY } from '../../core/sync/team';
import { clearAlarm, localStorage, onAlarm, onBrowserStartup, setRepeatingAlarm } from '../../platform/browser';
import { queue } from '../ready';
import { readTeam, type SyncContext } from './context';
import { readStatus, syncNow } from './engine';
import { forgetPassword, joinTeam, leaveTeam, type JoinInput } from './membership';
import { onOutboxChange } from './outbox';
import { browserDbs } from './pouch-browser';
import { conflictDetails, resolveConflict, type Resolution } from './resolve';
import type { ConflictVersion } from '../../core/sync/conflicts';

const ALARM = 'factmark-team-sync';
/** Edits made within this span go out in one run. */
const DEBOUNCE_MS = 1_500;
/**
 * After a run that moved documents, or could not reach the server, more runs follow: 3 s later,
 * and while runs keep finding nothing, twice more after 8 and 15 s. Teammates are often
 * answering the same changes, and a server back from an outage is caught up without waiting
 * for the alarm; some 30 s after the last activity the chain ends until the next edit or alarm.
 */
const FOLLOW_UP_MS = 3_000;
const QUIET_FOLLOW_UPS_MS: readonly number[] = [8_000, 15_000];
/** Minutes between alarm runs: Chrome's shortest period, so teammates' edits arrive within about half a minute. */
const ALARM_PERIOD_MINUTES = 0.5;

const ctx: SyncContext = {
  storage: localStorage,
  queue,
  dbs: browserDbs,
  fetch: (input, init) => fetch(input, init),
  now: () => new Date().toISOString(),
};

let debounce: ReturnType<typeof setTimeout> | undefined;
/** Follow-up runs left that found nothing, since the last run that moved documents. */
let quietRuns = QUIET_FOLLOW_UPS_MS.length;

function schedule(ms: number): void {
  clearTimeout(debounce);
  debounce = setTimeout(runInBackground, ms);
}

/** Runs a sync unless the reader is not in a team; failures are in the status, never thrown. */
function runInBackground(): void {
  void readTeam(ctx)
    .then((team) => (team ? syncNow(ctx) : null))
    .then((status) => {
      if (!status || status.state === 'stopped') return;
      if (status.docs > 0 || status.problem === 'offline') {
        quietRuns = 0;
        schedule(FOLLOW_UP_MS);
      } else if (quietRuns < QUIET_FOLLOW_UPS_MS.length) {
        schedule(QUIET_FOLLOW_UPS_MS[quietRuns++] ?? FOLLOW_UP_MS);
      }
    })
    .catch((error: unknown) => console.warn(`Factmark: team sync failed: ${error instanceof Error ? error.message : String(error)}`));
}

/** Wires edits, alarms and start-up to sync runs; call at the top level of the background. */
export function registerTeamSync(): void {
  onOutboxChange(() => schedule(DEBOUNCE_MS));
  onAlarm((name) => {
    if (name === ALARM) runInBackground();
  });
  onBrowserStartup(() => {
    // Alarms need not outlive a browser restart: set it again for a reader in a team.
    void readTeam(ctx).then((team) => (team ? setRepeatingAlarm(ALARM, ALARM_PERIOD_MINUTES) : undefined));
    runInBackground();
  });
  // A worker stopped mid-run left "syncing" behind; this worker is not syncing yet.
  void readStatus(ctx).then(async (status) => {
    if (status.state === 'syncing') await ctx.storage.set({ teamStatus: { ...status, state: 'idle' } });
  });
}

/** team.get: the joined team (no password) and the sync status. */
export async function teamInfo(): Promise<{ team: { serverUrl: string; database: string; userName: string } | null; status: TeamStatus; hasPassword: boolean }> {
  const [team, status, stored] = await Promise.all([readTeam(ctx), readStatus(ctx), ctx.storage.get('teamPassword')]);
  return { team: team && { serverUrl: team.serverUrl, database: team.database, userName: team.userName }, status, hasPassword: typeof stored.teamPassword === 'string' };
}

/** team.join */
export async function teamJoin(input: JoinInput): Promise<TeamStatus> {
  await joinTeam(ctx, input);
  await setRepeatingAlarm(ALARM, ALARM_PERIOD_MINUTES);
  runInBackground();
  return readStatus(ctx);
}

/** team.sync: one run now; resolves with the status it ended in. */
export async function teamSync(): Promise<TeamStatus> {
  if (!(await readTeam(ctx))) throw new Error('Join a team first.');
  // The reader asks again after a stop (access restored, say): try once more.
  const status = await readStatus(ctx);
  if (status.state === 'stopped') await ctx.queue.run(() => ctx.storage.set({ teamStatus: { ...status, state: 'idle' } }));
  return syncNow(ctx);
}

/** team.leave */
export async function teamLeave(): Promise<void> {
  await clearAlarm(ALARM);
  await leaveTeam(ctx);
}

/** team.forget-password */
export async function teamForgetPassword(): Promise<void> {
  await forgetPassword(ctx);
}

/** team.conflicts: annotation id → versions, for one page. */
export async function teamConflicts(key: string): Promise<Record<string, number>> {
  return parseConflicts((await ctx.storage.get(TEAM_CONFLICTS_KEY))[TEAM_CONFLICTS_KEY])[key] ?? {};
}

/** team.conflicted-pages: canonical key → annotations in conflict. */
export async function teamConflictedPages(): Promise<Record<string, number>> {
  const all = parseConflicts((await ctx.storage.get(TEAM_CONFLICTS_KEY))[TEAM_CONFLICTS_KEY]);
  return Object.fromEntries(Object.entries(all).map(([key, ids]) => [key, Object.keys(ids).length]));
}

/** team.conflict: every version of one annotation. */
export function teamConflict(key: string, id: string): Promise<ConflictVersion[]> {
  return conflictDetails(ctx, key, id);
}

/** team.resolve: keeps one version or merges, then syncs. */
export async function teamResolve(key: string, id: string, resolution: Resolution): Promise<void> {
  await resolveConflict(ctx, key, id, resolution);
  runInBackground();
}
