/**
 * The known-claim ranking written the plain way, as the definition the fast index in matcher.ts
 * must reproduce: BM25 of every claim computed from the claim's own term counts (no inverted
 * index), then the re-ranker over the string features of features.ts, character n-grams streamed
 * from each candidate's text. Slow on purpose (every sentence meets every claim): unit tests check
 * the index against it, and the bench times it as the brute-force comparison.
 */
import { analyse, type Analysed } from './analyse';
import { BM25_B, BM25_K1, bm25Idf } from './bm25';
import { featureVector, sentenceSide } from './features';
import { GramTable } from './gram-table';
import { linearScore, matchProbability, MATCH_MODEL, type MatchModel } from './match-scoring';
import { documentTerms, documentText, firstStageTerms, isFigureTerm, type CandidateFeatures, type MatchableClaim, type RankedClaim } from './matcher';

function counted(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

/** Brute-force ranking of known claims for sentences, with the shipped model. */
export class ReferenceRanker {
  private readonly analysed: Analysed[];
  private readonly counts: Map<string, number>[];
  private readonly lengths: number[];
  private readonly documentFrequency = new Map<string, number>();
  private readonly averageLength: number;
  private readonly grams = GramTable.empty();
  private readonly norms: Float32Array;

  constructor(private readonly claims: readonly MatchableClaim[], private readonly model: MatchModel = MATCH_MODEL) {
    this.analysed = claims.map((claim) => analyse(claim.claim));
    const documents = claims.map((claim, i) => documentTerms(claim, this.analysed[i] as Analysed));
    this.counts = documents.map(counted);
    // Figures are a field of their own: they count in no document's length.
    const wordCounts = documents.map((terms) => terms.filter((term) => !isFigureTerm(term)).length);
    this.lengths = wordCounts.map((count) => Math.min(count, 65535));
    for (const counts of this.counts) for (const term of counts.keys()) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
    this.averageLength = documents.length > 0 ? wordCounts.reduce((sum, count) => sum + count, 0) / documents.length : 1;
    for (const claim of claims) this.grams.add(documentText(claim));
    this.grams.freeze();
    this.norms = Float32Array.from(claims, (claim) => this.grams.norm(documentText(claim)));
  }

  /** BM25's idf of a term. */
  idf(term: string): number {
    return bm25Idf(this.claims.length, this.documentFrequency.get(term) ?? 0);
  }

  /** Every claim sharing a word with the text, by BM25, best first (ties by position), cut at `limit`: the baseline. */
  rankBm25(text: string, limit: number): RankedClaim[] {
    return this.score([...new Set(analyse(text).terms)], limit);
  }

  /** The matcher's first stage: BM25 of the words and, when the model asks, the figures. */
  firstStage(text: string, limit: number): RankedClaim[] {
    return this.score(firstStageTerms(analyse(text), this.model), limit);
  }

  private score(query: readonly string[], limit: number): RankedClaim[] {
    const scored: RankedClaim[] = [];
    this.counts.forEach((counts, doc) => {
      const norm = BM25_K1 * (1 - BM25_B + (BM25_B * (this.lengths[doc] as number)) / this.averageLength);
      let score = 0;
      let hit = false;
      for (const term of query) {
        const tf = counts.get(term);
        if (tf === undefined) continue;
        hit = true;
        score += (this.idf(term) * Math.min(tf, 65535) * (BM25_K1 + 1)) / (Math.min(tf, 65535) + (isFigureTerm(term) ? BM25_K1 : norm));
      }
      if (hit) scored.push({ index: doc, score });
    });
    return scored.sort((a, b) => b.score - a.score || a.index - b.index).slice(0, limit);
  }

  /** BM25's candidates with their feature vectors. */
  candidates(text: string, count: number = this.model.candidates): CandidateFeatures[] {
    const hits = this.firstStage(text, count);
    if (hits.length === 0) return [];
    const sentence = sentenceSide(analyse(text));
    const sentenceGrams = this.grams.sentence(text);
    const best = hits[0]?.score ?? 0;
    return hits.map((hit, rank) => {
      const charCosine = this.grams.cosine(sentenceGrams, documentText(this.claims[hit.index] as MatchableClaim), this.norms[hit.index] as number);
      return { index: hit.index, bm25: hit.score, features: featureVector(sentence, { bm25: hit.score, bestBm25: best, rank, claim: this.analysed[hit.index] as Analysed, charCosine }, (term) => this.idf(term)) };
    });
  }

  /** The re-ranked claims, best first, with match probabilities. */
  rank(text: string, limit: number): RankedClaim[] {
    const candidates = this.candidates(text);
    const scores = candidates.map((candidate) => linearScore(this.model, candidate.features));
    return candidates
      .map((candidate, i) => {
        let other = -Infinity;
        for (let j = 0; j < scores.length; j++) if (j !== i && (scores[j] as number) > other) other = scores[j] as number;
        return { index: candidate.index, order: scores[i] as number, score: matchProbability(this.model, candidate.features, (scores[i] as number) - other) };
      })
      .sort((a, b) => b.order - a.order || a.index - b.index)
      .slice(0, limit)
      .map(({ index, score }) => ({ index, score }));
  }
}
