/**
 * An Okapi BM25 index over the known claims' words: the well-known lexical baseline, and the
 * first stage of the shipped matcher (its top candidates are re-ranked). Postings are typed
 * arrays, so 20,000 claims cost a few megabytes.
 */

/** BM25's parameters; the usual defaults. */
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

/**
 * The collection size idf assumes at least. A reader's first few collected fact-checks make a
 * tiny collection, where every word looks common; assuming a collection the size of the one the
 * re-ranker was trained on keeps a rare word rare, so scores mean the same at 5 and 20,000 claims.
 */
export const MIN_COLLECTION = 20_000;

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
    private readonly k1: number,
    private readonly b: number,
  ) {}

  /** Indexes documents given as term lists (document number = position), with BM25's k1 and b. */
  static fromDocuments(documents: readonly (readonly string[])[], k1 = BM25_K1, b = BM25_B): Bm25Index {
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
    return new Bm25Index(vocabulary, docs.map((d) => Int32Array.from(d)), freqs.map((f) => Uint16Array.from(f)), lengths, documents.length > 0 ? total / documents.length : 1, documents.length, k1, b);
  }

  /** Inverse document frequency of a term (BM25's, floored at a small positive value). */
  idf(term: string): number {
    const id = this.vocabulary.get(term);
    const df = id === undefined ? 0 : (this.postingDocs[id] as Int32Array).length;
    return Math.log(1 + (Math.max(this.size, MIN_COLLECTION) - df + 0.5) / (df + 0.5));
  }

  /** The `limit` best documents for a query's terms, best first (ties by document number). */
  search(terms: readonly string[], limit: number, scratch: Float64Array = new Float64Array(this.size)): Scored[] {
    const touched: number[] = [];
    for (const term of new Set(terms)) {
      const id = this.vocabulary.get(term);
      if (id === undefined) continue;
      const docs = this.postingDocs[id] as Int32Array;
      const freqs = this.postingFreqs[id] as Uint16Array;
      const idf = Math.log(1 + (Math.max(this.size, MIN_COLLECTION) - docs.length + 0.5) / (docs.length + 0.5));
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i] as number;
        const tf = freqs[i] as number;
        const norm = this.k1 * (1 - this.b + (this.b * (this.lengths[doc] as number)) / this.averageLength);
        if (scratch[doc] === 0) touched.push(doc);
        scratch[doc] = (scratch[doc] as number) + (idf * tf * (this.k1 + 1)) / (tf + norm);
      }
    }
    const best = new TopK(limit);
    for (const doc of touched) {
      best.offer(doc, scratch[doc] as number);
      scratch[doc] = 0;
    }
    return best.sorted();
  }

  /** BM25 of one document for a query, computed from the document's own terms (the brute-force path). */
  scoreDocument(queryTerms: readonly string[], docTerms: readonly string[]): number {
    const counts = new Map<string, number>();
    for (const term of docTerms) counts.set(term, (counts.get(term) ?? 0) + 1);
    const norm = this.k1 * (1 - this.b + (this.b * Math.min(docTerms.length, 65535)) / this.averageLength);
    let score = 0;
    for (const term of new Set(queryTerms)) {
      const tf = counts.get(term);
      if (tf) score += (this.idf(term) * tf * (this.k1 + 1)) / (tf + norm);
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

/** True when a ranks before b: higher score, then lower document number. */
function before(a: Scored, b: Scored): boolean {
  return a.score > b.score || (a.score === b.score && a.doc < b.doc);
}

/** The k best of a stream of scored documents, kept in a min-heap (the worst kept item on top). */
export class TopK {
  private readonly heap: Scored[] = [];

  constructor(private readonly k: number) {}

  /** Considers one document. */
  offer(doc: number, score: number): void {
    const item = { doc, score };
    const heap = this.heap;
    if (heap.length < this.k) {
      heap.push(item);
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!before(heap[parent] as Scored, heap[i] as Scored)) break;
        [heap[parent], heap[i]] = [heap[i] as Scored, heap[parent] as Scored];
        i = parent;
      }
      return;
    }
    if (this.k === 0 || !before(item, heap[0] as Scored)) return;
    heap[0] = item;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < heap.length && before(heap[worst] as Scored, heap[left] as Scored)) worst = left;
      if (right < heap.length && before(heap[worst] as Scored, heap[right] as Scored)) worst = right;
      if (worst === i) break;
      [heap[worst], heap[i]] = [heap[i] as Scored, heap[worst] as Scored];
      i = worst;
    }
  }

  /** The kept documents, best first. */
  sorted(): Scored[] {
    return [...this.heap].sort((a, b) => b.score - a.score || a.doc - b.doc);
  }
}
