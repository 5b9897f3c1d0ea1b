/**
 * The known-claim matcher: BM25 finds each sentence's candidate claims in an inverted index,
 * then a linear re-ranker trained on the CheckThat! train split (scripts/train-match.mjs)
 * orders them by the features in features.ts, and a logistic calibration turns the best
 * score into a match probability, the figure the flag threshold applies to.
 */
import { analyse, type Analysed } from './analyse';
import { Bm25Index } from './bm25';
import { FEATURE_NAMES, featureVector, sentenceSide } from './features';
import { GramTable } from './gram-table';
import modelFile from './match-model.json';

/** What the matcher needs of a known claim. */
export interface MatchableClaim {
  claim: string;
  /** The fact-check's headline, when known: it often names the claim in other words. */
  title?: string;
}

/** A ranked claim: its position in the indexed list and its score. */
export interface RankedClaim {
  index: number;
  /** Match probability in [0, 1] (calibrated re-ranker score); BM25 rankings give the raw BM25 score. */
  score: number;
}

/** The trained re-ranker, as stored in match-model.json. */
export interface MatchModel {
  features: string[];
  mean: number[];
  scale: number[];
  weights: number[];
  /** Logistic calibration of a candidate from its score, its lead over the best other candidate, and two overlaps. */
  calibration: { inputs: string[]; weights: number[]; intercept: number };
  /** Candidates BM25 passes to the re-ranker. */
  candidates: number;
  /** Match probability from which a page flags a sentence (precision >= 0.9 at rank 1 on the train split). */
  threshold: number;
}

/** The shipped model. */
export const MATCH_MODEL: MatchModel = modelFile;

/** The default flag threshold (a setting overrides it). */
export const DEFAULT_MATCH_THRESHOLD = MATCH_MODEL.threshold;

/** One candidate with its feature vector, for training and inspection. */
export interface CandidateFeatures {
  index: number;
  bm25: number;
  features: number[];
}

function documentText(claim: MatchableClaim): string {
  return claim.title ? `${claim.claim} ${claim.title}` : claim.claim;
}

/** An index over known claims that ranks them for sentences. Build once, query many times. */
export class KnownClaimIndex {
  private readonly bm25: Bm25Index;
  private readonly grams = new GramTable();
  private readonly analysed: Analysed[];
  private readonly scratch: Float64Array;
  /** Gram norms of each claim with its headline. */
  private readonly norms: Float32Array;

  constructor(private readonly claims: readonly MatchableClaim[], private readonly model: MatchModel = MATCH_MODEL) {
    if (model.features.join() !== FEATURE_NAMES.join()) throw new Error('The match model was trained on other features; run npm run train:match.');
    this.analysed = claims.map((claim) => analyse(claim.claim));
    this.bm25 = Bm25Index.fromDocuments(claims.map((claim, i) => (claim.title ? [...(this.analysed[i] as Analysed).terms, ...analyse(claim.title).terms] : (this.analysed[i] as Analysed).terms)));
    for (const claim of claims) this.grams.add(documentText(claim));
    this.grams.freeze();
    this.norms = Float32Array.from(claims, (claim) => this.grams.norm(documentText(claim)));
    this.scratch = new Float64Array(claims.length);
  }

  /** Claims in the index. */
  get size(): number {
    return this.claims.length;
  }

  /** The plain BM25 ranking (the baseline). */
  rankBm25(text: string, limit: number): RankedClaim[] {
    return this.bm25.search(analyse(text).terms, limit, this.scratch).map((hit) => ({ index: hit.doc, score: hit.score }));
  }

  /** BM25's candidates for a sentence with their feature vectors. */
  candidates(text: string, count: number = this.model.candidates): CandidateFeatures[] {
    const analysed = analyse(text);
    const hits = this.bm25.search(analysed.terms, count, this.scratch);
    if (hits.length === 0) return [];
    const sentence = sentenceSide(analysed);
    const sentenceGrams = this.grams.sentence(text);
    const best = hits[0]?.score ?? 0;
    const idf = (term: string) => this.bm25.idf(term);
    return hits.map((hit, rank) => {
      const claim = this.claims[hit.doc] as MatchableClaim;
      const analysedClaim = this.analysed[hit.doc] as Analysed;
      const charCosine = this.grams.cosine(sentenceGrams, documentText(claim), this.norms[hit.doc] as number);
      return { index: hit.doc, bm25: hit.score, features: featureVector(sentence, { bm25: hit.score, bestBm25: best, rank, claim: analysedClaim, charCosine }, idf) };
    });
  }

  /** The re-ranked claims for a sentence, best first, with match probabilities. */
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

/** The re-ranker's linear score of a feature vector. */
export function linearScore(model: MatchModel, features: readonly number[]): number {
  let score = 0;
  for (let i = 0; i < features.length; i++) score += (model.weights[i] ?? 0) * (((features[i] as number) - (model.mean[i] ?? 0)) / (model.scale[i] || 1));
  return score;
}

/** Largest lead over the runner-up the calibration counts (a lone candidate has this lead). */
const MAX_LEAD = 5;

/** The calibrated match probability of a candidate, given its lead over the best other candidate. */
export function matchProbability(model: MatchModel, features: readonly number[], lead: number): number {
  const { inputs, weights, intercept } = model.calibration;
  const values: Record<string, number> = {
    score: linearScore(model, features),
    lead: Number.isFinite(lead) ? Math.min(lead, MAX_LEAD) : MAX_LEAD,
    charCosine: features[FEATURE_NAMES.indexOf('charCosine')] ?? 0,
    claimCoverage: features[FEATURE_NAMES.indexOf('claimCoverage')] ?? 0,
  };
  let logit = intercept;
  inputs.forEach((input, i) => (logit += (weights[i] ?? 0) * (values[input] ?? 0)));
  return 1 / (1 + Math.exp(-logit));
}
