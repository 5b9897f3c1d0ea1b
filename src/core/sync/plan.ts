/**
 * What one sync step changes, decided without touching storage or the database: which local
 * annotations need a new revision (push), and how synced revisions change the page records the
 * UI reads (apply). Each annotation remembers the revision its local copy came from and the
 * hash of that copy ("revs"); a local copy whose hash differs was edited here since.
 */
import type { Annotation, PageRecord } from '../model/annotation';
import { annotationBody, childRev, contentHash, docId, tombstoneBody, type AnnotationBody, type ParsedRevision, type TombstoneBody } from './docs';

/** The revision an annotation's local copy came from, and the hash of that copy. */
export interface RevEntry {
  rev: string;
  hash: string;
}

/** A page's rev entries by annotation id. */
export type PageRevs = Record<string, RevEntry>;

/** One revision to write into the local database on top of `base` (null: a new document). */
export interface PlannedWrite {
  id: string;
  pageKey: string;
  annotationId: string;
  base: string | null;
  rev: string;
  body: AnnotationBody | TombstoneBody;
  /** The content hash the rev entry takes once written. */
  hash: string;
}

/** Reads a stored rev map leniently (bad entries dropped). */
export function parsePageRevs(raw: unknown): PageRevs {
  const revs: PageRevs = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return revs;
  for (const [id, value] of Object.entries(raw as Record<string, unknown>)) {
    const entry = value as { rev?: unknown; hash?: unknown } | null;
    if (entry && typeof entry.rev === 'string' && typeof entry.hash === 'string') revs[id] = { rev: entry.rev, hash: entry.hash };
  }
  return revs;
}

/**
 * The revisions that bring the team database up to this page's local record: a changed or new
 * annotation gets a revision on top of the one its copy came from (so an edit made while
 * someone else's change was on its way becomes a visible conflict, never an overwrite), and an
 * annotation deleted here gets a tombstone. Unchanged annotations need nothing.
 */
export function planPush(pageKey: string, record: PageRecord | null, revs: PageRevs, author: string, now: string): PlannedWrite[] {
  const writes: PlannedWrite[] = [];
  const annotations = record?.annotations ?? {};
  for (const annotation of Object.values(annotations)) {
    const entry = revs[annotation.id];
    const hash = contentHash(annotation);
    if (entry && entry.hash === hash) continue;
    const id = docId(pageKey, annotation.id);
    const page = { key: pageKey, url: record?.url ?? '', title: record?.title ?? '' };
    const { rev } = childRev(id, entry?.rev ?? null, hash, author);
    writes.push({ id, pageKey, annotationId: annotation.id, base: entry?.rev ?? null, rev, body: annotationBody(page, annotation, author, now), hash });
  }
  for (const [annotationId, entry] of Object.entries(revs)) {
    if (annotationId in annotations || entry.hash === contentHash(null)) continue;
    const id = docId(pageKey, annotationId);
    const { rev } = childRev(id, entry.rev, 'deleted', author);
    const page = { key: pageKey, url: record?.url ?? '', title: record?.title ?? '' };
    writes.push({ id, pageKey, annotationId, base: entry.rev, rev, body: tombstoneBody(page, annotationId, author, now, 'deleted'), hash: contentHash(null) });
  }
  return writes;
}

/** The synced state of one annotation's document: its winning revision and how many versions the reader should see. */
export interface SyncedAnnotation {
  annotationId: string;
  winner: ParsedRevision;
  /** 1 when there is no conflict; otherwise the live versions plus unresolved deletions. */
  versions: number;
}

/** A page after applying synced revisions. */
export interface AppliedPage {
  record: PageRecord | null;
  revs: PageRevs;
  /** Annotation id → versions, for annotations in conflict only. */
  conflicts: Record<string, number>;
  /** True when the record changed (and must be written with its summary). */
  recordChanged: boolean;
}

function latest(a: string, b: string): string {
  return a > b ? a : b;
}

/**
 * Applies synced winners to a page's local record. A local copy that was not edited here since
 * it was last synced takes the winner (or goes, when the winner is a deletion); a copy edited
 * here is left alone, for the next push to write on top of its own base revision.
 */
export function applySynced(pageKey: string, record: PageRecord | null, revs: PageRevs, conflicts: Record<string, number>, synced: readonly SyncedAnnotation[]): AppliedPage {
  const annotations: Record<string, Annotation> = { ...(record?.annotations ?? {}) };
  const nextRevs: PageRevs = { ...revs };
  const nextConflicts: Record<string, number> = { ...conflicts };
  let url = record?.url ?? '';
  let title = record?.title ?? '';
  let updatedAt = record?.updatedAt ?? '';
  let changed = false;
  for (const { annotationId, winner, versions } of synced) {
    const local = annotations[annotationId] ?? null;
    const entry = nextRevs[annotationId];
    const localHash = contentHash(local);
    const winnerHash = contentHash(winner.deleted ? null : winner.annotation);
    // Not edited here since its last sync, or already equal to the winner (a repeated apply).
    const clean = (entry ? entry.hash === localHash : local === null) || localHash === winnerHash;
    if (versions > 1) nextConflicts[annotationId] = versions;
    else delete nextConflicts[annotationId];
    if (!clean) continue;
    if (winner.deleted) {
      if (local) {
        delete annotations[annotationId];
        changed = true;
      }
      nextRevs[annotationId] = { rev: winner.rev, hash: contentHash(null) };
      continue;
    }
    const hash = winnerHash;
    if (hash !== localHash) {
      annotations[annotationId] = winner.annotation;
      updatedAt = latest(updatedAt, winner.annotation.updatedAt);
      if (!record || !url) url = winner.page.url;
      if (!record || !title) title = winner.page.title;
      changed = true;
    }
    nextRevs[annotationId] = { rev: winner.rev, hash };
  }
  // Entries of deleted documents stay: an annotation made again with the same id then continues
  // the deleted document instead of starting a second one that would look like a conflict.
  const empty = Object.keys(annotations).length === 0;
  const next: PageRecord | null = empty ? null : { key: pageKey, url, title, annotations, updatedAt: updatedAt || new Date(0).toISOString() };
  return { record: next, revs: nextRevs, conflicts: nextConflicts, recordChanged: changed };
}
