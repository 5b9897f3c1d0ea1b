/**
 * The features the re-ranker weighs for one sentence and one candidate claim. Each is cheap and
 * explainable: lexical (BM25 and word coverage, bigrams, longest common word sequence),
 * character n-grams (robust to inflection, spelling and hyphenation), names and figures.
 * Written on strings, as the definition: the reference ranker uses it, and the index computes
 * the same numbers from integer ids (claim-features.ts).
 */
import type { Analysed } from './analyse';

/** Feature names, in the order of the vectors (the model file lists them too, and they must agree). */
export const FEATURE_NAMES = [
  'bm25',
  'bm25Relative',
  'reciprocalRank',
  'charCosine',
  'claimCoverage',
  'sentenceCoverage',
  'sharedNames',
  'sharedNamesShare',
  'sharedFigures',
  'sharedFiguresShare',
  'figuresMissing',
  'sharedBigrams',
  'sharedBigramsShare',
  'claimLength',
  'sentenceLength',
  'commonSequence',
] as const;

/** Shared distinct items of two lists: how many, and what share of the second list's distinct items. */
function shared(a: readonly string[], b: readonly string[]): [number, number] {
  if (a.length === 0 || b.length === 0) return [0, 0];
  const inA = new Set(a);
  const inB = new Set(b);
  let count = 0;
  for (const item of inB) if (inA.has(item)) count++;
  return [count, count / inB.size];
}

/** The share of `target`'s distinct terms (weighted by idf) that `source` has. */
function coverage(source: ReadonlySet<string>, target: readonly string[], idf: (term: string) => number): number {
  let total = 0;
  let hit = 0;
  for (const term of new Set(target)) {
    const weight = idf(term);
    total += weight;
    if (source.has(term)) hit += weight;
  }
  return total > 0 ? hit / total : 0;
}

function bigrams(terms: readonly string[]): string[] {
  const pairs: string[] = [];
  for (let i = 0; i + 1 < terms.length; i++) pairs.push(`${terms[i]} ${terms[i + 1]}`);
  return pairs;
}

/** Longest common subsequence of two term lists, over the claim's length. */
export function commonSequence(sentence: readonly string[], claim: readonly string[]): number {
  if (sentence.length === 0 || claim.length === 0) return 0;
  let previous = new Uint16Array(claim.length + 1);
  let current = new Uint16Array(claim.length + 1);
  for (let i = 1; i <= sentence.length; i++) {
    for (let j = 1; j <= claim.length; j++) {
      current[j] = sentence[i - 1] === claim[j - 1] ? (previous[j - 1] as number) + 1 : Math.max(previous[j] as number, current[j - 1] as number);
    }
    [previous, current] = [current, previous];
  }
  return (previous[claim.length] as number) / claim.length;
}

/** What the features need of the sentence, computed once per sentence. */
export interface SentenceSide {
  analysed: Analysed;
  termSet: ReadonlySet<string>;
  bigrams: string[];
}

/** Prepares a sentence's side of the features. */
export function sentenceSide(analysed: Analysed): SentenceSide {
  return { analysed, termSet: new Set(analysed.terms), bigrams: bigrams(analysed.terms) };
}

/** One candidate as the first stage found it. */
export interface CandidateInput {
  bm25: number;
  bestBm25: number;
  rank: number;
  claim: Analysed;
  /** Character n-gram cosine of the sentence with the claim and its headline. */
  charCosine: number;
}

/** The feature vector of a sentence and a candidate claim, in FEATURE_NAMES order. */
export function featureVector(sentence: SentenceSide, candidate: CandidateInput, idf: (term: string) => number): number[] {
  const claim = candidate.claim;
  const [names, namesShare] = shared(sentence.analysed.names, claim.names);
  const [figures, figuresShare] = shared(sentence.analysed.figures, claim.figures);
  const [pairs, pairsShare] = shared(sentence.bigrams, bigrams(claim.terms));
  return [
    candidate.bm25,
    candidate.bestBm25 > 0 ? candidate.bm25 / candidate.bestBm25 : 0,
    1 / (candidate.rank + 1),
    candidate.charCosine,
    coverage(sentence.termSet, claim.terms, idf),
    coverage(new Set(claim.terms), sentence.analysed.terms, idf),
    names,
    namesShare,
    figures,
    figuresShare,
    claim.figures.length > 0 && figures === 0 ? 1 : 0,
    pairs,
    pairsShare,
    Math.log(1 + claim.terms.length),
    Math.log(1 + sentence.analysed.terms.length),
    commonSequence(sentence.analysed.terms, claim.terms),
  ];
}
