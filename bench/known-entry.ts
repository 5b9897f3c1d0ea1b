// Known-claim matching in the page, bundled by bench/known.mjs: the shipped index against the
// reference implementation (reference-ranker.ts), which compares every sentence with every
// claim (BM25 from each claim's own term counts, then the same re-ranking), in the same run.
import { KnownMatcher, matchableClaims, type KnownEntry } from '../src/core/known/known-matches';
import { KnownClaimIndex } from '../src/core/known/matcher';
import { ReferenceRanker } from '../src/core/known/reference-ranker';

let matcher: KnownMatcher | null = null;
let entries: KnownEntry[] = [];
/** Runs so far: each adds its own whitespace to the sentences, which ranks exactly the same, so
 * that every run ranks them (a matcher keeps the rankings of sentences asked before). */
let runs = 0;

function queriesOf(sentences: string[]): Array<{ id: string; text: string }> {
  const suffix = ' '.repeat(++runs);
  return sentences.map((text, i) => ({ id: String(i), text: `${text}${suffix}` }));
}

/** The entries the background makes of stored reviews (what the index is built over, not the index). */
export function makeEntries(claims: Array<{ claim: string; title?: string }>): void {
  entries = claims.map((claim, i) => ({ match: { id: `k${i}`, claim: claim.claim, rating: 'False', verdict: 'false', reviewer: 'bench', url: `https://fc.example/${i}`, date: '', own: false, ...(claim.title ? { title: claim.title } : {}) } }));
}

/** Builds the matcher over the entries as the background does; returns milliseconds and the index's array bytes. */
export function build(): { ms: number; indexBytes: number } {
  const started = performance.now();
  matcher = new KnownMatcher(entries);
  return { ms: performance.now() - started, indexBytes: matcher.indexBytes() };
}

/** The index's arrays copied as IndexedDB copies them (structured clone), then a matcher loaded from the copy: milliseconds of each. */
export function storeAndLoad(): { cloneMs: number; loadMs: number; loaded: boolean } {
  if (!matcher) throw new Error('build first');
  const started = performance.now();
  const copy = structuredClone(matcher.indexData());
  const cloned = performance.now();
  const loaded = new KnownMatcher(entries, copy);
  const done = performance.now();
  matcher = loaded;
  return { cloneMs: cloned - started, loadMs: done - cloned, loaded: loaded.loaded };
}

/** Matches sentences in one go; returns milliseconds and how many were flagged. */
export function matchPage(sentences: string[], threshold: number): { ms: number; flagged: number } {
  if (!matcher) throw new Error('build first');
  const queries = queriesOf(sentences);
  const started = performance.now();
  const matches = matcher.match(queries, threshold, '');
  return { ms: performance.now() - started, flagged: Object.keys(matches).length };
}

/** Matches sentences in slices, as the background does; returns milliseconds (pauses included) and how many were flagged. */
export async function matchPageInSlices(sentences: string[], threshold: number): Promise<{ ms: number; flagged: number }> {
  if (!matcher) throw new Error('build first');
  const queries = queriesOf(sentences);
  const started = performance.now();
  const matches = await matcher.matchInSlices(queries, threshold, '');
  return { ms: performance.now() - started, flagged: Object.keys(matches).length };
}

/**
 * The reference implementation on the same sentences (built before the clock starts): its BM25
 * first stage alone (every sentence against every claim), then its whole ranking; and how many
 * sentences get exactly the same ranking (claims, order, scores) from the index.
 */
export function reference(sentences: string[]): { bruteMs: number; referenceMs: number; sameBm25: number; sameRanking: number } {
  const claims = matchableClaims(entries);
  const ranker = new ReferenceRanker(claims);
  const index = new KnownClaimIndex(claims);
  let started = performance.now();
  const bm25 = sentences.map((sentence) => ranker.rankBm25(sentence, 30));
  const bruteMs = performance.now() - started;
  started = performance.now();
  const ranked = sentences.map((sentence) => ranker.rank(sentence, 10));
  const referenceMs = performance.now() - started;
  let sameBm25 = 0;
  let sameRanking = 0;
  sentences.forEach((sentence, i) => {
    if (JSON.stringify(index.rankBm25(sentence, 30)) === JSON.stringify(bm25[i])) sameBm25++;
    if (JSON.stringify(index.rank(sentence, 10)) === JSON.stringify(ranked[i])) sameRanking++;
  });
  return { bruteMs, referenceMs, sameBm25, sameRanking };
}

/** Drops everything (for the memory measure). */
export function drop(): void {
  matcher = null;
  entries = [];
}
