// Approximate string search with Myers' bit-parallel algorithm (block-based, with Ukkonen's
// cut-off: only the blocks of pattern rows that can still be within the error limit are computed).
// approx-string-match implements the same algorithm, but prepares the pattern's bit masks on every
// call and again, reversed, for each match start; re-anchoring searches one quote in several small
// windows, so here a quote is prepared once (forwards and reversed) and searched in all of them.
// Results are the same as approx-string-match's `search` (the tests compare the two).

/** A match of a pattern: [start, end) in the searched text, with its edit count. */
export interface ApproxMatch {
  start: number;
  end: number;
  errors: number;
}

const WORD = 32;

/** Bit masks of one pattern: for each character, where it occurs, one 32-bit word per block. */
class Masks {
  readonly blocks: number;
  /** The bit of each block that holds the block's last row. */
  readonly lastRow: Uint32Array;
  private readonly ascii: Uint32Array[];
  private readonly other = new Map<number, Uint32Array>();
  private readonly none: Uint32Array;

  constructor(readonly pattern: string) {
    this.blocks = Math.ceil(pattern.length / WORD);
    this.none = new Uint32Array(this.blocks);
    this.ascii = new Array<Uint32Array>(128).fill(this.none);
    this.lastRow = new Uint32Array(this.blocks).fill(2 ** 31);
    this.lastRow[this.blocks - 1] = 2 ** ((pattern.length - 1) % WORD);
    for (let i = 0; i < pattern.length; i++) {
      const code = pattern.charCodeAt(i);
      let masks = this.of(code);
      if (masks === this.none) {
        masks = new Uint32Array(this.blocks);
        if (code < 128) this.ascii[code] = masks;
        else this.other.set(code, masks);
      }
      masks[(i / WORD) | 0] = ((masks[(i / WORD) | 0] as number) | (1 << i % WORD)) >>> 0;
    }
  }

  /** The masks of one character code (all zero when the pattern lacks it). */
  of(code: number): Uint32Array {
    return code < 128 ? (this.ascii[code] as Uint32Array) : (this.other.get(code) ?? this.none);
  }
}

/** Vertical delta state of every block, and the last-row score of each. */
interface Columns {
  pv: Uint32Array;
  mv: Uint32Array;
  score: Int32Array;
}

/**
 * Advances block `b` by one text column whose character has masks `eq`, given the horizontal
 * delta coming in at the block's top (−1, 0 or +1); returns the delta leaving its bottom.
 */
function advance(columns: Columns, masks: Masks, eq: Uint32Array, b: number, hIn: number): number {
  const pv = columns.pv[b] as number;
  const mv = columns.mv[b] as number;
  let e = eq[b] as number;
  const xv = (e | mv) >>> 0;
  if (hIn < 0) e = (e | 1) >>> 0;
  const xh = ((((e & pv) + pv) >>> 0) ^ pv | e) >>> 0;
  let ph = (mv | ~(xh | pv)) >>> 0;
  let mh = (pv & xh) >>> 0;
  const last = masks.lastRow[b] as number;
  const hOut = ph & last ? 1 : mh & last ? -1 : 0;
  ph = (ph << 1) >>> 0;
  mh = (mh << 1) >>> 0;
  if (hIn < 0) mh = (mh | 1) >>> 0;
  else if (hIn > 0) ph = (ph | 1) >>> 0;
  columns.pv[b] = (mh | ~(xv | ph)) >>> 0;
  columns.mv[b] = (ph & xv) >>> 0;
  return hOut;
}

/** Ends of the matches with the fewest errors (at most maxErrors) of the masks' pattern in text. */
function matchEnds(text: string, masks: Masks, maxErrors: number): Array<{ end: number; errors: number }> {
  const length = masks.pattern.length;
  let limit = Math.min(maxErrors, length);
  const top = masks.blocks - 1;
  const columns: Columns = { pv: new Uint32Array(masks.blocks), mv: new Uint32Array(masks.blocks), score: new Int32Array(masks.blocks) };
  // The last block computed; blocks below it are all over the limit.
  let y = Math.max(0, Math.ceil(limit / WORD) - 1);
  for (let b = 0; b <= y; b++) {
    columns.score[b] = (b + 1) * WORD;
    columns.pv[b] = 0xffffffff;
  }
  columns.score[top] = length;
  const out: Array<{ end: number; errors: number }> = [];
  for (let j = 0; j < text.length; j++) {
    const eq = masks.of(text.charCodeAt(j));
    let carry = 0;
    for (let b = 0; b <= y; b++) {
      carry = advance(columns, masks, eq, b, carry);
      columns.score[b] = (columns.score[b] as number) + carry;
    }
    if ((columns.score[y] as number) - carry <= limit && y < top && ((eq[y + 1] as number) & 1 || carry < 0)) {
      // The block below may come within the limit: start computing it, from all +1 deltas.
      y++;
      columns.pv[y] = 0xffffffff;
      columns.mv[y] = 0;
      const rows = y === top ? length - WORD * top : WORD;
      columns.score[y] = (columns.score[y - 1] as number) + rows - carry + advance(columns, masks, eq, y, carry);
    } else {
      while (y > 0 && (columns.score[y] as number) >= limit + WORD) y--;
    }
    if (y === top && (columns.score[y] as number) <= limit) {
      const errors = columns.score[y] as number;
      // Only the fewest-error matches are reported; later matches need no more errors.
      if (errors < limit) out.length = 0;
      out.push({ end: j + 1, errors });
      limit = errors;
    }
  }
  return out;
}

/** A quote prepared once for searching in many texts. */
export class ApproxPattern {
  private readonly forwards: Masks;
  private readonly backwards: Masks;

  constructor(readonly pattern: string) {
    this.forwards = new Masks(pattern);
    this.backwards = new Masks(pattern.split('').reverse().join(''));
  }

  /**
   * The matches with the fewest errors (at most maxErrors) in text. Each match's start is found by
   * searching the reversed pattern backwards from its end, preferring the longest match.
   */
  search(text: string, maxErrors: number): ApproxMatch[] {
    if (this.pattern.length === 0) return [];
    return matchEnds(text, this.forwards, maxErrors).map(({ end, errors }) => {
      const from = Math.max(0, end - this.pattern.length - errors);
      const reversed = reverseOf(text, from, end);
      let start = end;
      for (const back of matchEnds(reversed, this.backwards, errors)) start = Math.min(start, end - back.end);
      return { start, end, errors };
    });
  }
}

/** text[from, end) reversed, code unit by code unit (as the pattern is). */
function reverseOf(text: string, from: number, end: number): string {
  let out = '';
  for (let i = end - 1; i >= from; i--) out += text[i];
  return out;
}
