/** Keeping the k best of a stream of scored documents, ties broken by document number. */

/** One scored document. */
export interface Scored {
  doc: number;
  score: number;
}

/**
 * The k best of a stream of scored documents, in a min-heap (the worst kept item on top) held in
 * typed arrays: most offers lose to the worst kept item and cost one comparison, no allocation.
 */
export class TopK {
  private readonly docs: Int32Array;
  private readonly scores: Float64Array;
  private length = 0;

  constructor(readonly k: number) {
    this.docs = new Int32Array(Math.max(k, 0));
    this.scores = new Float64Array(Math.max(k, 0));
  }

  /** True when (scoreA, docA) ranks before (scoreB, docB): higher score, then lower document number. */
  private static before(scoreA: number, docA: number, scoreB: number, docB: number): boolean {
    return scoreA > scoreB || (scoreA === scoreB && docA < docB);
  }

  /** Empties it, to be used again. */
  reset(): void {
    this.length = 0;
  }

  /** The score a document must beat to be kept (-Infinity until k are kept). */
  get threshold(): number {
    return this.length < this.k ? -Infinity : (this.scores[0] as number);
  }

  /** Considers one document. */
  offer(doc: number, score: number): void {
    const { docs, scores } = this;
    if (this.length < this.k) {
      let i = this.length++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!TopK.before(scores[parent] as number, docs[parent] as number, score, doc)) break;
        docs[i] = docs[parent] as number;
        scores[i] = scores[parent] as number;
        i = parent;
      }
      docs[i] = doc;
      scores[i] = score;
      return;
    }
    if (this.k === 0 || !TopK.before(score, doc, scores[0] as number, docs[0] as number)) return;
    // Sift the new item down from the top.
    let i = 0;
    const length = this.length;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = -1;
      let worstScore = score;
      let worstDoc = doc;
      if (left < length && TopK.before(worstScore, worstDoc, scores[left] as number, docs[left] as number)) {
        worst = left;
        worstScore = scores[left] as number;
        worstDoc = docs[left] as number;
      }
      if (right < length && TopK.before(worstScore, worstDoc, scores[right] as number, docs[right] as number)) worst = right;
      if (worst < 0) break;
      docs[i] = docs[worst] as number;
      scores[i] = scores[worst] as number;
      i = worst;
    }
    docs[i] = doc;
    scores[i] = score;
  }

  /** The kept documents, best first. */
  sorted(): Scored[] {
    const items: Scored[] = [];
    for (let i = 0; i < this.length; i++) items.push({ doc: this.docs[i] as number, score: this.scores[i] as number });
    return items.sort((a, b) => b.score - a.score || a.doc - b.doc);
  }
}
