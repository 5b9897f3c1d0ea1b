/**
 * An Okapi BM25 index over the known claims' words: the well-known lexical baseline, and the
 * first stage of the shipped matcher (its top candidates are re-ranked). Postings are typed
 * arrays, so 20,000 claims cost a few megabytes.
 */

/** BM25's parameters; the usual defaults. */
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

/** One scored document. */
export interface Scored {
  doc: number;
  score: number;
}

/** An inverted index with BM25 scoring. Build with `fromDocuments`. */
export class Bm25Index {
  private constructor(
    private readonly vocabulary: Map<string, number>,
    private readonly postingDocs: Int32Array[],
    private readonly postingFreqs: Uint16Array[],
    private readonly lengths: Uint16Array,
    private readonly averageLength: number,
    /** Documents in the index. */
    readonly size: number,
  ) {}

  /** Indexes documents given as term lists (document number = position). */
  static fromDocuments(documents: readonly (readonly string[])[]): Bm25Index {
    const vocabulary = new Map<string, number>();
    const docs: number[][] = [];
    const freqs: number[][] = [];
    const lengths = new Uint16Array(documents.length);
    let total = 0;
    documents.forEach((terms, doc) => {
      lengths[doc] = Math.min(terms.length, 65535);
      total += terms.length;
      const counts = new Map<string, number>();
      for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
      for (const [term, count] of counts) {
        let id = vocabulary.get(term);
        if (id === undefined) {
          id = docs.length;
          vocabulary.set(term, id);
          docs.push([]);
          freqs.push([]);
        }
        (docs[id] as number[]).push(doc);
        (freqs[id] as number[]).push(Math.min(count, 65535));
      }
    });
    return new Bm25Index(vocabulary, docs.map((d) => Int32Array.from(d)), freqs.map((f) => Uint16Array.from(f)), lengths, documents.length > 0 ? total / documents.length : 1, documents.length);
  }

  /** Inverse document frequency of a term (BM25's, floored at a small positive value). */
  idf(term: string): number {
    const id = this.vocabulary.get(term);
    const df = id === undefined ? 0 : (this.postingDocs[id] as Int32Array).length;
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /** The `limit` best documents for a query's terms, best first (ties by document number). */
  search(terms: readonly string[], limit: number, scratch: Float64Array = new Float64Array(this.size)): Scored[] {
    const touched: number[] = [];
    for (const term of new Set(terms)) {
      const id = this.vocabulary.get(term);
      if (id === undefined) continue;
      const docs = this.postingDocs[id] as Int32Array;
      const freqs = this.postingFreqs[id] as Uint16Array;
      const idf = Math.log(1 + (this.size - docs.length + 0.5) / (docs.length + 0.5));
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i] as number;
        const tf = freqs[i] as number;
        const norm = BM25_K1 * (1 - BM25_B + (BM25_B * (this.lengths[doc] as number)) / this.averageLength);
        if (scratch[doc] === 0) touched.push(doc);
        scratch[doc] = (scratch[doc] as number) + (idf * tf * (BM25_K1 + 1)) / (tf + norm);
      }
    }
    const results = touched.map((doc) => ({ doc, score: scratch[doc] as number }));
    for (const doc of touched) scratch[doc] = 0;
    return topK(results, limit);
  }

  /** BM25 of one document for a query, computed from the document's own terms (the brute-force path). */
  scoreDocument(queryTerms: readonly string[], docTerms: readonly string[]): number {
    const counts = new Map<string, number>();
    for (const term of docTerms) counts.set(term, (counts.get(term) ?? 0) + 1);
    const norm = BM25_K1 * (1 - BM25_B + (BM25_B * Math.min(docTerms.length, 65535)) / this.averageLength);
    let score = 0;
    for (const term of new Set(queryTerms)) {
      const tf = counts.get(term);
      if (tf) score += (this.idf(term) * tf * (BM25_K1 + 1)) / (tf + norm);
    }
    return score;
  }

  /** Approximate bytes held by the postings and lengths. */
  bytes(): number {
    let bytes = this.lengths.byteLength;
    for (let i = 0; i < this.postingDocs.length; i++) bytes += (this.postingDocs[i] as Int32Array).byteLength + (this.postingFreqs[i] as Uint16Array).byteLength;
    return bytes;
  }
}

/** The `k` best of scored items, best first, ties broken by document number. */
export function topK(items: Scored[], k: number): Scored[] {
  return items.sort((a, b) => b.score - a.score || a.doc - b.doc).slice(0, k);
}
