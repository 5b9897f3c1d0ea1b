// The edit-distance search (Myers' bit-parallel algorithm, via approx-string-match), run only in
// the candidate windows. Running it over the whole page per annotation, as Hypothesis does, costs
// O(errors/32 × page length) each time; the windows are a few quote-lengths long.

import search from 'approx-string-match';
import type { Window } from './candidates';

/** A match of the quote in the normalised text: [start, end) with its edit count. */
export interface FuzzyMatch {
  start: number;
  end: number;
  errors: number;
}

/** Whole-text searches are only run on normalised texts up to this length (a long book chapter). */
export const FALLBACK_MAX_LENGTH = 2_000_000;

/** The best matches (fewest errors, at most maxErrors) of `pattern` in each window of `text`. */
export function searchWindows(text: string, pattern: string, windows: readonly Window[], maxErrors: number): FuzzyMatch[] {
  const out: FuzzyMatch[] = [];
  for (const window of windows) {
    for (const match of search(text.slice(window.start, window.end), pattern, maxErrors)) {
      out.push({ start: window.start + match.start, end: window.start + match.end, errors: match.errors });
    }
  }
  return out;
}

/**
 * The last resort, for quotes whose every word is too common for the index to narrow the search:
 * the whole text, bounded in length and to the single-block (≤ 31 errors) fast path of the
 * algorithm. The search reports only the fewest-error matches of what it is given, so the text is
 * cut into overlapping chunks: each chunk's best match becomes a candidate for context to judge,
 * instead of one unrelated place that happens to be a character closer to the quote.
 */
export function searchWholeText(text: string, pattern: string, maxErrors: number): FuzzyMatch[] {
  if (text.length > FALLBACK_MAX_LENGTH) return [];
  const errors = Math.min(maxErrors, 31);
  const chunk = Math.max(1024, 4 * pattern.length);
  const windows: Window[] = [];
  for (let start = 0; start < text.length; start += chunk) windows.push({ start, end: Math.min(text.length, start + chunk + pattern.length + errors) });
  return searchWindows(text, pattern, windows, errors);
}
