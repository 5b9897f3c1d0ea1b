/**
 * The team database's documents: one per annotation, so two readers only conflict when they
 * edit the same annotation. Pure: the background turns page records into these and back.
 */
import type { Annotation, PageRecord } from '../model/annotation';
import { parseAnnotation } from '../model/records';

/** The `type` every Factmark document carries; the server's validate_doc_update refuses others. */
export const ANNOTATION_DOC_TYPE = 'factmark-annotation';

/** Prefix of annotation document ids. */
export const DOC_ID_PREFIX = 'a:';

/** Why a revision is a deletion: the reader deleted it, or it lost a resolved conflict. */
export type DeletionReason = 'deleted' | 'resolved';

/** The page an annotation belongs to, as the document carries it. */
export interface DocPage {
  key: string;
  url: string;
  title: string;
}

/** A live annotation document's body (without `_id`/`_rev`). */
export interface AnnotationBody {
  type: typeof ANNOTATION_DOC_TYPE;
  page: DocPage;
  annotation: Annotation;
  /** The team member (CouchDB user name) who wrote this revision; the server checks it. */
  author: string;
  /** When this revision was written (ISO). */
  editedAt: string;
}

/** A deletion's body: a tombstone that still says who deleted what, when and why. */
export interface TombstoneBody {
  type: typeof ANNOTATION_DOC_TYPE;
  _deleted: true;
  page: DocPage;
  annotationId: string;
  author: string;
  editedAt: string;
  reason: DeletionReason;
}

/** The id of an annotation's document: built from the page's canonical key and the annotation id. */
export function docId(pageKey: string, annotationId: string): string {
  return `${DOC_ID_PREFIX}${encodeURIComponent(pageKey)}:${encodeURIComponent(annotationId)}`;
}

/** The page key and annotation id a document id was built from; null for other ids. */
export function parseDocId(id: string): { pageKey: string; annotationId: string } | null {
  if (!id.startsWith(DOC_ID_PREFIX)) return null;
  const parts = id.slice(DOC_ID_PREFIX.length).split(':');
  if (parts.length !== 2) return null;
  try {
    const pageKey = decodeURIComponent(parts[0] ?? '');
    const annotationId = decodeURIComponent(parts[1] ?? '');
    return pageKey && annotationId ? { pageKey, annotationId } : null;
  } catch {
    return null;
  }
}

/** A live document body for an annotation of a page. */
export function annotationBody(record: Pick<PageRecord, 'key' | 'url' | 'title'>, annotation: Annotation, author: string, editedAt: string): AnnotationBody {
  return { type: ANNOTATION_DOC_TYPE, page: { key: record.key, url: record.url, title: record.title }, annotation, author, editedAt };
}

/** A tombstone body. */
export function tombstoneBody(page: DocPage, annotationId: string, author: string, editedAt: string, reason: DeletionReason): TombstoneBody {
  return { type: ANNOTATION_DOC_TYPE, _deleted: true, page, annotationId, author, editedAt, reason };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One revision of a document as read back (live or deleted), validated. */
export type ParsedRevision =
  | { deleted: false; rev: string; page: DocPage; annotation: Annotation; author: string; editedAt: string }
  | { deleted: true; rev: string; page: DocPage | null; annotationId: string; author: string; editedAt: string; reason: DeletionReason };

/**
 * Reads one stored revision; null when it is not a Factmark document or its id does not match
 * its content (the server refuses such documents; a local copy could still hold one).
 */
export function parseRevision(raw: unknown): ParsedRevision | null {
  if (!isObject(raw) || typeof raw._id !== 'string' || typeof raw._rev !== 'string') return null;
  const ids = parseDocId(raw._id);
  if (!ids) return null;
  const author = typeof raw.author === 'string' ? raw.author : '';
  const editedAt = typeof raw.editedAt === 'string' ? raw.editedAt : '';
  const page = isObject(raw.page) && typeof raw.page.key === 'string' && typeof raw.page.url === 'string' ? { key: raw.page.key, url: raw.page.url, title: typeof raw.page.title === 'string' ? raw.page.title : '' } : null;
  if (raw._deleted === true) {
    return { deleted: true, rev: raw._rev, page, annotationId: ids.annotationId, author, editedAt, reason: raw.reason === 'resolved' ? 'resolved' : 'deleted' };
  }
  if (raw.type !== ANNOTATION_DOC_TYPE || !page || page.key !== ids.pageKey) return null;
  const annotation = parseAnnotation(raw.annotation);
  if (!annotation || annotation.id !== ids.annotationId) return null;
  return { deleted: false, rev: raw._rev, page, annotation, author, editedAt };
}

/** A stable JSON text of a value: object keys sorted, so equal content gives equal text. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (isObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .filter((key) => value[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${stableJson(value[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** 128 bits of four FNV-1a variants, as 32 hex digits (the shape of CouchDB revision ids). Not cryptographic. */
export function hash128(text: string): string {
  const seeds = [0x811c9dc5, 0x01000193 ^ 0x5bd1e995, 0x9e3779b9, 0x85ebca6b];
  let out = '';
  for (const seed of seeds) {
    let hash = seed >>> 0;
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
      hash ^= hash >>> 15;
    }
    hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
    out += ((hash ^ (hash >>> 16)) >>> 0).toString(16).padStart(8, '0');
  }
  return out;
}

/** The content hash of an annotation (what the reader can change), to tell whether it changed since a revision. */
export function contentHash(annotation: Annotation | null): string {
  return annotation ? hash128(stableJson(annotation)) : 'absent';
}

/**
 * The id of the revision that writes `contentKey` on top of `baseRev` (null: a new document).
 * Deterministic, so a write repeated after the background stopped half-way is the same
 * revision, not a second one that would conflict with the first.
 */
export function childRev(id: string, baseRev: string | null, contentKey: string, author: string): { rev: string; depth: number; hash: string } {
  const depth = baseRev ? Number.parseInt(baseRev, 10) + 1 : 1;
  const hash = hash128(`${id}\u0000${baseRev ?? ''}\u0000${contentKey}\u0000${author}`);
  return { rev: `${depth}-${hash}`, depth, hash };
}
