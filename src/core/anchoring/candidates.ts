// Where the normalised and fuzzy steps look. Every indexed occurrence of a (rare enough) word of
// the quote, its prefix or its suffix predicts the ordinal of the quote's first word; predictions
// that agree cluster, and the best clusters become small windows of the text for the
// normalised and edit-distance searches. A quote that survives with a few edits keeps most of its
// words, so its true place collects votes from several of them. Predictions are word ordinals, not
// character offsets, so re-flowed whitespace or swapped quote styles do not scatter them.

import { normaliseString } from './normalise';
import { wordsOf, type WordAt, type WordIndex, type WordKey } from './word-index';

/** A [start, end) span of the text. */
export interface Window {
  start: number;
  end: number;
}

/** A stored string (quote, prefix or suffix): as stored, normalised, and its words (offsets in `raw`). */
export interface Part {
  raw: string;
  text: string;
  words: WordAt[];
}

/** Prepares a stored string for the search. */
export function partOf(raw: string): Part {
  return { raw, text: normaliseString(raw), words: wordsOf(raw) };
}

/** What the candidate search needs to know about one annotation. */
export interface FuzzyQuery {
  quote: Part;
  prefix: Part;
  suffix: Part;
  /** Edits allowed, in normalised characters. */
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
/** How many clusters become windows, at most. */
const MAX_WINDOWS = 6;
/**
 * A cluster becomes a window only with at least this share of the best cluster's score. In the
 * mutation suite (7,003 windows searched), every window where the edit-distance search found a
 * match had at least 0.5 of the best score, while 3,073 windows had under 0.25 and none of them
 * held a match: they are single common-ish words that happen to fall near each other.
 */
const MIN_CLUSTER_SHARE = 0.25;
/** Extra characters around each window, so a match at its edge is whole. */
const PAD = 16;
/** Predictions are packed as ordinal × SEED_SLOTS + seed number, so one numeric sort orders them. */
const SEED_SLOTS = 4096;

interface Seed {
  /** A word key, or two keys for a pair. */
  keys: [WordKey] | [WordKey, WordKey];
  /** Added to an occurrence's ordinal, gives the predicted ordinal of the quote's first word. */
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
  const seeds: Seed[] = quote.words.map((word, i) => ({ keys: [word.key], delta: -i, fromQuote: true }));
  // The context's outermost words may be cut in half by the 32-character limit: skip them.
  const prefixCut = prefix.words[0]?.offset === 0 ? 1 : 0;
  prefix.words.forEach((word, j) => {
    if (j >= prefixCut) seeds.push({ keys: [word.key], delta: prefix.words.length - j, fromQuote: false });
  });
  const lastSuffix = suffix.words[suffix.words.length - 1];
  const suffixCut = lastSuffix && lastSuffix.offset + lastSuffix.length >= suffix.raw.length ? 1 : 0;
  suffix.words.forEach((word, j) => {
    if (j < suffix.words.length - suffixCut) seeds.push({ keys: [word.key], delta: -quote.words.length - j, fromQuote: false });
  });
  return seeds.slice(0, SEED_SLOTS);
}

/** Words an edit of `maxErrors` characters can add or remove, plus a margin: how far predictions may stray. */
function slackWords(maxErrors: number): number {
  return Math.ceil(maxErrors / 4) + 2;
}

/**
 * The windows of the text where the quote may be: the best clusters plus `extra` (the stored
 * position's window), clamped, merged and in text order.
 */
export function candidateWindows(index: WordIndex, query: FuzzyQuery, extra: Window | null): Candidates {
  const seeds = seedsOf(query);
  const counts = seeds.map((seed) => index.count(seed.keys[0]));
  const usable = seeds.map((_, i) => i).filter((i) => (counts[i] as number) > 0 && (counts[i] as number) <= MAX_WORD_COUNT);
  usable.sort((a, b) => (counts[a] as number) - (counts[b] as number));
  if (usable.filter((i) => seeds[i]?.fromQuote).length < MIN_QUOTE_SEEDS) {
    for (const seed of pairSeeds(query.quote.words, index)) {
      if (seeds.length >= SEED_SLOTS) break;
      usable.push(seeds.length);
      seeds.push(seed);
    }
  }

  const packed: number[] = [];
  const weights = new Float64Array(seeds.length);
  let budget = HIT_BUDGET;
  let quoteSeeds = 0;
  for (const i of usable) {
    const seed = seeds[i] as Seed;
    const hits = seed.keys.length === 1 ? index.ordinals(seed.keys[0]) : index.pairOrdinals(seed.keys[0], seed.keys[1]);
    if (hits.length === 0 || hits.length > MAX_WORD_COUNT || hits.length > budget) continue;
    budget -= hits.length;
    if (seed.fromQuote) quoteSeeds++;
    // Rarer words are stronger evidence (inverse document frequency).
    weights[i] = Math.log(1 + index.size / hits.length);
    for (const hit of hits) {
      const predicted = hit + seed.delta;
      if (predicted >= -SEED_SLOTS) packed.push((predicted + SEED_SLOTS) * SEED_SLOTS + i);
    }
  }

  const slack = slackWords(query.maxErrors);
  const quoteWords = Math.max(1, query.quote.words.length);
  const ranked = clusters(packed, weights, slack + 1, MAX_WINDOWS);
  const floor = (ranked[0]?.score ?? 0) * MIN_CLUSTER_SHARE;
  const windows = ranked
    .slice(0, MAX_WINDOWS)
    .filter((cluster) => cluster.score >= floor)
    .map((cluster) => ({ start: index.startOf(cluster.from - slack) - PAD, end: index.endOf(cluster.to + quoteWords - 1 + slack) + PAD }));
  if (extra) windows.push(extra);
  return { windows: mergeWindows(windows, index.text.length), quoteSeeds };
}

/** Adjacent word pairs of the quote, when single words were too common to use. */
function pairSeeds(words: WordAt[], index: WordIndex): Seed[] {
  const seeds: Seed[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const [a, b] = [words[i] as WordAt, words[i + 1] as WordAt];
    const rarer = Math.min(index.count(a.key), index.count(b.key));
    if (rarer > MAX_WORD_COUNT && rarer <= MAX_PAIR_SCAN) seeds.push({ keys: [a.key, b.key], delta: -i, fromQuote: true });
  }
  return seeds;
}

/** A run of agreeing predictions: the ordinals it spans and the weight of the distinct seeds in it. */
interface Cluster {
  from: number;
  to: number;
  score: number;
}

/**
 * Groups predicted ordinals closer than `gap`, scored by the distinct seeds that agree, and
 * returns the `keep` best, best first. A cluster spans at most 2 × gap (the true place's
 * predictions differ only by the edits' shifts), so a run of evenly spread common words cannot
 * chain into one huge window. Most clusters are a single stray prediction: they are scored in
 * place and only the best few are kept as objects.
 */
function clusters(packed: number[], weights: Float64Array, gap: number, keep: number): Cluster[] {
  const sorted = Float64Array.from(packed).sort();
  const best: Cluster[] = [];
  const close = (from: number, to: number, score: number) => {
    if (best.length === keep && score <= (best[keep - 1] as Cluster).score) return;
    let at = Math.min(best.length, keep - 1);
    while (at > 0 && (best[at - 1] as Cluster).score < score) at--;
    best.splice(at, 0, { from, to, score });
    if (best.length > keep) best.pop();
  };
  // stamp[seed] is the number of the last cluster the seed voted in, so each seed votes once per cluster.
  const stamp = new Uint32Array(weights.length);
  let number = 0;
  let from = 0;
  let to = 0;
  let score = 0;
  for (const value of sorted) {
    const at = Math.floor(value / SEED_SLOTS) - SEED_SLOTS;
    const seed = value - (at + SEED_SLOTS) * SEED_SLOTS;
    if (number === 0 || at - to > gap || at - from > 2 * gap) {
      if (number > 0) close(from, to, score);
      number++;
      from = at;
      score = 0;
    }
    to = at;
    if (stamp[seed] !== number) {
      stamp[seed] = number;
      score += weights[seed] as number;
    }
  }
  if (number > 0) close(from, to, score);
  return best;
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
