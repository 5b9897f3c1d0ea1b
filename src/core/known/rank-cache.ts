/**
 * The rankings of recently matched sentences, by their text, for one index: a page asked again
 * (a reload, a second tab, a re-render after the reader changed a setting) is answered without
 * ranking its sentences again, and a sentence repeated on a page is ranked once. Rankings do
 * not depend on the threshold, the page or the reader's name, which are applied afterwards, so
 * a cached ranking gives exactly what ranking again would; it lives and dies with its index.
 */
import type { RankedClaim } from './matcher';

/** Sentences whose rankings are kept: as many as one page may ask (MAX_MATCH_QUERIES); about 0.6 KB each with a 10-claim ranking, 3 MB at most. */
export const RANK_CACHE_SIZE = 5_000;

/** Least recently used rankings are dropped first (a Map iterates in insertion order; a hit is moved to the end). */
export class RankCache {
  /** Each ranking as [index, score, index, score, ...]: one small array rather than ten objects. */
  private readonly rankings = new Map<string, Float64Array>();

  constructor(private readonly capacity: number = RANK_CACHE_SIZE) {}

  /** Sentences held. */
  get size(): number {
    return this.rankings.size;
  }

  /** The ranking of `text`: the kept one, else `rank(text)`, then kept. */
  get(text: string, rank: (text: string) => readonly RankedClaim[]): RankedClaim[] {
    const kept = this.rankings.get(text);
    if (kept) {
      this.rankings.delete(text);
      this.rankings.set(text, kept);
      const ranked: RankedClaim[] = [];
      for (let i = 0; i < kept.length; i += 2) ranked.push({ index: kept[i] as number, score: kept[i + 1] as number });
      return ranked;
    }
    const ranked = rank(text);
    if (this.capacity <= 0) return [...ranked];
    const packed = new Float64Array(ranked.length * 2);
    ranked.forEach((hit, i) => {
      packed[2 * i] = hit.index;
      packed[2 * i + 1] = hit.score;
    });
    this.rankings.set(text, packed);
    if (this.rankings.size > this.capacity) this.rankings.delete(this.rankings.keys().next().value as string);
    return [...ranked];
  }
}
