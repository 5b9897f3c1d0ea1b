/**
 * Conflicts, shown and resolved. The reader sees every version of a conflicted annotation
 * (verdict, note, sources, who, when), then keeps one or merges them; the kept content is
 * written on top of the winner and every other version gets a "resolved" tombstone, so the
 * losing revisions are deleted on every replica once it syncs.
 */
import type { VerdictId } from '../../core/model/verdicts';
import { conflictVersions, mergeVersions, type ConflictVersion } from '../../core/sync/conflicts';
import { annotationBody, childRev, contentHash, docId, tombstoneBody } from '../../core/sync/docs';
import type { PlannedWrite } from '../../core/sync/plan';
import { applyLocalChanges, leavesOf } from './apply';
import { openTeam, type OpenTeam, type SyncContext } from './context';
import { writeRevisions } from './push';
import { TeamError } from './session';

/** How the reader resolves a conflict: keep one version (by revision), or merge them with a verdict. */
export type Resolution = { keep: string } | { merge: { verdict: VerdictId | null } };

async function joined(ctx: SyncContext): Promise<OpenTeam> {
  const team = await openTeam(ctx);
  if (!team) throw new TeamError('error', 'You are not in a team.');
  return team;
}

async function versionsOf(team: OpenTeam, id: string): Promise<ConflictVersion[]> {
  const winner = (await team.local.get(id).catch(() => null)) as { _rev?: string } | null;
  if (!winner?._rev) return [];
  return conflictVersions(winner._rev, await leavesOf(team.local, id));
}

/** Every version of an annotation in conflict, winner first; [] when it is not in conflict. */
export async function conflictDetails(ctx: SyncContext, pageKey: string, annotationId: string): Promise<ConflictVersion[]> {
  const versions = await versionsOf(await joined(ctx), docId(pageKey, annotationId));
  return versions.length > 1 ? versions : [];
}

/** Resolves a conflict as the reader chose; the losing revisions are deleted and the result synced. */
export async function resolveConflict(ctx: SyncContext, pageKey: string, annotationId: string, resolution: Resolution): Promise<void> {
  const team = await joined(ctx);
  const id = docId(pageKey, annotationId);
  const versions = await versionsOf(team, id);
  const winner = versions.find((version) => version.winner);
  if (versions.length < 2 || !winner?.annotation) throw new TeamError('error', 'This annotation has no conflict any more: someone resolved it already.');
  const author = team.config.userName;
  const now = ctx.now();
  const page = (await team.local.get(id)) as { page?: { key: string; url: string; title: string } };
  const pageInfo = page.page ?? { key: pageKey, url: '', title: '' };
  let content = winner.annotation;
  let deleteAll = false;
  if ('keep' in resolution) {
    const kept = versions.find((version) => version.rev === resolution.keep);
    if (!kept) throw new TeamError('error', 'That version is gone: someone resolved the conflict meanwhile.');
    if (kept.annotation) content = { ...kept.annotation };
    else deleteAll = true;
  } else {
    content = mergeVersions(versions, resolution.merge.verdict, now) ?? content;
  }
  const writes: PlannedWrite[] = [];
  const hash = deleteAll ? contentHash(null) : contentHash(content);
  if (deleteAll || hash !== contentHash(winner.annotation)) {
    const { rev } = childRev(id, winner.rev, `resolve\u0000${hash}`, author);
    const body = deleteAll ? tombstoneBody(pageInfo, annotationId, author, now, 'resolved') : annotationBody(pageInfo, content, author, now);
    writes.push({ id, pageKey, annotationId, base: winner.rev, rev, body, hash });
  }
  for (const version of versions) {
    if (version.winner) continue;
    const { rev } = childRev(id, version.rev, 'resolved', author);
    writes.push({ id, pageKey, annotationId, base: version.rev, rev, body: tombstoneBody(pageInfo, annotationId, author, now, 'resolved'), hash: contentHash(null) });
  }
  await writeRevisions(team.local, writes);
  await applyLocalChanges(ctx, team);
}
