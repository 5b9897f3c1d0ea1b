// Known-claim matching in the page, bundled by bench/known.mjs: the shipped index against a
// brute-force pass that compares every sentence with every claim (BM25 from each claim's own
// terms, then the same re-ranking), in the same run.
import { analyse } from '../src/core/known/analyse';
import { Bm25Index } from '../src/core/known/bm25';
import { KnownMatcher, type KnownEntry } from '../src/core/known/known-matches';
import { KnownClaimIndex } from '../src/core/known/matcher';

let matcher: KnownMatcher | null = null;
let index: KnownClaimIndex | null = null;
let claimTexts: string[] = [];

/** Builds the index over claims (with headlines); returns milliseconds. */
export function build(claims: Array<{ claim: string; title?: string }>): number {
  const started = performance.now();
  const entries: KnownEntry[] = claims.map((claim, i) => ({ match: { id: `k${i}`, claim: claim.claim, rating: 'False', verdict: 'false', reviewer: 'bench', url: `https://fc.example/${i}`, date: '', own: false, ...(claim.title ? { title: claim.title } : {}) } }));
  matcher = new KnownMatcher(entries);
  const took = performance.now() - started;
  index = new KnownClaimIndex(claims);
  claimTexts = claims.map((claim) => (claim.title ? `${claim.claim} ${claim.title}` : claim.claim));
  return took;
}

/** Drops the index (for the memory measure). */
export function drop(): void {
  matcher = null;
  index = null;
  claimTexts = [];
}

/** Matches sentences as the background does for a page; returns milliseconds and how many were flagged. */
export function matchPage(sentences: string[], threshold: number): { ms: number; flagged: number } {
  if (!matcher || !index) throw new Error('build first');
  const started = performance.now();
  const matches = matcher.match(sentences.map((text, i) => ({ id: String(i), text })), threshold, '');
  const ms = performance.now() - started;
  return { ms, flagged: Object.keys(matches).length };
}

/**
 * Brute force: every sentence against every claim, BM25 computed pair by pair from each claim's
 * term counts (prepared before the clock starts), no inverted index. This is only the first
 * stage: the re-ranking after it costs the same either way. Returns milliseconds, and each
 * sentence's BM25 top claim next to the index's, which must agree.
 */
export function bruteForce(sentences: string[]): { ms: number; agree: number } {
  if (!index) throw new Error('build first');
  const terms = claimTexts.map((text) => analyse(text).terms);
  const bm25 = Bm25Index.fromDocuments(terms);
  const counts = terms.map((list) => {
    const map = new Map<string, number>();
    for (const term of list) map.set(term, (map.get(term) ?? 0) + 1);
    return map;
  });
  const average = terms.reduce((sum, list) => sum + list.length, 0) / Math.max(terms.length, 1);
  const started = performance.now();
  const best: number[] = [];
  for (const sentence of sentences) {
    const query = [...new Set(analyse(sentence).terms)];
    const idf = query.map((term) => bm25.idf(term));
    let top = -1;
    let topScore = 0;
    for (let doc = 0; doc < counts.length; doc++) {
      const docCounts = counts[doc] as Map<string, number>;
      const norm = 1.2 * (0.25 + (0.75 * (terms[doc] as string[]).length) / average);
      let score = 0;
      for (let q = 0; q < query.length; q++) {
        const tf = docCounts.get(query[q] as string);
        if (tf) score += ((idf[q] as number) * tf * 2.2) / (tf + norm);
      }
      if (score > topScore) {
        topScore = score;
        top = doc;
      }
    }
    best.push(top);
  }
  const ms = performance.now() - started;
  let agree = 0;
  sentences.forEach((sentence, i) => {
    if ((index?.rankBm25(sentence, 1)[0]?.index ?? -1) === best[i]) agree++;
  });
  return { ms, agree };
}
