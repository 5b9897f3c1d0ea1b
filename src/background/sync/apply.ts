/**
 * Synced revisions into the page records and library summaries the UI reads. Reads the local
 * database's changes feed from the sequence last applied, a batch at a time; each batch's
 * records, summaries, rev entries, conflicts and the new sequence go out in one storage call,
 * so a stopped worker resumes exactly where it was.
 */
import { pageStorageKey, parsePageRecord } from '../../core/model/records';
import { pageChanges, shardKeyOf } from '../../core/model/summaries';
import type { PageRecord } from '../../core/model/annotation';
import { versionCount } from '../../core/sync/conflicts';
import { parseDocId, parseRevision, stableJson, type ParsedRevision } from '../../core/sync/docs';
import { applySynced, parsePageRevs, type SyncedAnnotation } from '../../core/sync/plan';
import { parseConflicts, parseTeam, revsKey, TEAM_CONFLICTS_KEY, TEAM_KEY } from '../../core/sync/team';
import type { OpenTeam, SyncContext } from './context';
import type { ChangeRow, SyncDb } from './pouch-types';

/** Changes read per batch; each batch is one storage write of at most this many pages. */
const CHANGES_PER_BATCH = 400;

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

/** Applies every change of the local database not yet applied; returns how many documents changed. */
export async function applyLocalChanges(ctx: SyncContext, team: OpenTeam): Promise<number> {
  let applied = 0;
  for (;;) {
    const since = team.config.appliedSeq;
    const { results, last_seq: lastSeq } = await team.local.changes({ since, limit: CHANGES_PER_BATCH, include_docs: true, style: 'all_docs', return_docs: true });
    if (results.length === 0) return applied;
    const byPage = new Map<string, SyncedAnnotation[]>();
    for (const row of results) {
      const found = await syncedOf(team.local, row);
      if (!found) continue;
      const list = byPage.get(found.pageKey) ?? [];
      list.push(found.synced);
      byPage.set(found.pageKey, list);
    }
    await ctx.queue.run(async () => {
      const keys = [...byPage.keys()];
      const items = await ctx.storage.get([TEAM_KEY, TEAM_CONFLICTS_KEY, ...keys.map(pageStorageKey), ...keys.map(revsKey), ...new Set(keys.map(shardKeyOf))]);
      const config = parseTeam(items[TEAM_KEY]);
      if (!config || config.appliedSeq !== since) return; // left the team, or another run applied this batch
      const conflicts = parseConflicts(items[TEAM_CONFLICTS_KEY]);
      const put: PageRecord[] = [];
      const drop: string[] = [];
      const set: Record<string, unknown> = {};
      let conflictsChanged = false;
      for (const [key, synced] of byPage) {
        const raw = items[pageStorageKey(key)];
        const parsed = raw === undefined ? null : parsePageRecord(raw);
        if (raw !== undefined && !parsed) continue; // unreadable: left as it is
        const revs = parsePageRevs(items[revsKey(key)]);
        const result = applySynced(key, parsed?.record ?? null, revs, conflicts[key] ?? {}, synced);
        // Only what changed is written: most changes of an upload are this profile's own.
        if (stableJson(result.revs) !== stableJson(revs)) set[revsKey(key)] = result.revs;
        if (stableJson(result.conflicts) !== stableJson(conflicts[key] ?? {})) conflictsChanged = true;
        if (Object.keys(result.conflicts).length > 0) conflicts[key] = result.conflicts;
        else delete conflicts[key];
        if (!result.recordChanged) continue;
        if (result.record) put.push(result.record);
        else if (parsed) drop.push(key);
        applied++;
      }
      const changes = pageChanges(items, put, drop);
      if (changes.remove.length > 0) await ctx.storage.remove(changes.remove);
      config.appliedSeq = lastSeq;
      await ctx.storage.set({ ...changes.set, ...set, ...(conflictsChanged ? { [TEAM_CONFLICTS_KEY]: conflicts } : {}), [TEAM_KEY]: config });
      team.config.appliedSeq = lastSeq;
    });
    if (team.config.appliedSeq !== lastSeq) return applied;
  }
}
