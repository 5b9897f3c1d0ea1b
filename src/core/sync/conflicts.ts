/**
 * Conflicts as the reader sees them. CouchDB keeps every version that was written without
 * knowledge of the other and picks a winner deterministically; Factmark shows the winner and
 * counts the other versions: live ones, and deletions that raced an edit ("deleted" tombstones
 * beside a live winner). Tombstones a resolution wrote ("resolved") are not versions.
 */
import type { Annotation, Source } from '../model/annotation';
import type { VerdictId } from '../model/verdicts';
import type { ParsedRevision } from './docs';

/** One version of a conflicted annotation, as the popup shows it. */
export interface ConflictVersion {
  rev: string;
  /** True for the version CouchDB picked, which the page shows. */
  winner: boolean;
  /** Null when this version is a deletion. */
  annotation: Annotation | null;
  author: string;
  editedAt: string;
}

/** The versions the reader should see among a document's leaf revisions, winner first. */
export function conflictVersions(winnerRev: string, leaves: readonly ParsedRevision[]): ConflictVersion[] {
  const winner = leaves.find((leaf) => leaf.rev === winnerRev);
  if (!winner || winner.deleted) return [];
  const versions: ConflictVersion[] = [];
  for (const leaf of leaves) {
    if (leaf.deleted && (leaf.reason === 'resolved' || leaf.rev === winnerRev)) continue;
    versions.push({ rev: leaf.rev, winner: leaf.rev === winnerRev, annotation: leaf.deleted ? null : leaf.annotation, author: leaf.author, editedAt: leaf.editedAt });
  }
  return versions.sort((a, b) => Number(b.winner) - Number(a.winner) || (a.rev < b.rev ? -1 : 1));
}

/** How many versions the reader should see (1 when there is no conflict). */
export function versionCount(winnerRev: string, leaves: readonly ParsedRevision[]): number {
  return Math.max(1, conflictVersions(winnerRev, leaves).length);
}

function uniqueSources(lists: readonly Source[][]): Source[] {
  const seen = new Set<string>();
  const out: Source[] = [];
  for (const list of lists) {
    for (const source of list) {
      const key = `${source.url}\u0000${source.quote}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(source);
    }
  }
  return out;
}

/**
 * One annotation made of several versions: the chosen verdict, every distinct note (in the
 * order given, separated by a rule), every source and tag once. Deletions contribute nothing.
 */
export function mergeVersions(versions: readonly ConflictVersion[], verdict: VerdictId | null, now: string): Annotation | null {
  const live = versions.map((version) => version.annotation).filter((annotation): annotation is Annotation => annotation !== null);
  const base = live[0];
  if (!base) return null;
  const notes = [...new Set(live.map((annotation) => annotation.note.trim()).filter((note) => note !== ''))];
  return {
    ...base,
    verdict,
    note: notes.join('\n\n---\n\n'),
    sources: uniqueSources(live.map((annotation) => annotation.sources)),
    tags: [...new Set(live.flatMap((annotation) => annotation.tags))],
    createdAt: live.map((annotation) => annotation.createdAt).filter((at) => at !== '').sort()[0] ?? base.createdAt,
    updatedAt: now,
  };
}
