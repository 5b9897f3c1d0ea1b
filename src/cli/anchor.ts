import { createAnchorer, type AnchorMethod, type AnchorTarget } from '../core/anchoring/anchor';
import { findArticle } from '../core/article/find-article';
import { buildTextIndex } from '../core/text/text-index';
import { UsageError } from './errors';
import { loadDocument, readText } from './load-document';

/** One annotation's result, as `factmark anchor --json` prints it. */
export interface AnchorRow {
  id: string;
  status: 'anchored' | 'orphan';
  /** The page text it attached to, or (orphans) the stored quote. */
  exact: string;
  start: number | null;
  end: number | null;
  confidence: number;
  method: AnchorMethod | null;
  /** Why an orphan is one. */
  reason?: string;
}

/** An annotation read from the file: its id and selectors, or why it has none usable. */
interface StoredAnnotation {
  id: string;
  target: AnchorTarget | null;
  reason?: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON-LD value that may be one item or an array of them, as an array. */
function many(value: Json | undefined): Json[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function hasType(value: JsonObject, type: string): boolean {
  return many(value.type ?? value['@type']).includes(type);
}

/** The annotation objects of a parsed file: an array, an AnnotationCollection/Page, or one Annotation. */
function annotationItems(data: Json, path: string): Json[] {
  if (Array.isArray(data)) return data;
  if (!isObject(data)) return [];
  if (hasType(data, 'AnnotationCollection') || 'first' in data) {
    const items: Json[] = many(data.items);
    // Follow the chain of inline pages (parsed JSON has no cycles); a page given only by its IRI
    // would have to be fetched, which this offline command does not do.
    for (let page = data.first; page !== undefined && page !== null; ) {
      if (typeof page === 'string') throw new UsageError(`${path}: the collection's page ${page} is a reference; pages must be inline objects`);
      if (!isObject(page)) break;
      items.push(...many(page.items));
      page = page.next;
    }
    return items;
  }
  if (hasType(data, 'AnnotationPage')) return many(data.items);
  return 'target' in data ? [data] : [];
}

function text(value: Json | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The selectors of an annotation's first target that has a TextQuoteSelector. */
function targetOf(annotation: JsonObject): { target: AnchorTarget | null; reason?: string } {
  const targets = many(annotation.target).filter(isObject);
  if (targets.length === 0) return { target: null, reason: 'no target with selectors' };
  for (const target of targets) {
    const selectors = many(target.selector).filter(isObject);
    const quote = selectors.find((s) => hasType(s, 'TextQuoteSelector'));
    if (!quote) continue;
    const exact = text(quote.exact);
    if (!exact || exact.trim().length === 0) return { target: null, reason: 'TextQuoteSelector without exact text' };
    const position = selectors.find((s) => hasType(s, 'TextPositionSelector'));
    const start = position?.start;
    const end = position?.end;
    const valid = typeof start === 'number' && typeof end === 'number' && Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start;
    return { target: { quote: { exact, prefix: text(quote.prefix) ?? '', suffix: text(quote.suffix) ?? '' }, position: valid ? { start, end } : null } };
  }
  return { target: null, reason: 'no TextQuoteSelector' };
}

/** Reads a W3C Web Annotation file (JSON array, AnnotationCollection, AnnotationPage or one Annotation). */
export function readAnnotations(path: string): StoredAnnotation[] {
  let data: Json;
  try {
    data = JSON.parse(readText(path)) as Json;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${path}: invalid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const items = annotationItems(data, path);
  if (items.length === 0) throw new UsageError(`${path}: no annotations found (expected a JSON array of Annotations or an AnnotationCollection)`);
  const annotations = items.map((item, i): StoredAnnotation => {
    if (!isObject(item)) return { id: `#${i + 1}`, target: null, reason: 'not an annotation object' };
    const id = text(item.id) ?? text(item['@id']) ?? `#${i + 1}`;
    return { id, ...targetOf(item) };
  });
  if (annotations.every((a) => a.target === null)) throw new UsageError(`${path}: none of the ${annotations.length} annotations has a usable TextQuoteSelector`);
  return annotations;
}

/** Anchors every annotation of a file in a page's article text (the text `factmark scan` indexes). */
export function anchorFile(pagePath: string, annotationsPath: string): AnchorRow[] {
  const annotations = readAnnotations(annotationsPath);
  const { document } = loadDocument(pagePath);
  const article = findArticle(document);
  if (!article) throw new UsageError(`${pagePath}: no article text found`);
  const pageText = buildTextIndex(article.root).text;
  const anchorer = createAnchorer(pageText);
  return annotations.map(({ id, target, reason }): AnchorRow => {
    const stored = target?.quote.exact ?? '';
    if (!target) return { id, status: 'orphan', exact: stored, start: null, end: null, confidence: 0, method: null, reason };
    const anchor = anchorer.anchor(target);
    if (!anchor) return { id, status: 'orphan', exact: stored, start: null, end: null, confidence: 0, method: null, reason: 'no confident match in the page' };
    return { id, status: 'anchored', exact: pageText.slice(anchor.start, anchor.end), start: anchor.start, end: anchor.end, confidence: anchor.confidence, method: anchor.method };
  });
}

function clip(value: string, width: number): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
}

/** The human-readable table of an anchoring run. */
export function formatAnchors(rows: AnchorRow[]): string {
  const anchored = rows.filter((row) => row.status === 'anchored').length;
  const idWidth = Math.min(24, Math.max(2, ...rows.map((row) => row.id.length)));
  const header = `${'id'.padEnd(idWidth)}  status    conf  method      start-end      text`;
  const lines = rows.map((row) => {
    const span = row.start === null ? '-' : `${row.start}-${row.end}`;
    const detail = row.reason ? ` (${row.reason})` : '';
    return `${clip(row.id, idWidth).padEnd(idWidth)}  ${row.status.padEnd(8)}  ${row.confidence.toFixed(2)}  ${(row.method ?? '-').padEnd(10)}  ${span.padEnd(13)}  ${clip(row.exact, 60)}${detail}`;
  });
  return [`${rows.length} annotations: ${anchored} anchored, ${rows.length - anchored} orphans`, '', header, ...lines].join('\n');
}
