// The normalised and edit-distance searches (Myers' bit-parallel algorithm, myers.ts, with the
// quote prepared once for all its windows), run only in the candidate windows, each normalised on
// its own. Running the
// edit-distance search over the whole page per annotation, as Hypothesis does, costs
// O(errors/32 × page length) each time; the windows are a few quote-lengths long, and normalising
// just them spares a copy of a long page.

import type { Window } from './candidates';
import type { ApproxPattern } from './myers';
import { normaliseText, toOriginalSpan, type NormalisedText } from './normalise';

/** A match of the quote: [start, end) in the original text, with its edit count in normalised characters. */
export interface FuzzyMatch {
  start: number;
  end: number;
  errors: number;
}

/** A window of the text in normalised form, with the maps back to the text. */
export interface NormalisedWindow {
  start: number;
  normalised: NormalisedText;
}

/** Whole-text searches are only run on normalised texts up to this length (a long book chapter). */
export const FALLBACK_MAX_LENGTH = 2_000_000;

/** Normalises each window of `text`. */
export function normaliseWindows(text: string, windows: readonly Window[]): NormalisedWindow[] {
  return windows.map((window) => ({ start: window.start, normalised: normaliseText(text.slice(window.start, window.end)) }));
}

/** Maps a normalised span of a window back to the text. */
function toText(window: NormalisedWindow, start: number, end: number, errors: number): FuzzyMatch {
  const span = toOriginalSpan(window.normalised, start, end);
  return { start: window.start + span.start, end: window.start + span.end, errors };
}

/** Every occurrence of the normalised `pattern` in the windows, as spans of the text. */
export function exactInWindows(windows: readonly NormalisedWindow[], pattern: string): FuzzyMatch[] {
  const out: FuzzyMatch[] = [];
  for (const window of windows) {
    const text = window.normalised.text;
    for (let at = text.indexOf(pattern); at >= 0; at = text.indexOf(pattern, at + 1)) out.push(toText(window, at, at + pattern.length, 0));
  }
  return out;
}

/** The best matches (fewest errors, at most maxErrors) of `pattern` in each window, as spans of the text. */
export function searchWindows(windows: readonly NormalisedWindow[], pattern: ApproxPattern, maxErrors: number): FuzzyMatch[] {
  const out: FuzzyMatch[] = [];
  for (const window of windows) {
    for (const match of pattern.search(window.normalised.text, maxErrors)) out.push(toText(window, match.start, match.end, match.errors));
  }
  return out;
}

/**
 * The last resort, for quotes whose every word is too common for the index to narrow the search:
 * the whole normalised text, bounded in length and to 31 errors (so the cut-off computes one block of
 * the pattern at a time). The search reports only the fewest-error matches of what it is given, so the text
 * is cut into overlapping chunks: each chunk's best match becomes a candidate for context to
 * judge, instead of one unrelated place that happens to be a character closer to the quote.
 */
export function searchWholeText(normalised: NormalisedText, pattern: ApproxPattern, maxErrors: number): FuzzyMatch[] {
  const text = normalised.text;
  if (text.length > FALLBACK_MAX_LENGTH) return [];
  const errors = Math.min(maxErrors, 31);
  const length = pattern.pattern.length;
  const chunk = Math.max(1024, 4 * length);
  const whole: NormalisedWindow = { start: 0, normalised };
  const out: FuzzyMatch[] = [];
  for (let start = 0; start < text.length; start += chunk) {
    const slice = text.slice(start, Math.min(text.length, start + chunk + length + errors));
    for (const match of pattern.search(slice, errors)) out.push(toText(whole, start + match.start, start + match.end, match.errors));
  }
  return out;
}
