/**
 * The known-claim matcher: BM25 finds each sentence's candidate claims in an inverted index
 * (words, and figures as a field of their own when the model says so), then a linear re-ranker trained on the CheckThat! train split (scripts/train-match.mjs)
 * orders them by the features defined in features.ts (computed from the claim table by
 * claim-features.ts), and a logistic calibration turns the best score into a match
 * probability, the figure the flag threshold applies to (both in match-scoring.ts).
 */
import { analyse, type Analysed } from './analyse';
import { Bm25Index, type Bm25Data, type Scored } from './bm25';
import { FeatureScorer, type SentenceIds } from './claim-features';
import { buildClaimTable, checkClaimTable, claimTableBytes, type ClaimTableData } from './claim-table';
import { FEATURE_NAMES } from './features';
import { GramTable } from './gram-table';
import { calibratedProbability, CHAR_COSINE, CLAIM_COVERAGE, linearScore, MATCH_MODEL, type MatchModel } from './match-scoring';

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

/** One candidate with its feature vector, for training and inspection. */
export interface CandidateFeatures {
  index: number;
  bm25: number;
  features: number[];
}

/** The text a claim is indexed as for character n-grams: the claim and its headline. */
export function documentText(claim: MatchableClaim): string {
  return claim.title ? `${claim.claim} ${claim.title}` : claim.claim;
}

/** The BM25 term of a figure: words never start with '#', so the two cannot meet. */
export function figureTerm(figure: string): string {
  return `#${figure}`;
}

/** Whether a BM25 term is a figure's (a field of its own: no length normalisation, no share of a claim's length). */
export function isFigureTerm(term: string): boolean {
  return term.charCodeAt(0) === 35;
}

/**
 * The terms a claim is indexed as for BM25: the claim's (already analysed) and its headline's
 * words, then their figures as figure terms. The baseline queries words only, and scores as if the
 * figures were not there (see Bm25Index.fromDocuments).
 */
export function documentTerms(claim: MatchableClaim, analysed: Analysed): string[] {
  const title = claim.title ? analyse(claim.title) : null;
  const terms = title ? [...analysed.terms, ...title.terms] : [...analysed.terms];
  for (const figure of analysed.figures) terms.push(figureTerm(figure));
  if (title) for (const figure of title.figures) terms.push(figureTerm(figure));
  return terms;
}

/** The first stage's query terms for an analysed sentence: its distinct words, then (when the model asks) its distinct figures. */
export function firstStageTerms(analysed: Analysed, model: MatchModel): string[] {
  const terms = [...new Set(analysed.terms)];
  if (model.figureQuery) for (const figure of new Set(analysed.figures)) terms.push(figureTerm(figure));
  return terms;
}

/** A built index as plain arrays (typed arrays and strings), to store and load without rebuilding. */
export interface KnownIndexData {
  /** Index format; a stored index of another format is rebuilt. */
  format: number;
  bm25: Bm25Data;
  claims: ClaimTableData;
  gramWeights: Float32Array;
}

/** The format `toData` writes; bump it whenever the stored arrays' layout or meaning changes. */
export const KNOWN_INDEX_FORMAT = 3;

/** An index over known claims that ranks them for sentences. Build once, query many times. */
export class KnownClaimIndex {
  private readonly bm25: Bm25Index;
  private readonly grams: GramTable;
  private readonly table: ClaimTableData;
  private readonly scorer: FeatureScorer;
  private readonly scratch: Float64Array;
  /** One candidate's features while `rank` scores it. */
  private readonly row = new Float64Array(FEATURE_NAMES.length);

  /** Builds the index over claims (with their headlines); `data` loads a stored one instead. */
  constructor(claims: readonly MatchableClaim[] | { data: KnownIndexData; size: number }, private readonly model: MatchModel = MATCH_MODEL) {
    if (model.features.join() !== FEATURE_NAMES.join()) throw new Error('The match model was trained on other features; run npm run train:match.');
    if ('data' in claims) {
      const { data, size } = claims;
      if (data.format !== KNOWN_INDEX_FORMAT) throw new Error('Known-claim index: stored in another format');
      this.bm25 = Bm25Index.fromData(data.bm25);
      if (this.bm25.size !== size) throw new Error('Known-claim index: stored for another number of claims');
      checkClaimTable(data.claims, size, this.bm25.vocabularySize);
      this.grams = GramTable.fromWeights(data.gramWeights);
      this.table = data.claims;
    } else {
      const analysed = claims.map((claim) => analyse(claim.claim));
      this.bm25 = Bm25Index.fromDocuments(claims.map((claim, i) => documentTerms(claim, analysed[i] as Analysed)), isFigureTerm);
      this.grams = GramTable.empty();
      const gramLists = claims.map((claim) => {
        const list: number[] = [];
        this.grams.add(documentText(claim), list);
        return list;
      });
      this.grams.freeze();
      this.table = buildClaimTable(analysed, gramLists, this.bm25, this.grams);
    }
    this.scorer = new FeatureScorer(this.table, this.bm25, this.grams);
    this.scratch = new Float64Array(this.bm25.size);
  }

  /** The index's arrays, to store (shared, not copied). */
  toData(): KnownIndexData {
    return { format: KNOWN_INDEX_FORMAT, bm25: this.bm25.toData(), claims: this.table, gramWeights: this.grams.weights() };
  }

  /** Claims in the index. */
  get size(): number {
    return this.bm25.size;
  }

  /** Approximate bytes held by the index's arrays. */
  bytes(): number {
    return this.bm25.bytes() + claimTableBytes(this.table) + this.grams.bytes();
  }

  /** The plain BM25 ranking (the baseline). */
  rankBm25(text: string, limit: number): RankedClaim[] {
    return this.bm25.search(analyse(text).terms, limit, this.scratch).map((hit) => ({ index: hit.doc, score: hit.score }));
  }

  /** BM25's candidates for a sentence with their feature vectors. */
  candidates(text: string, count: number = this.model.candidates): CandidateFeatures[] {
    const { sentence, hits } = this.firstStage(text, count);
    const best = hits[0]?.score ?? 0;
    return hits.map((hit, rank) => ({ index: hit.doc, bm25: hit.score, features: [...this.scorer.features(sentence, hit.doc, hit.score, best, rank)] }));
  }

  private firstStage(text: string, count: number): { sentence: SentenceIds; hits: Scored[] } {
    const analysed = analyse(text);
    const sentence = this.scorer.prepare(text, analysed);
    const query: number[] = [];
    for (let i = 0; i < sentence.distinctIds.length; i++) query.push(sentence.distinctIds[i] as number);
    if (this.model.figureQuery) for (const figure of new Set(analysed.figures)) query.push(this.bm25.termId(figureTerm(figure)));
    return { sentence, hits: this.bm25.searchIds(query, count, this.scratch) };
  }

  /**
   * The re-ranked claims for a sentence, best first, with match probabilities: `candidates`
   * scored without keeping their vectors (one row reused), the same numbers in the same order.
   */
  rank(text: string, limit: number): RankedClaim[] {
    const { sentence, hits } = this.firstStage(text, this.model.candidates);
    const best = hits[0]?.score ?? 0;
    const count = hits.length;
    const scores = new Float64Array(count);
    const cosines = new Float64Array(count);
    const coverages = new Float64Array(count);
    this.scorer.touch(hits);
    for (let rank = 0; rank < count; rank++) {
      const hit = hits[rank] as Scored;
      const row = this.scorer.features(sentence, hit.doc, hit.score, best, rank, this.row);
      scores[rank] = linearScore(this.model, row);
      cosines[rank] = row[CHAR_COSINE] as number;
      coverages[rank] = row[CLAIM_COVERAGE] as number;
    }
    // The best and second-best scores give every candidate's lead over the best other one.
    let first = -1;
    let second = -1;
    scores.forEach((score, i) => {
      if (first < 0 || score > (scores[first] as number)) {
        second = first;
        first = i;
      } else if (second < 0 || score > (scores[second] as number)) second = i;
    });
    const order = hits.map((hit, i) => ({ i, index: hit.doc, order: scores[i] as number }));
    return order
      .sort((a, b) => b.order - a.order || a.index - b.index)
      .slice(0, limit)
      .map(({ i, index, order }) => {
        const other = i === first ? (second < 0 ? -Infinity : (scores[second] as number)) : (scores[first] as number);
        return { index, score: calibratedProbability(this.model, order, order - other, cosines[i] as number, coverages[i] as number) };
      });
  }
}
