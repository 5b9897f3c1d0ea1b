/**
 * features.ts's feature vector computed from the claim table's ids instead of strings: the same
 * numbers (each sum adds the same terms in the same order), at a fraction of the cost, for every
 * BM25 candidate of every sentence. tests/unit/known-index.test.ts checks them against the
 * reference ranker, which uses features.ts.
 */
import type { Analysed } from './analyse';
import type { Bm25Index } from './bm25';
import type { ClaimTableData, Ragged } from './claim-table';
import { GramMap } from './gram-map';
import { longestCommon } from './longest-common';
import type { GramTable } from './gram-table';

/** A sentence prepared once for all its candidates. */
export interface SentenceIds {
  /** Term ids in order (-1: a term no claim has). */
  terms: Int32Array;
  /** Ids of the distinct terms (by text, in the order they first appear; -1 for each term no claim has) and their idf. */
  distinctIds: Int32Array;
  distinctIdfs: Float64Array;
  /** Sum of `distinctIdfs`, added in order. */
  idfTotal: number;
  /** Distinct word pairs whose both terms have ids, as keys like the claim table's; `pairs` counts all pairs. */
  pairKeys: Float64Array;
  pairs: number;
  /** Names and figures in the sentence (the known ones are marked in the scorer, by id). */
  names: number;
  figures: number;
  /** Norm of the sentence's gram vector (its weights are in the scorer's gram map). */
  gramNorm: number;
}

/** Bits of the word-pair filter: a claim's pairs are mostly not the sentence's, and one bit says so. */
const PAIR_FILTER_BITS = 1024;

/** Scores candidates of one sentence at a time against the claim table. */
export class FeatureScorer {
  private readonly claimHas: Uint32Array;
  /** Marks (the sentence stamp) on the term, name and figure ids of the sentence last prepared: arrays, not sets, as every candidate looks them up. */
  private readonly sentenceHas: Uint32Array;
  private readonly sentenceNames: Uint32Array;
  private readonly sentenceFigures: Uint32Array;
  /** One bit per value of a word-pair key's low 10 bits, set for the sentence's pairs. */
  private readonly pairFilter = new Int32Array(PAIR_FILTER_BITS / 32);
  private sentenceStamp = 0;
  private claimStamp = 0;
  private readonly gramMap = new GramMap();
  private readonly nameIndex: Map<string, number>;
  private readonly figureIndex: Map<string, number>;
  /** Sum of each claim's distinct terms' idf, added in order. */
  private readonly idfTotals: Float64Array;
  /** idf of each term id. */
  private readonly idfs: Float64Array;

  constructor(private readonly table: ClaimTableData, private readonly bm25: Bm25Index, private readonly grams: GramTable) {
    this.claimHas = new Uint32Array(bm25.vocabularySize);
    this.sentenceHas = new Uint32Array(bm25.vocabularySize);
    this.sentenceNames = new Uint32Array(table.names.length);
    this.sentenceFigures = new Uint32Array(table.figures.length);
    this.nameIndex = new Map(table.names.map((name, id) => [name, id]));
    this.figureIndex = new Map(table.figures.map((figure, id) => [figure, id]));
    this.idfs = Float64Array.from({ length: bm25.vocabularySize }, (_, id) => bm25.idfOf(id));
    const { offsets, values } = table.terms;
    this.idfTotals = new Float64Array(offsets.length - 1);
    for (let claim = 0; claim + 1 < offsets.length; claim++) {
      const stamp = ++this.claimStamp;
      let total = 0;
      for (let i = offsets[claim] as number; i < (offsets[claim + 1] as number); i++) {
        const id = values[i] as number;
        if (this.claimHas[id] === stamp) continue;
        this.claimHas[id] = stamp;
        total += this.idfs[id] as number;
      }
      this.idfTotals[claim] = total;
    }
  }

  /** Prepares a sentence (its text and analysis); the gram weights and the marks stay until the next call. */
  prepare(text: string, analysed: Analysed): SentenceIds {
    if (this.sentenceStamp === 0xfffffffe) {
      this.sentenceHas.fill(0);
      this.sentenceNames.fill(0);
      this.sentenceFigures.fill(0);
      this.sentenceStamp = 0;
    }
    const stamp = ++this.sentenceStamp;
    // One look-up per term; a known term is distinct by its id (marked on first sight), an unknown one by its text.
    const count = analysed.terms.length;
    const terms = new Int32Array(count);
    const distinct: number[] = [];
    const unknown: string[] = [];
    for (let i = 0; i < count; i++) {
      const term = analysed.terms[i] as string;
      const id = this.bm25.termId(term);
      terms[i] = id;
      if (id >= 0) {
        if (this.sentenceHas[id] === stamp) continue;
        this.sentenceHas[id] = stamp;
      } else {
        if (unknown.includes(term)) continue;
        unknown.push(term);
      }
      distinct.push(id);
    }
    const distinctIds = Int32Array.from(distinct);
    const distinctIdfs = Float64Array.from(distinctIds, (id) => this.bm25.idfOf(id));
    let idfTotal = 0;
    for (const idf of distinctIdfs) idfTotal += idf;
    const keys: number[] = [];
    const size = this.bm25.vocabularySize;
    const filter = this.pairFilter.fill(0);
    for (let i = 0; i + 1 < count; i++) {
      const first = terms[i] as number;
      const second = terms[i + 1] as number;
      if (first < 0 || second < 0) continue;
      const key = first * size + second;
      if (keys.includes(key)) continue;
      keys.push(key);
      filter[(key >>> 5) & (PAIR_FILTER_BITS / 32 - 1)] = (filter[(key >>> 5) & (PAIR_FILTER_BITS / 32 - 1)] as number) | (1 << (key & 31));
    }
    for (const name of analysed.names) {
      const id = this.nameIndex.get(name);
      if (id !== undefined) this.sentenceNames[id] = stamp;
    }
    for (const figure of analysed.figures) {
      const id = this.figureIndex.get(figure);
      if (id !== undefined) this.sentenceFigures[id] = stamp;
    }
    return {
      terms,
      distinctIds,
      distinctIdfs,
      idfTotal,
      pairKeys: Float64Array.from(keys),
      pairs: Math.max(count - 1, 0),
      names: analysed.names.length,
      figures: analysed.figures.length,
      gramNorm: this.grams.sentenceInto(text, this.gramMap),
    };
  }

  /**
   * Reads one number from every cache line of the candidates' gram lists (and their other rows)
   * before they are scored: the claim table is too large for the cache, and reads that do not
   * wait on each other overlap their misses, where the feature loops would wait for each in turn.
   */
  touch(claims: readonly { doc: number }[]): void {
    const { grams, terms, bigrams } = this.table;
    let sink = 0;
    for (let c = 0; c < claims.length; c++) {
      const claim = (claims[c] as { doc: number }).doc;
      const end = grams.offsets[claim + 1] as number;
      for (let i = grams.offsets[claim] as number; i < end; i += 16) sink ^= grams.values[i] as number;
      sink ^= (terms.values[terms.offsets[claim] as number] ?? 0) ^ (bigrams.values[bigrams.offsets[claim] as number] ?? 0);
    }
    this.touched = sink;
  }

  /** What `touch` read, kept so that the reads are not optimised away. */
  touched = 0;

  /** The feature vector (FEATURE_NAMES order) of the sentence last prepared and claim `claim`, written to `out` (a new array by default). */
  features(sentence: SentenceIds, claim: number, bm25: number, bestBm25: number, rank: number, out: number[] | Float64Array = new Array<number>(16)): number[] | Float64Array {
    const table = this.table;
    const sentenceStamp = this.sentenceStamp;
    // Claim terms the sentence has (claim coverage), and a mark on each claim term (sentence coverage).
    if (this.claimStamp === 0xfffffffe) {
      this.claimHas.fill(0);
      this.claimStamp = 0;
    }
    const claimStamp = ++this.claimStamp;
    const { offsets, values } = table.terms;
    const sentenceHas = this.sentenceHas;
    const claimHas = this.claimHas;
    const idfs = this.idfs;
    let claimHit = 0;
    // The claim's distinct terms in the order they first appear (a repeat finds its mark set).
    for (let i = offsets[claim] as number; i < (offsets[claim + 1] as number); i++) {
      const id = values[i] as number;
      if (claimHas[id] === claimStamp) continue;
      claimHas[id] = claimStamp;
      if (sentenceHas[id] === sentenceStamp) claimHit += idfs[id] as number;
    }
    const claimTotal = this.idfTotals[claim] as number;
    let sentenceHit = 0;
    for (let i = 0; i < sentence.distinctIds.length; i++) {
      const id = sentence.distinctIds[i] as number;
      if (id >= 0 && claimHas[id] === claimStamp) sentenceHit += sentence.distinctIdfs[i] as number;
    }
    const names = sentence.names === 0 ? 0 : markedIds(this.sentenceNames, sentenceStamp, table.nameIds, claim);
    const nameCount = (table.nameIds.offsets[claim + 1] as number) - (table.nameIds.offsets[claim] as number);
    const figures = sentence.figures === 0 ? 0 : markedIds(this.sentenceFigures, sentenceStamp, table.figureIds, claim);
    const claimFigures = (table.figureIds.offsets[claim + 1] as number) - (table.figureIds.offsets[claim] as number);
    const pairs = sentence.pairKeys.length === 0 ? 0 : this.sharedPairs(sentence.pairKeys, claim);
    const claimPairs = (table.bigrams.offsets[claim + 1] as number) - (table.bigrams.offsets[claim] as number);
    const termStart = table.terms.offsets[claim] as number;
    const termEnd = table.terms.offsets[claim + 1] as number;
    const gramNorm = table.gramNorms[claim] as number;
    const charCosine = sentence.gramNorm === 0 || gramNorm === 0 ? 0 : this.gramMap.sumOfSquares(table.grams.values, table.grams.offsets[claim] as number, table.grams.offsets[claim + 1] as number) / (sentence.gramNorm * gramNorm);
    out[0] = bm25;
    out[1] = bestBm25 > 0 ? bm25 / bestBm25 : 0;
    out[2] = 1 / (rank + 1);
    out[3] = charCosine;
    out[4] = claimTotal > 0 ? claimHit / claimTotal : 0;
    out[5] = sentence.idfTotal > 0 ? sentenceHit / sentence.idfTotal : 0;
    out[6] = names;
    out[7] = names > 0 ? names / nameCount : 0;
    out[8] = figures;
    out[9] = figures > 0 ? figures / claimFigures : 0;
    out[10] = claimFigures > 0 && figures === 0 ? 1 : 0;
    out[11] = pairs;
    out[12] = pairs > 0 ? pairs / claimPairs : 0;
    out[13] = Math.log(1 + (termEnd - termStart));
    out[14] = Math.log(1 + sentence.terms.length);
    out[15] = claimHit > 0 ? this.commonSequence(sentence, termStart, termEnd, sentenceStamp, claimStamp) : 0;
    return out;
  }

  /** How many of the claim's distinct word pairs the sentence has: most fail the filter, the rest are looked for among the sentence's few. */
  private sharedPairs(sentenceKeys: Float64Array, claim: number): number {
    const { offsets, values } = this.table.bigrams;
    const filter = this.pairFilter;
    let count = 0;
    for (let i = offsets[claim] as number; i < (offsets[claim + 1] as number); i++) {
      const key = values[i] as number;
      if (((filter[(key >>> 5) & (PAIR_FILTER_BITS / 32 - 1)] as number) & (1 << (key & 31))) === 0) continue;
      for (let j = 0; j < sentenceKeys.length; j++) {
        if (sentenceKeys[j] === key) {
          count++;
          break;
        }
      }
    }
    return count;
  }

  /**
   * features.ts's `commonSequence`, on the terms both sides have: a term the other side lacks is in
   * no common sequence, so leaving it out changes nothing and shrinks the table to a few cells.
   */
  private commonSequence(sentence: SentenceIds, start: number, end: number, sentenceStamp: number, claimStamp: number): number {
    const claimTerms = this.table.terms.values;
    if (sharedTerms.sentence.length < sentence.terms.length || sharedTerms.claim.length < end - start) {
      sharedTerms.sentence = new Int32Array(Math.max(sentence.terms.length, end - start, 256));
      sharedTerms.claim = new Int32Array(sharedTerms.sentence.length);
    }
    let sentenceLength = 0;
    for (let i = 0; i < sentence.terms.length; i++) {
      const id = sentence.terms[i] as number;
      if (id >= 0 && this.claimHas[id] === claimStamp) sharedTerms.sentence[sentenceLength++] = id;
    }
    let claimLength = 0;
    for (let i = start; i < end; i++) {
      const id = claimTerms[i] as number;
      if (this.sentenceHas[id] === sentenceStamp) sharedTerms.claim[claimLength++] = id;
    }
    return end === start ? 0 : longestCommon(sharedTerms.sentence, sentenceLength, sharedTerms.claim, claimLength) / (end - start);
  }
}

/** Shared so the longest common sequence allocates nothing per candidate. */
const sharedTerms = { sentence: new Int32Array(256), claim: new Int32Array(256) };

/** features.ts's `shared` on ids: how many of the claim's distinct items the sentence has (marked with `stamp`). */
function markedIds(marks: Uint32Array, stamp: number, claimItems: Ragged<Int32Array>, claim: number): number {
  const { offsets, values } = claimItems;
  let count = 0;
  for (let i = offsets[claim] as number; i < (offsets[claim + 1] as number); i++) if (marks[values[i] as number] === stamp) count++;
  return count;
}
