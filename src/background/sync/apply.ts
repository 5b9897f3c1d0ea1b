/**
 * Synced revisions into the page records and library summaries the UI reads. Reads the local
 * database's changes feed from the sequence last applied, a window at a time, and writes each
 * window in a few storage calls grouped by summary shard, so a first sync of a large library
 * rewrites each shard once per window instead of once per few pages (the shards grow with the
 * library, so per-batch rewrites made a first sync quadratic). Applying is idempotent, and the
 * sequence moves only with a window's last write, so a stopped worker repeats at most one
 * window and resumes from there.
 */
import { pageStorageKey, parsePageRecord } from '../../core/model/records';
import { pageChanges, shardKeyOf, shardOf } from '../../core/model/summaries';
import type { PageRecord } from '../../core/model/annotation';
import { versionCount } from '../../core/sync/conflicts';
import { parseDocId, parseRevision, stableJson, type ParsedRevision } from '../../core/sync/docs';
import { applySynced, parsePageRevs, type PageRevs, type SyncedAnnotation } from '../../core/sync/plan';
import { parseConflicts, parseTeam, revsKey, TEAM_CONFLICTS_KEY, TEAM_KEY } from '../../core/sync/team';
import type { OpenTeam, SyncContext } from './context';
import type { ChangeRow, SyncDb } from './pouch-types';

/** Changes read per window (a first sync of 100,000 documents takes 20 windows). */
export const CHANGES_PER_WINDOW = 5_000;
/** Pages per storage write at most (a shard's pages are never split), so no single write or storage event is huge. */
export const PAGES_PER_WRITE = 250;

/** Every leaf revision of a document, parsed (unreadable ones skipped). */
export async function leavesOf(db: SyncDb, id: string): Promise<ParsedRevision[]> {
  const rows = (await db.get(id, { open_revs: 'all' })) as Array<{ ok?: unknown }>;
  return rows.map((row) => (row.ok ? parseRevision(row.ok) : null)).filter((leaf): leaf is ParsedRevision => leaf !== null);
}

/** A change as a synced annotation; null for documents that are not Factmark's. */
async function syncedOf(db: SyncDb, row: ChangeRow): Promise<{ pageKey: string; synced: SyncedAnnotation } | null> {
  const ids = parseDocId(row.id);
  if (!ids || !row.doc) return null;
  const winner = parseRevision(row.doc);
  if (!winner) return null;
  const versions = row.changes.length > 1 && !winner.deleted ? versionCount(winner.rev, await leavesOf(db, row.id)) : 1;
  return { pageKey: ids.pageKey, synced: { annotationId: ids.annotationId, winner, versions } };
}

/**
 * Pages split into write groups: pages sorted by shard, whole shards per group, a group closed
 * once it holds `maxPages` pages. Each shard is then read and written by one group only.
 */
export function groupByShard(pageKeys: Iterable<string>, maxPages: number): string[][] {
  const byShard = new Map<number, string[]>();
  for (const key of pageKeys) {
    const shard = shardOf(key);
    const list = byShard.get(shard) ?? [];
    list.push(key);
    byShard.set(shard, list);
  }
  const groups: string[][] = [];
  let current: string[] = [];
  for (const shard of [...byShard.keys()].sort((a, b) => a - b)) {
    current.push(...(byShard.get(shard) ?? []));
    if (current.length >= maxPages) {
      groups.push(current);
      current = [];
    }
  }
  if (current.length > 0 || groups.length === 0) groups.push(current);
  return groups;
}

/**
 * True when applying these changes to a page can change nothing: each one is the revision the
 * local copy already came from, none is in conflict, and the page had no conflict. (A copy that
 * came from a revision has that revision's content hash, or was edited here since, which
 * applying leaves alone either way.) The page's record need not be read then.
 */
export function alreadyApplied(synced: readonly SyncedAnnotation[], revs: PageRevs, conflicts: Record<string, number> | undefined): boolean {
  if (conflicts && Object.keys(conflicts).length > 0) return false;
  return synced.every(({ annotationId, winner, versions }) => versions === 1 && revs[annotationId]?.rev === winner.rev);
}

/**
 * Applies one group of pages in one storage write (after one removal, if pages went); with
 * `nextSeq` the same write moves the applied sequence. Returns the records changed, or null when
 * the window is no longer this run's to apply (left the team, or another run applied it).
 */
async function applyGroup(ctx: SyncContext, since: number | string, keys: readonly string[], byPage: ReadonlyMap<string, SyncedAnnotation[]>, nextSeq: number | string | null): Promise<number | null> {
  return ctx.queue.run(async () => {
    const state = await ctx.storage.get([TEAM_KEY, TEAM_CONFLICTS_KEY, ...keys.map(revsKey)]);
    const config = parseTeam(state[TEAM_KEY]);
    if (!config || config.appliedSeq !== since) return null;
    const conflicts = parseConflicts(state[TEAM_CONFLICTS_KEY]);
    const revsOf = new Map(keys.map((key) => [key, parsePageRevs(state[revsKey(key)])]));
    // Records, and their shards, are read only for pages the changes can alter: an upload's own
    // changes cannot, so its windows read neither.
    const needed = keys.filter((key) => !alreadyApplied(byPage.get(key) ?? [], revsOf.get(key) ?? {}, conflicts[key]));
    const items = needed.length > 0 ? await ctx.storage.get([...needed.map(pageStorageKey), ...new Set(needed.map(shardKeyOf))]) : {};
    const put: PageRecord[] = [];
    const drop: string[] = [];
    const set: Record<string, unknown> = {};
    let conflictsChanged = false;
    for (const key of needed) {
      const raw = items[pageStorageKey(key)];
      const parsed = raw === undefined ? null : parsePageRecord(raw);
      if (raw !== undefined && !parsed) continue; // unreadable: left as it is
      const revs = revsOf.get(key) ?? {};
      const result = applySynced(key, parsed?.record ?? null, revs, conflicts[key] ?? {}, byPage.get(key) ?? []);
      // Only what changed is written: most changes of an upload are this profile's own.
      if (stableJson(result.revs) !== stableJson(revs)) set[revsKey(key)] = result.revs;
      if (stableJson(result.conflicts) !== stableJson(conflicts[key] ?? {})) conflictsChanged = true;
      if (Object.keys(result.conflicts).length > 0) conflicts[key] = result.conflicts;
      else delete conflicts[key];
      if (!result.recordChanged) continue;
      if (result.record) put.push(result.record);
      else if (parsed) drop.push(key);
    }
    const changes = pageChanges(items, put, drop);
    if (changes.remove.length > 0) await ctx.storage.remove(changes.remove);
    if (nextSeq !== null) config.appliedSeq = nextSeq;
    const write = { ...changes.set, ...set, ...(conflictsChanged ? { [TEAM_CONFLICTS_KEY]: conflicts } : {}), ...(nextSeq !== null ? { [TEAM_KEY]: config } : {}) };
    if (Object.keys(write).length > 0) await ctx.storage.set(write);
    return put.length + drop.length;
  });
}

/**
 * Applies every change of the local database not yet applied; returns how many page records
 * changed. With `wholeWindows` (while a pull is still writing) it stops at the first partial
 * window: small windows would rewrite the shards far more often than the pull needs.
 */
export async function applyLocalChanges(ctx: SyncContext, team: OpenTeam, options: { wholeWindows?: boolean } = {}): Promise<number> {
  let applied = 0;
  for (;;) {
    const since = team.config.appliedSeq;
    const { results, last_seq: lastSeq } = await team.local.changes({ since, limit: CHANGES_PER_WINDOW, include_docs: true, style: 'all_docs', return_docs: true });
    if (results.length === 0 || (options.wholeWindows && results.length < CHANGES_PER_WINDOW)) return applied;
    const byPage = new Map<string, SyncedAnnotation[]>();
    for (const row of results) {
      const found = await syncedOf(team.local, row);
      if (!found) continue;
      const list = byPage.get(found.pageKey) ?? [];
      list.push(found.synced);
      byPage.set(found.pageKey, list);
    }
    const groups = groupByShard(byPage.keys(), PAGES_PER_WRITE);
    for (const [index, keys] of groups.entries()) {
      const last = index === groups.length - 1;
      const changed = await applyGroup(ctx, since, keys, byPage, last ? lastSeq : null);
      if (changed === null) return applied;
      applied += changed;
    }
    team.config.appliedSeq = lastSeq;
  }
}
