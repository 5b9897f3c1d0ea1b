/**
 * The validation every imported annotation goes through, whatever its format: the format
 * readers (w3c-item.ts, hypothesis-item.ts) only pick fields out of the file; this module
 * decides what is acceptable, so the rules are the same for every source of data.
 */

import type { Annotation, AnnotationOrigin, Source } from '../model/annotation';
import { isHttpUrl } from '../model/records';
import type { VerdictId } from '../model/verdicts';
import { canonicalKey, siteOf } from '../url';
import { cap, capEnd, IMPORT_LIMITS as L, isoDate, preview } from './json-input';

/** One usable annotation from the file, with the page it belongs to. */
export interface ImportedItem {
  /** Position of the annotation in the file, from 0. */
  index: number;
  page: { key: string; url: string; title: string };
  annotation: Annotation;
}

/** Why one annotation of the file (by position, from 0) was rejected or changed. */
export interface ImportIssue {
  index: number;
  reason: string;
}

/** A source as found in the file, before validation. */
export interface RawSource {
  url: unknown;
  title?: unknown;
  quote?: unknown;
  publisher?: unknown;
}

/** The fields a format reader found for one annotation, before validation. */
export interface ItemFields {
  id: string;
  origin: AnnotationOrigin;
  pageUrl: unknown;
  /** The stored page key, when the file has one (Factmark's own exports). */
  pageKey?: unknown;
  pageTitle: unknown;
  exact: unknown;
  prefix: unknown;
  suffix: unknown;
  start: unknown;
  end: unknown;
  verdict: VerdictId | null;
  note: string;
  sources: RawSource[];
  tags: unknown[];
  created: unknown;
  modified: unknown;
}

/** Ids become object keys in storage: a safe character set, and never a name Object.prototype uses. */
const ID_PATTERN = /^[A-Za-z0-9_.:~-]{1,200}$/;
const FORBIDDEN_IDS = new Set(['__proto__', 'constructor', 'prototype']);

/** A URL that is an absolute http(s) URL of sane length, else null. */
function httpUrl(value: unknown): string | null {
  return typeof value === 'string' && value.length <= L.maxUrl && isHttpUrl(value) ? value : null;
}

/**
 * A stored page key from the file, when it is an http(s) URL on the same site as the page: the
 * same rule canonicalKey applies to canonical links, so a file cannot file notes under another site.
 */
function storedKey(value: unknown, pageUrl: string): string | null {
  const key = httpUrl(value);
  return key && siteOf(new URL(key).hostname) === siteOf(new URL(pageUrl).hostname) ? key : null;
}

function sourcesOf(raw: RawSource[], warn: (reason: string) => void): Source[] {
  const sources: Source[] = [];
  for (const source of raw) {
    const url = httpUrl(source.url);
    if (!url) warn(`dropped a source whose URL is not an http(s) URL (${preview(String(source.url))})`);
    else if (sources.length >= L.maxSources) warn(`dropped sources beyond the first ${L.maxSources}`);
    else {
      const text = (value: unknown, max: number): string => (typeof value === 'string' ? cap(value, max) : '');
      sources.push({ url, title: text(source.title, L.maxTitle), quote: text(source.quote, L.maxSourceQuote), publisher: text(source.publisher, L.maxTitle) });
    }
  }
  return sources;
}

function tagsOf(raw: unknown[], warn: (reason: string) => void): string[] {
  const tags: string[] = [];
  for (const tag of raw) {
    if (typeof tag !== 'string' || tag.trim() === '') continue;
    if (tag.length > L.maxTag) warn(`dropped a tag longer than ${L.maxTag} characters`);
    else if (tags.length >= L.maxTags) warn(`dropped tags beyond the first ${L.maxTags}`);
    else tags.push(tag);
  }
  return tags;
}

function offset(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;
}

/**
 * Validates one annotation's fields: the item, or the reason it is rejected. Problems that
 * affect only a part (a bad source link, an over-long tag) drop that part and are reported
 * through `warn`; trimming is applied only where nothing is lost that matters (quote context,
 * titles).
 */
export function buildItem(index: number, fields: ItemFields, warn: (reason: string) => void): ImportedItem | string {
  const url = httpUrl(fields.pageUrl);
  if (!url) return `the annotated page's URL is not an http(s) URL (${preview(typeof fields.pageUrl === 'string' ? fields.pageUrl : 'none')})`;
  if (!ID_PATTERN.test(fields.id) || FORBIDDEN_IDS.has(fields.id)) return `unusable annotation id (${preview(fields.id)})`;
  const exact = fields.exact;
  if (typeof exact !== 'string' || exact.trim() === '') return 'the TextQuoteSelector has no quoted text';
  if (exact.length > L.maxQuote) return `the quoted text is longer than ${L.maxQuote} characters`;
  if (fields.note.length > L.maxNote) return `the note is longer than ${L.maxNote} characters`;
  const start = offset(fields.start);
  const end = offset(fields.end);
  // No usable TextPositionSelector: an empty span, which the anchorer treats as "no position".
  const position = start !== null && end !== null && end >= start ? { start, end } : { start: 0, end: 0 };
  const key = storedKey(fields.pageKey, url) ?? canonicalKey(url, null);
  const annotation: Annotation = {
    id: fields.id,
    origin: fields.origin,
    selector: {
      quote: { exact, prefix: capEnd(typeof fields.prefix === 'string' ? fields.prefix : '', L.maxContext), suffix: cap(typeof fields.suffix === 'string' ? fields.suffix : '', L.maxContext) },
      position,
    },
    verdict: fields.verdict,
    note: fields.note,
    sources: sourcesOf(fields.sources, warn),
    tags: tagsOf(fields.tags, warn),
    createdAt: isoDate(fields.created),
    updatedAt: isoDate(fields.modified) || isoDate(fields.created),
  };
  return { index, page: { key, url, title: typeof fields.pageTitle === 'string' ? cap(fields.pageTitle, L.maxTitle) : '' }, annotation };
}
