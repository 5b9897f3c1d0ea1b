/** The longest common subsequence of two id lists, in two reused rows (no allocation per call): the re-ranker's word-order feature. */

let previousRow = new Uint16Array(64);
let currentRow = new Uint16Array(64);

/** Length of the longest common subsequence of a[0..aLength) and b[0..bLength). */
export function longestCommon(a: Int32Array, aLength: number, b: Int32Array, bLength: number): number {
  if (aLength === 0 || bLength === 0) return 0;
  if (previousRow.length <= bLength) {
    previousRow = new Uint16Array(bLength + 1);
    currentRow = new Uint16Array(bLength + 1);
  }
  let previous = previousRow.fill(0, 0, bLength + 1);
  let current = currentRow.fill(0, 0, bLength + 1);
  for (let i = 1; i <= aLength; i++) {
    const term = a[i - 1] as number;
    for (let j = 1; j <= bLength; j++) {
      current[j] = term === b[j - 1] ? (previous[j - 1] as number) + 1 : Math.max(previous[j] as number, current[j - 1] as number);
    }
    [previous, current] = [current, previous];
  }
  return previous[bLength] as number;
}
