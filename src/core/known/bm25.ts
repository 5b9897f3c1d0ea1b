/**
 * An Okapi BM25 index over the known claims' words: the well-known lexical baseline, and the
 * first stage of the shipped matcher (its top candidates are re-ranked). Terms get integer ids;
 * postings are flat typed arrays (documents, frequencies, offsets per term), and each posting's
 * share of the score is computed once, so a query only adds numbers.
 */
import { TopK, type Scored } from './top-k';

export { TopK, type Scored } from './top-k';

/** BM25's parameters; the usual defaults. */
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

/**
 * The collection size idf assumes at least. A reader's first few collected fact-checks make a
 * tiny collection, where every word looks common; assuming a collection the size of the one the
 * re-ranker was trained on keeps a rare word rare, so scores mean the same at 5 and 20,000 claims.
 */
export const MIN_COLLECTION = 20_000;

/** BM25's idf of a term in `df` of `size` documents (floored at a small positive value by MIN_COLLECTION). */
export function bm25Idf(size: number, df: number): number {
  return Math.log(1 + (Math.max(size, MIN_COLLECTION) - df + 0.5) / (df + 0.5));
}

/** The index as plain arrays, to store and load it without rebuilding. */
export interface Bm25Data {
  terms: string[];
  offsets: Int32Array;
  docs: Int32Array;
  /** Each posting's share of its document's score: idf · tf · (k1 + 1) / (tf + k1 · (1 − b + b · length / average length)). */
  impacts: Float64Array;
  /** Documents in the index. */
  size: number;
}

/** An inverted index with BM25 scoring. Build with `fromDocuments`, or load with `fromData`. */
export class Bm25Index {
  private readonly vocabulary: Map<string, number>;
  /** idf of each term id. */
  private readonly idfs: Float64Array;
  /** Documents in the index. */
  readonly size: number;
  /** The best documents of the last query, reused by the next one asking for as many. */
  private top: TopK | null = null;
  /** The documents a query touched, reused from query to query. */
  private readonly touched: Int32Array;

  private constructor(private readonly data: Bm25Data) {
    this.vocabulary = new Map(data.terms.map((term, id) => [term, id]));
    this.size = data.size;
    this.touched = new Int32Array(this.size);
    this.idfs = new Float64Array(data.terms.length);
    for (let id = 0; id < data.terms.length; id++) this.idfs[id] = bm25Idf(this.size, (data.offsets[id + 1] as number) - (data.offsets[id] as number));
  }

  /**
   * Indexes documents given as term lists (document number = position). Terms `lengthless` picks
   * (figures, a field of their own) count in no document's length and are scored without length
   * normalisation, so the other terms score exactly as in an index without them.
   */
  static fromDocuments(documents: readonly (readonly string[])[], lengthless: (term: string) => boolean = () => false): Bm25Index {
    const vocabulary = new Map<string, number>();
    const perTerm: number[][] = [];
    const lengths = new Uint16Array(documents.length);
    let total = 0;
    documents.forEach((terms, doc) => {
      const counts = new Map<string, number>();
      let length = 0;
      for (const term of terms) {
        counts.set(term, (counts.get(term) ?? 0) + 1);
        if (!lengthless(term)) length++;
      }
      lengths[doc] = Math.min(length, 65535);
      total += length;
      for (const [term, count] of counts) {
        let id = vocabulary.get(term);
        if (id === undefined) {
          id = perTerm.length;
          vocabulary.set(term, id);
          perTerm.push([]);
        }
        (perTerm[id] as number[]).push(doc, Math.min(count, 65535));
      }
    });
    const offsets = new Int32Array(perTerm.length + 1);
    perTerm.forEach((pairs, id) => (offsets[id + 1] = (offsets[id] as number) + pairs.length / 2));
    const docs = new Int32Array(offsets[perTerm.length] as number);
    const freqs = new Uint16Array(docs.length);
    perTerm.forEach((pairs, id) => {
      const start = offsets[id] as number;
      for (let i = 0; i < pairs.length; i += 2) {
        docs[start + i / 2] = pairs[i] as number;
        freqs[start + i / 2] = pairs[i + 1] as number;
      }
    });
    // Each posting's share of the score, computed as a query would add it (so sums are the same numbers).
    const averageLength = documents.length > 0 ? total / documents.length : 1;
    const impacts = new Float64Array(docs.length);
    const terms = [...vocabulary.keys()];
    for (let id = 0; id < perTerm.length; id++) {
      const idf = bm25Idf(documents.length, (offsets[id + 1] as number) - (offsets[id] as number));
      const normalised = !lengthless(terms[id] as string);
      for (let i = offsets[id] as number; i < (offsets[id + 1] as number); i++) {
        const tf = freqs[i] as number;
        const norm = normalised ? BM25_K1 * (1 - BM25_B + (BM25_B * (lengths[docs[i] as number] as number)) / averageLength) : BM25_K1;
        impacts[i] = (idf * tf * (BM25_K1 + 1)) / (tf + norm);
      }
    }
    return new Bm25Index({ terms, offsets, docs, impacts, size: documents.length });
  }

  /** Loads an index saved by `toData`; throws when the arrays do not fit together. */
  static fromData(data: Bm25Data): Bm25Index {
    const ok = data.offsets.length === data.terms.length + 1 && data.offsets[0] === 0 && data.offsets[data.terms.length] === data.docs.length && data.impacts.length === data.docs.length && Number.isInteger(data.size) && data.size >= 0 && data.docs.every((doc) => doc >= 0 && doc < data.size);
    if (!ok) throw new Error('Bm25Index: stored index is inconsistent');
    return new Bm25Index(data);
  }

  /** The arrays to store (shared, not copied). */
  toData(): Bm25Data {
    return this.data;
  }

  /** Number of distinct terms. */
  get vocabularySize(): number {
    return this.data.terms.length;
  }

  /** A term's id, or -1 when no document has it. */
  termId(term: string): number {
    return this.vocabulary.get(term) ?? -1;
  }

  /** Inverse document frequency of a term id (-1: a term no document has). */
  idfOf(id: number): number {
    return id < 0 ? bm25Idf(this.size, 0) : (this.idfs[id] as number);
  }

  /** Inverse document frequency of a term. */
  idf(term: string): number {
    return this.idfOf(this.termId(term));
  }

  /** The `limit` best documents for a query's terms, best first (ties by document number). */
  search(terms: readonly string[], limit: number, scratch: Float64Array = new Float64Array(this.size)): Scored[] {
    const ids: number[] = [];
    for (const term of new Set(terms)) ids.push(this.termId(term));
    return this.searchIds(ids, limit, scratch);
  }

  /**
   * Like `search`, for distinct term ids in query order (-1 skipped). Scores add up term by term
   * in that order, so they are the same numbers a document-by-document computation gives.
   */
  searchIds(ids: readonly number[], limit: number, scratch: Float64Array = new Float64Array(this.size)): Scored[] {
    const { offsets, docs, impacts } = this.data;
    const touched = this.touched;
    let count = 0;
    for (const id of ids) {
      if (id < 0) continue;
      const end = offsets[id + 1] as number;
      for (let i = offsets[id] as number; i < end; i++) {
        const doc = docs[i] as number;
        const previous = scratch[doc] as number;
        // Written every time, kept only for a first touch: no branch to mispredict.
        touched[count] = doc;
        count += previous === 0 ? 1 : 0;
        scratch[doc] = previous + (impacts[i] as number);
      }
    }
    const best = this.top && this.top.k === limit ? this.top : (this.top = new TopK(limit));
    best.reset();
    // A score below the worst kept one cannot be kept: most documents stop at that comparison.
    let floor = best.threshold;
    for (let i = 0; i < count; i++) {
      const doc = touched[i] as number;
      const score = scratch[doc] as number;
      scratch[doc] = 0;
      if (score < floor) continue;
      best.offer(doc, score);
      floor = best.threshold;
    }
    return best.sorted();
  }

  /** Approximate bytes held by the arrays. */
  bytes(): number {
    const { offsets, docs, impacts } = this.data;
    return offsets.byteLength + docs.byteLength + impacts.byteLength + this.idfs.byteLength + this.touched.byteLength;
  }
}
