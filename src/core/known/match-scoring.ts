/**
 * The trained re-ranker (match-model.json, fitted by scripts/train-match.mjs) and how it scores a
 * candidate: a linear score of its feature vector (features.ts), then a logistic calibration into
 * the match probability the flag threshold applies to. Shared by the matcher and the reference ranker.
 */
import { FEATURE_NAMES } from './features';
import modelFile from './match-model.json';

/** The re-ranker's standardised linear weights: a feature's value less its mean, over its scale, times its weight. */
export interface LinearWeights {
  weights: ArrayLike<number>;
  mean: ArrayLike<number>;
  scale: ArrayLike<number>;
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
  /** Whether the first stage queries the sentence's figures too (chosen by cross-validation on the train split). */
  figureQuery: boolean;
}

/** The shipped model. */
export const MATCH_MODEL: MatchModel = modelFile;

/** The re-ranker's linear score of a feature vector (a missing weight counts 0, a missing mean 0, a missing or zero scale 1). */
export function linearScore(model: LinearWeights, features: ArrayLike<number>): number {
  // The arrays are read once: the matcher calls this for every candidate of every sentence.
  const { weights, mean, scale } = model;
  let score = 0;
  for (let i = 0; i < features.length; i++) score += (weights[i] ?? 0) * (((features[i] as number) - (mean[i] ?? 0)) / (scale[i] || 1));
  return score;
}

/** Largest lead over the runner-up the calibration counts (a lone candidate has this lead). */
const MAX_LEAD = 5;
/** Positions of the two overlaps the calibration reads in a feature vector. */
export const CHAR_COSINE = FEATURE_NAMES.indexOf('charCosine');
export const CLAIM_COVERAGE = FEATURE_NAMES.indexOf('claimCoverage');

/** The calibrated match probability of a candidate, given its lead over the best other candidate. */
export function matchProbability(model: MatchModel, features: readonly number[], lead: number): number {
  return calibratedProbability(model, linearScore(model, features), lead, features[CHAR_COSINE] ?? 0, features[CLAIM_COVERAGE] ?? 0);
}

/** The calibration applied to a candidate's linear score, lead, character cosine and claim coverage. */
export function calibratedProbability(model: MatchModel, score: number, lead: number, charCosine: number, claimCoverage: number): number {
  const { inputs, weights, intercept } = model.calibration;
  let logit = intercept;
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i];
    const value = input === 'score' ? score : input === 'lead' ? (Number.isFinite(lead) ? Math.min(lead, MAX_LEAD) : MAX_LEAD) : input === 'charCosine' ? charCosine : input === 'claimCoverage' ? claimCoverage : 0;
    logit += (weights[i] ?? 0) * value;
  }
  return 1 / (1 + Math.exp(-logit));
}
