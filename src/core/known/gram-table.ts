/**
 * Document frequencies of character n-grams in a fixed table of 2^20 counters (4 MB) indexed
 * by the gram's hash: bounded memory whatever the number of claims, at the price of rare
 * collisions, which only blur an idf weight a little.
 */
import { charGrams } from './analyse';
import type { GramVector } from './features';

const BITS = 20;
const MASK = (1 << BITS) - 1;

/** Character n-gram document frequencies, and gram vectors weighted by them. */
export class GramTable {
  private readonly counts = new Uint32Array(1 << BITS);
  private documents = 0;

  /** Counts one document's grams. */
  add(text: string): void {
    for (const gram of charGrams(text).keys()) this.counts[gram & MASK] = (this.counts[gram & MASK] as number) + 1;
    this.documents++;
  }

  /** The idf of a gram. */
  idf(gram: number): number {
    return Math.log((this.documents + 1) / ((this.counts[gram & MASK] as number) + 1));
  }

  /** A text's gram vector: sublinear counts times idf. */
  vector(text: string): GramVector {
    const weights = new Map<number, number>();
    let sum = 0;
    for (const [gram, count] of charGrams(text)) {
      const weight = (1 + Math.log(count)) * this.idf(gram);
      weights.set(gram, weight);
      sum += weight * weight;
    }
    return { weights, norm: Math.sqrt(sum) };
  }

  /** Bytes held. */
  bytes(): number {
    return this.counts.byteLength;
  }
}
