/**
 * Character n-gram weights: document frequencies in a fixed table of 2^20 counters (4 MB)
 * indexed by the gram's hash, so memory is bounded whatever the number of claims (rare
 * collisions only blur an idf weight a little). Grams are binary (present or not) and weighted
 * by idf; a sentence's weights are kept in a map, a claim's grams are streamed against it.
 */
import { forEachGram, GramSet } from './analyse';
import { MIN_COLLECTION } from './bm25';
import type { GramMap } from './gram-map';

const BITS = 20;
const MASK = (1 << BITS) - 1;

function growUint32(array: Uint32Array): Uint32Array<ArrayBuffer> {
  const grown = new Uint32Array(array.length * 2);
  grown.set(array);
  return grown;
}

/** A sentence's gram weights and norm, to compare claims against. */
export interface SentenceGrams {
  weights: Map<number, number>;
  norm: number;
}

/** Character n-gram document frequencies, and cosines weighted by them. */
export class GramTable {
  /** Document frequencies while texts are added; idf weights once `freeze` has run. */
  private readonly table: Float32Array;
  private documents = 0;
  private frozen = false;
  private readonly seen = new GramSet();
  /** A sentence's grams and their weights while `sentenceInto` reads them. */
  private sentenceGrams = new Uint32Array(1024);
  private sentenceWeights = new Float64Array(1024);

  /** A frozen table saved by `weights` (2^20 idf weights). */
  static fromWeights(weights: Float32Array): GramTable {
    if (weights.length !== 1 << BITS) throw new Error('GramTable: stored weights have the wrong size');
    const table = new GramTable(weights);
    table.frozen = true;
    return table;
  }

  private constructor(table?: Float32Array) {
    this.table = table ?? new Float32Array(1 << BITS);
  }

  /** An empty table to `add` documents to. */
  static empty(): GramTable {
    return new GramTable();
  }

  /** Counts one document's grams (before `freeze`); pushes them to `grams`, in the order a cosine sums them, when given. */
  add(text: string, grams?: number[]): void {
    if (this.frozen) throw new Error('GramTable: add after freeze');
    forEachGram(text, this.seen, (gram) => {
      this.table[gram & MASK] = (this.table[gram & MASK] as number) + 1;
      grams?.push(gram);
    });
    this.documents++;
  }

  /** The idf weights (after `freeze`), to store; shared, not copied. */
  weights(): Float32Array {
    return this.table;
  }

  /** The norm of a gram list's vector (after `freeze`). */
  normOf(grams: Uint32Array, start: number, end: number): number {
    let sum = 0;
    for (let i = start; i < end; i++) {
      const weight = this.idf(grams[i] as number);
      sum += weight * weight;
    }
    return Math.sqrt(sum);
  }

  /** Fills `map` with a sentence's gram weights; returns the sentence's norm. */
  sentenceInto(text: string, map: GramMap): number {
    map.clear();
    let count = 0;
    forEachGram(text, this.seen, (gram) => {
      if (count === this.sentenceGrams.length) this.sentenceGrams = growUint32(this.sentenceGrams);
      this.sentenceGrams[count++] = gram;
    });
    // The weights are read in a loop of their own: the table is 4 MB, so most reads miss the
    // cache, and reads that do not wait on each other overlap their misses.
    if (this.sentenceWeights.length < count) this.sentenceWeights = new Float64Array(this.sentenceGrams.length);
    const grams = this.sentenceGrams;
    const weights = this.sentenceWeights;
    const table = this.table;
    for (let i = 0; i < count; i++) weights[i] = table[(grams[i] as number) & MASK] as number;
    let sum = 0;
    for (let i = 0; i < count; i++) {
      const weight = weights[i] as number;
      map.set(grams[i] as number, weight);
      sum += weight * weight;
    }
    return Math.sqrt(sum);
  }

  /** Turns the counts into idf weights, once every document is added. */
  freeze(): void {
    if (this.frozen) return;
    for (let i = 0; i < this.table.length; i++) this.table[i] = Math.log((Math.max(this.documents, MIN_COLLECTION) + 1) / ((this.table[i] as number) + 1));
    this.frozen = true;
  }

  /** The idf of a gram (after `freeze`). */
  idf(gram: number): number {
    return this.table[gram & MASK] as number;
  }

  /** The norm of a text's gram vector. */
  norm(text: string): number {
    let sum = 0;
    forEachGram(text, this.seen, (gram) => {
      const weight = this.idf(gram);
      sum += weight * weight;
    });
    return Math.sqrt(sum);
  }

  /** A sentence's gram weights. */
  sentence(text: string): SentenceGrams {
    const weights = new Map<number, number>();
    let sum = 0;
    forEachGram(text, this.seen, (gram) => {
      const weight = this.idf(gram);
      weights.set(gram, weight);
      sum += weight * weight;
    });
    return { weights, norm: Math.sqrt(sum) };
  }

  /** Cosine of a sentence and a text whose gram norm is known. */
  cosine(sentence: SentenceGrams, text: string, norm: number): number {
    if (sentence.norm === 0 || norm === 0) return 0;
    let dot = 0;
    forEachGram(text, this.seen, (gram) => {
      const weight = sentence.weights.get(gram);
      if (weight !== undefined) dot += weight * weight;
    });
    return dot / (sentence.norm * norm);
  }

  /** Bytes held. */
  bytes(): number {
    return this.table.byteLength;
  }
}
