import type { Annotation, AnnotationEdit, AnnotationOrigin, PageRecord, Source } from './annotation';
import type { PassageSelector } from './selectors';
import { isVerdictId } from './verdicts';

/** Storage key prefix of page records; the rest of the key is the page's canonical key. */
export const PAGE_KEY_PREFIX = 'page:';

/** The storage key of a page's record. */
export function pageStorageKey(canonicalKey: string): string {
  return PAGE_KEY_PREFIX + canonicalKey;
}

type Loose = Record<string, unknown>;

function isObject(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** True for an absolute http: or https: URL, the only kinds a source may have. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function parseSelector(raw: unknown): PassageSelector | null {
  if (!isObject(raw) || !isObject(raw.quote) || !isObject(raw.position)) return null;
  const { quote, position } = raw;
  if (typeof quote.exact !== 'string' || quote.exact === '') return null;
  const start = Number(position.start);
  const end = Number(position.end);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) return null;
  return { quote: { exact: quote.exact, prefix: str(quote.prefix), suffix: str(quote.suffix) }, position: { start, end } };
}

function parseSource(raw: unknown): Source | null {
  if (!isObject(raw) || typeof raw.url !== 'string' || !isHttpUrl(raw.url)) return null;
  return { url: raw.url, title: str(raw.title), quote: str(raw.quote), publisher: str(raw.publisher) };
}

/** Validates one stored annotation; null when it cannot be used. */
export function parseAnnotation(raw: unknown): Annotation | null {
  if (!isObject(raw) || typeof raw.id !== 'string' || raw.id === '') return null;
  const selector = parseSelector(raw.selector);
  if (!selector) return null;
  const origin: AnnotationOrigin = raw.origin === 'user' ? 'user' : 'detected';
  return {
    id: raw.id,
    origin,
    selector,
    verdict: isVerdictId(raw.verdict) ? raw.verdict : null,
    note: str(raw.note),
    sources: Array.isArray(raw.sources) ? raw.sources.map(parseSource).filter((s): s is Source => s !== null) : [],
    tags: Array.isArray(raw.tags) ? raw.tags.filter((t): t is string => typeof t === 'string') : [],
    createdAt: str(raw.createdAt),
    updatedAt: str(raw.updatedAt),
  };
}

/** The outcome of reading a stored page record: the record, and how many annotations were unusable. */
export interface ParsedRecord {
  record: PageRecord;
  rejected: number;
}

/** Validates a stored page record, skipping bad annotations; null when the record itself is unusable. */
export function parsePageRecord(raw: unknown): ParsedRecord | null {
  if (!isObject(raw) || typeof raw.key !== 'string' || typeof raw.url !== 'string') return null;
  const annotations: Record<string, Annotation> = {};
  let rejected = 0;
  const rawAnnotations = isObject(raw.annotations) ? raw.annotations : {};
  for (const value of Object.values(rawAnnotations)) {
    const annotation = parseAnnotation(value);
    if (annotation) annotations[annotation.id] = annotation;
    else rejected++;
  }
  return { record: { key: raw.key, url: raw.url, title: str(raw.title), annotations, updatedAt: str(raw.updatedAt) }, rejected };
}

/** The record stored for a canonical key; null when unreadable or filed under another page's key. */
export function parseStoredPage(canonicalKey: string, raw: unknown): ParsedRecord | null {
  const parsed = parsePageRecord(raw);
  return parsed && parsed.record.key === canonicalKey ? parsed : null;
}

/** Checks an edit before it is stored; returns a user-facing error message, or null when valid. */
export function validateEdit(edit: AnnotationEdit): string | null {
  for (const source of edit.sources ?? []) {
    if (!isHttpUrl(source.url)) return `Source URL must start with http:// or https:// (got "${source.url}").`;
  }
  if (edit.verdict !== undefined && edit.verdict !== null && !isVerdictId(edit.verdict)) return `Unknown verdict "${String(edit.verdict)}".`;
  return null;
}

/** Inputs of one annotation edit. */
export interface EditInput {
  page: { key: string; url: string; title: string };
  id: string;
  origin: AnnotationOrigin;
  selector: PassageSelector;
  edit: AnnotationEdit;
  now: string;
}

/** Returns a new record with the edit applied (creating the record and annotation when needed). */
export function applyEdit(existing: PageRecord | null, input: EditInput): PageRecord {
  const record: PageRecord = existing
    ? { ...existing, annotations: { ...existing.annotations } }
    : { key: input.page.key, url: input.page.url, title: input.page.title, annotations: {}, updatedAt: input.now };
  record.url = input.page.url || record.url;
  record.title = input.page.title || record.title;
  const previous = record.annotations[input.id];
  const base: Annotation = previous ?? {
    id: input.id,
    origin: input.origin,
    selector: input.selector,
    verdict: null,
    note: '',
    sources: [],
    tags: [],
    createdAt: input.now,
    updatedAt: input.now,
  };
  record.annotations[input.id] = { ...base, ...input.edit, updatedAt: input.now };
  record.updatedAt = input.now;
  return record;
}
