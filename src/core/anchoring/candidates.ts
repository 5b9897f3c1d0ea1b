// Where the fuzzy step looks. Every indexed occurrence of a (rare enough) word of the quote, its
// prefix or its suffix predicts where the quote would start; predictions that agree cluster, and
// the best clusters become small windows for the edit-distance search. A quote that survives with
// a few edits keeps most of its words, so its true place collects votes from several of them.

import { normaliseText } from './normalise';
import { wordsOf, type WordAt, type WordIndex } from './word-index';

/** A [start, end) span of the normalised text. */
export interface Window {
  start: number;
  end: number;
}

/** A normalised string with its words (offsets in the normalised string). */
export interface Part {
  text: string;
  words: WordAt[];
}

/** Normalises a raw string and finds its words (words are found before spaces are folded away). */
export function partOf(raw: string): Part {
  const normalised = normaliseText(raw);
  return { text: normalised.text, words: wordsOf(raw, normalised.fromOriginal) };
}

/** What the candidate search needs to know about one annotation, in normalised characters. */
export interface FuzzyQuery {
  quote: Part;
  prefix: Part;
  suffix: Part;
  /** Where the stored position says the quote starts, if there is a stored position. */
  expectedStart: number | null;
  maxErrors: number;
}

/** Words more frequent than this predict too many places to be worth following. */
const MAX_WORD_COUNT = 100;
/** Total predictions followed per annotation: bounds the work whatever the text. */
const HIT_BUDGET = 2000;
/** With fewer usable quote words than this, adjacent word pairs are tried, and the search may widen. */
export const MIN_QUOTE_SEEDS = 3;
/** A word pair is only looked up when its rarer word occurs at most this often. */
const MAX_PAIR_SCAN = 50_000;
/** How many clusters become windows. */
const MAX_WINDOWS = 6;
/** Extra characters around each window, so a match at its edge is whole. */
const PAD = 16;

interface Seed {
  /** A word key, or two keys for a pair. */
  keys: [string] | [string, string];
  /** Added to an occurrence's offset, gives the predicted start of the quote. */
  delta: number;
  fromQuote: boolean;
}

/** The windows to search, and how many words (or pairs) of the quote itself narrowed the search. */
export interface Candidates {
  windows: Window[];
  quoteSeeds: number;
}

function seedsOf(query: FuzzyQuery): Seed[] {
  const { quote, prefix, suffix } = query;
  const seeds: Seed[] = quote.words.map((word) => ({ keys: [word.key], delta: -word.offset, fromQuote: true }));
  // The context's outermost words may be cut in half by the 32-character limit: skip them.
  const prefixWords = prefix.words[0]?.offset === 0 ? prefix.words.slice(1) : prefix.words;
  const lastSuffix = suffix.words[suffix.words.length - 1];
  const suffixWords = lastSuffix && lastSuffix.offset + lastSuffix.length >= suffix.text.length ? suffix.words.slice(0, -1) : suffix.words;
  for (const word of prefixWords) seeds.push({ keys: [word.key], delta: prefix.text.length - word.offset, fromQuote: false });
  for (const word of suffixWords) seeds.push({ keys: [word.key], delta: -quote.text.length - word.offset, fromQuote: false });
  return seeds;
}

/** The windows of the normalised text where the quote may be (best clusters plus the stored position), in text order. */
export function candidateWindows(index: WordIndex, query: FuzzyQuery, textLength: number): Candidates {
  const seeds = seedsOf(query);
  const counts = new Map<string, number>();
  for (const seed of seeds) counts.set(seed.keys[0], index.count(seed.keys[0]));
  const usable = seeds.filter((seed) => {
    const count = counts.get(seed.keys[0]) ?? 0;
    return count > 0 && count <= MAX_WORD_COUNT;
  });
  usable.sort((a, b) => (counts.get(a.keys[0]) ?? 0) - (counts.get(b.keys[0]) ?? 0));
  if (usable.filter((seed) => seed.fromQuote).length < MIN_QUOTE_SEEDS) usable.push(...pairSeeds(query.quote.words, counts));

  const predictions: Array<{ at: number; seed: number; weight: number }> = [];
  let budget = HIT_BUDGET;
  let quoteSeeds = 0;
  usable.forEach((seed, i) => {
    const hits = seed.keys.length === 1 ? index.positions(seed.keys[0]) : index.pairPositions(seed.keys[0], seed.keys[1]);
    if (hits.length === 0 || hits.length > MAX_WORD_COUNT || hits.length > budget) return;
    budget -= hits.length;
    if (seed.fromQuote) quoteSeeds++;
    // Rarer words are stronger evidence (inverse document frequency).
    const weight = Math.log(1 + index.size / hits.length);
    for (const hit of hits) predictions.push({ at: hit + seed.delta, seed: i, weight });
  });

  const windows = clusters(predictions, query.maxErrors + 32).slice(0, MAX_WINDOWS).map((cluster) => ({ start: cluster.from - query.maxErrors - PAD, end: cluster.to + query.quote.text.length + query.maxErrors + PAD }));
  if (query.expectedStart !== null) windows.push({ start: query.expectedStart - query.maxErrors - PAD, end: query.expectedStart + query.quote.text.length + query.maxErrors + PAD });
  return { windows: mergeWindows(windows, textLength), quoteSeeds };
}

/** Adjacent word pairs of the quote, when single words were too common to use. */
function pairSeeds(words: WordAt[], counts: Map<string, number>): Seed[] {
  const seeds: Seed[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const [a, b] = [words[i] as WordAt, words[i + 1] as WordAt];
    const rarer = Math.min(counts.get(a.key) ?? 0, counts.get(b.key) ?? 0);
    if (rarer > MAX_WORD_COUNT && rarer <= MAX_PAIR_SCAN) seeds.push({ keys: [a.key, b.key], delta: -a.offset, fromQuote: true });
  }
  return seeds;
}

/**
 * Groups predictions closer than `gap`, scored by the distinct seeds that agree; best first. A
 * cluster spans at most 2 × gap (the true place's predictions differ only by the edits' shifts),
 * so a run of evenly spread common words cannot chain into one huge window.
 */
function clusters(predictions: Array<{ at: number; seed: number; weight: number }>, gap: number): Array<{ from: number; to: number; score: number }> {
  predictions.sort((a, b) => a.at - b.at);
  const out: Array<{ from: number; to: number; score: number }> = [];
  let seen = new Set<number>();
  for (const prediction of predictions) {
    const current = out[out.length - 1];
    if (!current || prediction.at - current.to > gap || prediction.at - current.from > 2 * gap) {
      out.push({ from: prediction.at, to: prediction.at, score: 0 });
      seen = new Set<number>();
    }
    const cluster = out[out.length - 1] as { from: number; to: number; score: number };
    cluster.to = prediction.at;
    if (!seen.has(prediction.seed)) {
      seen.add(prediction.seed);
      cluster.score += prediction.weight;
    }
  }
  return out.sort((a, b) => b.score - a.score);
}

/** Clamps windows to the text and merges overlapping ones, in text order. */
function mergeWindows(windows: Window[], textLength: number): Window[] {
  const clamped = windows.map((w) => ({ start: Math.max(0, w.start), end: Math.min(textLength, w.end) })).filter((w) => w.end > w.start);
  clamped.sort((a, b) => a.start - b.start);
  const merged: Window[] = [];
  for (const window of clamped) {
    const last = merged[merged.length - 1];
    if (last && window.start <= last.end) last.end = Math.max(last.end, window.end);
    else merged.push({ ...window });
  }
  return merged;
}
