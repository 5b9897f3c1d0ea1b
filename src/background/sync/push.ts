/**
 * Local edits into the local copy of the team database: pages in the outbox are compared with
 * the revisions their annotations came from, and each changed annotation gets a revision on
 * top of that one (written with new_edits=false and a deterministic id, so a run repeated
 * after a stop writes the same revision again instead of a second one). The replication then
 * carries them to the server.
 */
import { pageStorageKey, parsePageRecord } from '../../core/model/records';
import { planPush, parsePageRevs, type PageRevs, type PlannedWrite } from '../../core/sync/plan';
import { revsKey, TEAM_OUTBOX_KEY } from '../../core/sync/team';
import type { OpenTeam, SyncContext } from './context';
import { parseOutbox } from './outbox';
import type { SyncDb } from './pouch-types';

/** Pages handled per round: bounded, so a 10,000-page first upload never holds everything at once. */
const PAGES_PER_ROUND = 500;

/** The ancestry (newest first, without the depth prefix) of each base revision. */
async function ancestries(db: SyncDb, writes: readonly PlannedWrite[]): Promise<Map<string, string[]>> {
  const withBase = writes.filter((write) => write.base !== null);
  const found = new Map<string, string[]>();
  if (withBase.length === 0) return found;
  const { results } = await db.bulkGet({ docs: withBase.map((write) => ({ id: write.id, rev: write.base ?? undefined })), revs: true });
  for (const result of results) {
    for (const entry of result.docs) {
      const revisions = entry.ok?._revisions;
      if (entry.ok && revisions) found.set(`${result.id}\u0000${entry.ok._rev}`, revisions.ids);
    }
  }
  return found;
}

/** Writes planned revisions into the local database; a missing base (a replaced local copy) continues the current winner. */
export async function writeRevisions(db: SyncDb, writes: readonly PlannedWrite[]): Promise<void> {
  if (writes.length === 0) return;
  const history = await ancestries(db, writes);
  const docs = writes.map((write) => {
    const [depthText, hash] = write.rev.split('-') as [string, string];
    const ancestors = write.base ? history.get(`${write.id}\u0000${write.base}`) : [];
    if (write.base && !ancestors) return null;
    return { ...write.body, _id: write.id, _rev: write.rev, _revisions: { start: Number(depthText), ids: [hash, ...(ancestors ?? [])] } };
  });
  const missing = writes.filter((_, i) => docs[i] === null);
  if (missing.length > 0) console.warn(`Factmark: ${missing.length} annotation(s) lost track of their team revision; they are written on top of the current one.`);
  const ready = docs.filter((doc): doc is NonNullable<typeof doc> => doc !== null);
  if (ready.length > 0) await db.bulkDocs(ready, { new_edits: false });
  for (const write of missing) {
    const current = (await db.get(write.id).catch(() => null)) as { _rev?: string } | null;
    await db.bulkDocs([{ ...write.body, _id: write.id, ...(current?._rev ? { _rev: current._rev } : {}) }]);
  }
}

/** Reads, plans and writes one round of pages, rev entries included; returns how many revisions were written. */
async function pushRound(ctx: SyncContext, team: OpenTeam, keys: readonly string[]): Promise<number> {
  const items = await ctx.storage.get([...keys.map(pageStorageKey), ...keys.map(revsKey)]);
  const now = ctx.now();
  const writes: PlannedWrite[] = [];
  for (const key of keys) {
    const raw = items[pageStorageKey(key)];
    const parsed = raw === undefined ? null : parsePageRecord(raw);
    if (raw !== undefined && !parsed) {
      console.warn(`Factmark: the record of ${key} is unreadable; it is not sent to the team.`);
      continue;
    }
    writes.push(...planPush(key, parsed?.record ?? null, parsePageRevs(items[revsKey(key)]), team.config.userName, now));
  }
  await writeRevisions(team.local, writes);
  await ctx.queue.run(async () => {
    const current = await ctx.storage.get(keys.map(revsKey));
    const set: Record<string, PageRevs> = Object.fromEntries(keys.map((key) => [revsKey(key), parsePageRevs(current[revsKey(key)])]));
    for (const write of writes) {
      const pageRevs = set[revsKey(write.pageKey)];
      if (!pageRevs) continue;
      // Only over the entry the write was based on: a newer one is not ours to replace.
      if ((pageRevs[write.annotationId]?.rev ?? null) === write.base) pageRevs[write.annotationId] = { rev: write.rev, hash: write.hash };
    }
    await ctx.storage.set(set);
  });
  return writes.length;
}

/**
 * Moves every page in the outbox into the local database, a round of pages at a time; returns
 * how many revisions were written. The rev entries of each round are stored with it; the outbox
 * (one key, as large as the library on a first upload) is written once per pass, not once per
 * round. A worker stopped mid-pass plans the done pages again next time and finds nothing to
 * write for them.
 */
export async function flushOutbox(ctx: SyncContext, team: OpenTeam): Promise<number> {
  let written = 0;
  const skip = new Set<string>();
  for (;;) {
    const outbox = parseOutbox((await ctx.storage.get(TEAM_OUTBOX_KEY))[TEAM_OUTBOX_KEY]);
    const pending = Object.keys(outbox).filter((key) => !skip.has(key));
    if (pending.length === 0) return written;
    for (let start = 0; start < pending.length; start += PAGES_PER_ROUND) written += await pushRound(ctx, team, pending.slice(start, start + PAGES_PER_ROUND));
    await ctx.queue.run(async () => {
      const outboxNow = parseOutbox((await ctx.storage.get(TEAM_OUTBOX_KEY))[TEAM_OUTBOX_KEY]);
      for (const key of pending) {
        if (outboxNow[key] === outbox[key]) delete outboxNow[key];
        else skip.add(key); // edited again meanwhile: pushed in the next run
      }
      await ctx.storage.set({ [TEAM_OUTBOX_KEY]: outboxNow });
    });
  }
}
