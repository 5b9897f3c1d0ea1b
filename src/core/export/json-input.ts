/**
 * Defensive reading of an untrusted annotation file: size limits, JSON parsing that drops
 * `__proto__` keys, and small accessors for loosely typed JSON-LD values.
 */

/** Limits on imported data. Whole-file limits fail the import; per-field limits reject or trim one item. */
export const IMPORT_LIMITS = {
  /** Characters of text in the file. */
  maxChars: 20 * 1024 * 1024,
  /** Annotations in one file. */
  maxAnnotations: 100_000,
  /** Characters of a quoted claim: longer is not a claim and cannot be shortened without breaking anchoring. */
  maxQuote: 10_000,
  /** Characters of a note; longer is rejected rather than silently cut. */
  maxNote: 50_000,
  /** Characters of quote context kept on each side (more only slows anchoring). */
  maxContext: 256,
  /** Characters of a page or source title, or publisher; longer is trimmed. */
  maxTitle: 1_000,
  /** Characters of a source's quoted passage; longer is trimmed. */
  maxSourceQuote: 10_000,
  /** Characters of a URL; longer is rejected. */
  maxUrl: 4_096,
  /** Characters of one tag, and tags per annotation; extra tags are dropped. */
  maxTag: 200,
  maxTags: 100,
  /** Sources per annotation; extra sources are dropped. */
  maxSources: 100,
  /** Characters of an annotation id or date. */
  maxId: 200,
} as const;

/** A parsed JSON object. */
export type Loose = Record<string, unknown>;

/** True for a JSON object (not an array, not null). */
export function isObject(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON-LD value that may be one item or an array of them, as an array. */
export function many(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** True when the object's `type` (or `@type`) is or includes `type`. */
export function hasType(value: Loose, type: string): boolean {
  return many(value.type ?? value['@type']).includes(type);
}

/** The value when it is a string, else ''. */
export function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A string cut to at most `max` characters (without splitting a surrogate pair). */
export function cap(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** A string kept to its last `max` characters (for context before a quote). */
export function capEnd(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(text.length - max);
  return /^[\udc00-\udfff]/.test(cut) ? cut.slice(1) : cut;
}

/** A valid ISO 8601 date-time string as given, else ''. */
export function isoDate(value: unknown): string {
  return typeof value === 'string' && value.length <= IMPORT_LIMITS.maxId && /^\d{4}-\d\d-\d\d/.test(value) && Number.isFinite(Date.parse(value)) ? value : '';
}

/** A string shortened for quoting in a message. */
export function preview(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}...` : oneLine;
}

/** The outcome of reading the file as JSON. */
export type JsonResult = { ok: true; data: unknown } | { ok: false; error: string };

/**
 * Parses untrusted JSON text. `__proto__` keys are dropped while parsing, so no later copy or
 * spread of the data can ever change an object's prototype.
 */
export function parseJson(text: string): JsonResult {
  if (text.length > IMPORT_LIMITS.maxChars) {
    return { ok: false, error: `The file is too large to import (${(text.length / 1024 / 1024).toFixed(1)} MB of text; the limit is ${IMPORT_LIMITS.maxChars / 1024 / 1024} MB).` };
  }
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { ok: false, error: 'The file is empty.' };
  try {
    return { ok: true, data: JSON.parse(body, (key, value: unknown) => (key === '__proto__' ? undefined : value)) };
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, error: 'The file is nested too deeply to be an annotation export.' };
    const detail = error instanceof Error ? error.message.replace(/\s+/g, ' ') : String(error);
    return { ok: false, error: `The file is not valid JSON (${detail}); it may be truncated or not an annotation export.` };
  }
}
