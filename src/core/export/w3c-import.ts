/**
 * Import parsing: Factmark's own W3C export (lossless), other tools' W3C Web Annotations
 * (one Annotation, an array, an AnnotationPage, or an AnnotationCollection with inline pages),
 * and Hypothesis JSON exports. The whole file either fails with one message and no items, or
 * yields every usable annotation plus a reason for each one that was not.
 */

import { hypothesisCreator, hypothesisFields, isHypothesisAnnotation } from './hypothesis-item';
import { buildItem, type ImportedItem, type ImportIssue } from './import-item';
import { cap, hasType, IMPORT_LIMITS, isObject, many, parseJson, type Loose } from './json-input';
import type { Creator } from './library';
import { w3cCreator, w3cFields } from './w3c-item';

export type { ImportedItem, ImportIssue } from './import-item';

/** What kind of file was read. */
export type ImportFormat = 'factmark' | 'w3c' | 'hypothesis';

/** A successfully read file. */
export interface ParsedImport {
  format: ImportFormat;
  /** Annotations in the file, usable or not. */
  total: number;
  items: ImportedItem[];
  /** Annotations that cannot be imported, with the reason. */
  rejected: ImportIssue[];
  /** Parts of imported annotations that were dropped (a javascript: source link, an over-long tag...). */
  warnings: ImportIssue[];
  /** Who the file says made the annotations (first creator found), for exports made from it. */
  creator: Creator | null;
}

/** The outcome of reading a file: a one-line error and nothing else, or the parsed import. */
export type ParseResult = { ok: false; error: string } | ({ ok: true } & ParsedImport);

const NOT_AN_EXPORT = 'This is not an annotation export: expected W3C Web Annotations (an Annotation, an array of them, or an AnnotationCollection) or a Hypothesis JSON export.';

/** The annotation objects of the file and whether it is a Hypothesis export, or an error message. */
function annotationItems(data: unknown): { items: unknown[]; hypothesis: boolean } | string {
  if (Array.isArray(data)) return { items: data, hypothesis: false };
  if (!isObject(data)) return NOT_AN_EXPORT;
  if (Array.isArray(data.annotations)) return { items: data.annotations, hypothesis: true };
  if (hasType(data, 'AnnotationCollection') || data.first !== undefined) {
    const items: unknown[] = [];
    // One push at a time: push(...page) overflows the stack on a huge page, and concat per page
    // is quadratic over a long chain of small pages.
    const append = (more: unknown[]): void => {
      for (const item of more) items.push(item);
    };
    append(many(data.items));
    // Follow the chain of inline pages. `first` may also be the array of items itself. A page
    // given only by its IRI would have to be fetched, which an import never does.
    for (let page: unknown = data.first; page !== undefined && page !== null; ) {
      if (typeof page === 'string') return `The collection's page ${cap(page, 100)} is a reference; only exports with inline pages can be imported.`;
      if (Array.isArray(page)) {
        append(page);
        break;
      }
      if (!isObject(page)) break;
      append(many(page.items));
      if (items.length > IMPORT_LIMITS.maxAnnotations) break;
      page = page.next;
    }
    return { items, hypothesis: false };
  }
  if (hasType(data, 'AnnotationPage')) return { items: many(data.items), hypothesis: false };
  if (hasType(data, 'Annotation') || data.target !== undefined) return { items: [data], hypothesis: false };
  return NOT_AN_EXPORT;
}

/** Reads an annotation file's text. Pure: the caller reads the file and writes the result. */
export function parseImport(text: string): ParseResult {
  const json = parseJson(text);
  if (!json.ok) return json;
  const found = annotationItems(json.data);
  if (typeof found === 'string') return { ok: false, error: found };
  const { items: raw } = found;
  if (raw.length > IMPORT_LIMITS.maxAnnotations) {
    return { ok: false, error: `The file has more than ${IMPORT_LIMITS.maxAnnotations.toLocaleString('en')} annotations; split it into smaller files.` };
  }
  const items: ImportedItem[] = [];
  const rejected: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  let creator: Creator | null = null;
  let hypothesis = found.hypothesis;
  let foreign = false;
  raw.forEach((value, index) => {
    if (!isObject(value)) {
      rejected.push({ index, reason: 'not an annotation object' });
      return;
    }
    const warn = (reason: string): void => void warnings.push({ index, reason });
    const isHypothesis = isHypothesisAnnotation(value);
    hypothesis ||= isHypothesis;
    foreign ||= !isHypothesis && typeof value['factmark:id'] !== 'string';
    const fields = isHypothesis ? hypothesisFields(value) : w3cFields(value, warn);
    const item = typeof fields === 'string' ? fields : buildItem(index, fields, warn);
    if (typeof item === 'string') {
      rejected.push({ index, reason: item });
      return;
    }
    items.push(item);
    creator ??= creatorOf(value, isHypothesis);
  });
  const format: ImportFormat = hypothesis ? 'hypothesis' : foreign || raw.length === 0 ? 'w3c' : 'factmark';
  return { ok: true, format, total: raw.length, items, rejected, warnings, creator };
}

function creatorOf(value: Loose, isHypothesis: boolean): Creator | null {
  const creator = isHypothesis ? hypothesisCreator(value) : w3cCreator(value);
  return creator && { name: cap(creator.name, IMPORT_LIMITS.maxTitle), organisation: cap(creator.organisation, IMPORT_LIMITS.maxTitle) };
}

/** A one-line summary of a rejected annotation, numbering annotations from 1 as people do. */
export function describeIssue(issue: ImportIssue): string {
  return `#${issue.index + 1}: ${issue.reason}`;
}
