// How well the stored prefix and suffix agree with the text beside a candidate. Context is what
// tells two copies of a sentence apart, and what tells an edited sentence in its old place from a
// lookalike elsewhere. It is compared in normalised form with an edit distance, so one changed
// word next to the quote costs a few characters instead of all agreement (as a common-prefix
// length would).

import { normaliseString } from './normalise';

/** Agreement of each side of context with the stored selector (null: nothing stored on that side). */
export interface ContextEvidence {
  prefix: number | null;
  suffix: number | null;
  /** Mean of the sides that exist, 0 when neither does. */
  mean: number;
  /** How many sides reach MIN_SIDE_SIMILARITY. */
  agreeing: number;
  /** How many sides exist (stored context at least MIN_SIDE_LENGTH long). */
  available: number;
}

/**
 * A side of context "agrees" at this similarity. Unrelated prose scores far lower: over 20,000
 * random pairs of corpus text, median 0.19, 99.9th percentile 0.39, maximum 0.42.
 */
export const MIN_SIDE_SIMILARITY = 0.6;
/** Stored context shorter than this (quote at the very start or end of the text) is no evidence. */
export const MIN_SIDE_LENGTH = 6;
/** Extra text read beside a candidate, so an insertion or deletion near the quote still aligns. */
const SLACK = 8;

/**
 * Similarity (0..1) of `expected` to the start of `actual`, both oriented so index 0 is next to
 * the quote: an edit distance where the far end of `actual` is free (its length is a guess).
 */
export function sideSimilarity(expected: string, actual: string): number {
  const m = expected.length;
  if (m === 0) return 1;
  const n = actual.length;
  let row = new Uint16Array(n + 1);
  let next = new Uint16Array(n + 1);
  for (let j = 0; j <= n; j++) row[j] = j;
  for (let i = 1; i <= m; i++) {
    next[0] = i;
    const ch = expected.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      let cost = (row[j - 1] as number) + (actual.charCodeAt(j - 1) === ch ? 0 : 1);
      const up = (row[j] as number) + 1;
      const left = (next[j - 1] as number) + 1;
      if (up < cost) cost = up;
      if (left < cost) cost = left;
      next[j] = cost;
    }
    [row, next] = [next, row];
  }
  let best = m;
  for (let j = 0; j <= n; j++) if ((row[j] as number) < best) best = row[j] as number;
  return 1 - best / m;
}

function reverse(text: string): string {
  return text.split('').reverse().join('');
}

/** The stored context in the form `contextAt` compares: normalised, near end first. */
export interface StoredContext {
  prefix: string;
  suffix: string;
}

/** Prepares a selector's prefix and suffix for repeated comparison. */
export function storedContext(prefix: string, suffix: string): StoredContext {
  return { prefix: reverse(normaliseString(prefix)), suffix: normaliseString(suffix) };
}

/** At least `need` normalised characters of the text just before `start` (fewer at the text's start). */
function normalisedBefore(text: string, start: number, need: number): string {
  // Raw text shrinks when normalised (indentation runs vanish), so widen until there is enough.
  for (let span = 2 * need + SLACK; ; span *= 4) {
    const from = Math.max(0, start - span);
    const normalised = normaliseString(text.slice(from, start));
    if (normalised.length >= need || from === 0) return normalised.slice(Math.max(0, normalised.length - need));
  }
}

/** At least `need` normalised characters of the text just after `end` (fewer at the text's end). */
function normalisedAfter(text: string, end: number, need: number): string {
  for (let span = 2 * need + SLACK; ; span *= 4) {
    const to = Math.min(text.length, end + span);
    const normalised = normaliseString(text.slice(end, to));
    if (normalised.length >= need || to === text.length) return normalised.slice(0, need);
  }
}

/** Compares the stored context with the original text around the original span [start, end). */
export function contextAt(text: string, start: number, end: number, stored: StoredContext): ContextEvidence {
  const prefix = stored.prefix.length >= MIN_SIDE_LENGTH ? sideSimilarity(stored.prefix, reverse(normalisedBefore(text, start, stored.prefix.length + SLACK))) : null;
  const suffix = stored.suffix.length >= MIN_SIDE_LENGTH ? sideSimilarity(stored.suffix, normalisedAfter(text, end, stored.suffix.length + SLACK)) : null;
  const sides = [prefix, suffix].filter((side): side is number => side !== null);
  return {
    prefix,
    suffix,
    mean: sides.length === 0 ? 0 : sides.reduce((a, b) => a + b, 0) / sides.length,
    agreeing: sides.filter((side) => side >= MIN_SIDE_SIMILARITY).length,
    available: sides.length,
  };
}

/** How many leading characters two strings share. */
function sharedStart(a: string, b: string): number {
  let k = 0;
  while (k < a.length && k < b.length && a.charCodeAt(k) === b.charCodeAt(k)) k++;
  return k;
}

/**
 * What of the stored context did not travel with a candidate at [start, end): each side long
 * enough to count, less the characters that still continue it right beside the candidate, in
 * reading order (normalised). Stored context often runs past the quote's paragraph; when the
 * paragraph moves, the part inside it moves along and the rest stays behind, so neither side
 * agrees as a whole next to the quote nor stands intact anywhere (see neighboursKept in anchor.ts).
 */
export function contextLeftBehind(text: string, start: number, end: number, stored: StoredContext): string[] {
  const rests: string[] = [];
  if (stored.prefix.length >= MIN_SIDE_LENGTH) {
    const beside = reverse(normalisedBefore(text, start, stored.prefix.length));
    rests.push(reverse(stored.prefix.slice(sharedStart(stored.prefix, beside))));
  }
  if (stored.suffix.length >= MIN_SIDE_LENGTH) rests.push(stored.suffix.slice(sharedStart(stored.suffix, normalisedAfter(text, end, stored.suffix.length))));
  return rests;
}
