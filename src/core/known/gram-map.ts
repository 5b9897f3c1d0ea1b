/**
 * A sentence's character n-gram weights in typed arrays (open addressing, emptied in O(1) by a
 * generation stamp): looked up once for every gram of every candidate claim, where a Map of
 * numbers costs several times more.
 */

/** Gram hash → weight, reused from sentence to sentence. */
export class GramMap {
  private keys = new Uint32Array(2048);
  private values = new Float64Array(2048);
  private stamps = new Uint32Array(2048);
  private generation = 1;
  private count = 0;
  /** One bit per value of a gram's low 16 bits, set for the grams held: most claim grams are not in the sentence, and one bit says so. */
  private readonly filter = new Int32Array(2048);

  /** Empties the map. */
  clear(): void {
    this.filter.fill(0);
    this.generation++;
    this.count = 0;
    if (this.generation === 0xffffffff) {
      this.stamps.fill(0);
      this.generation = 1;
    }
  }

  /** Sets a gram's weight (the first weight set for a gram stays). */
  set(key: number, value: number): void {
    if (this.count * 2 >= this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
    while (this.stamps[slot] === this.generation) {
      if (this.keys[slot] === key) return;
      slot = (slot + 1) & mask;
    }
    this.stamps[slot] = this.generation;
    this.keys[slot] = key;
    this.values[slot] = value;
    this.count++;
    this.filter[(key >>> 5) & 2047] = (this.filter[(key >>> 5) & 2047] as number) | (1 << (key & 31));
  }

  /** Squared weights of the given grams that the map holds, summed in their order. */
  sumOfSquares(grams: Uint32Array, start: number, end: number): number {
    const keys = this.keys;
    const stamps = this.stamps;
    const generation = this.generation;
    const mask = keys.length - 1;
    const filter = this.filter;
    let sum = 0;
    for (let i = start; i < end; i++) {
      const key = grams[i] as number;
      if (((filter[(key >>> 5) & 2047] as number) & (1 << (key & 31))) === 0) continue;
      let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
      while (stamps[slot] === generation) {
        if (keys[slot] === key) {
          const weight = this.values[slot] as number;
          sum += weight * weight;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    return sum;
  }

  private grow(): void {
    const { keys, values, stamps, generation } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.values = new Float64Array(keys.length * 2);
    this.stamps = new Uint32Array(keys.length * 2);
    this.generation = 1;
    this.count = 0;
    for (let i = 0; i < keys.length; i++) if (stamps[i] === generation) this.set(keys[i] as number, values[i] as number);
  }
}
