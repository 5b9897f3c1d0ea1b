// An inverted index of the words of a text, built once per text and shared by every annotation
// anchored against it. The exact step looks up a quote's rarest word instead of scanning the whole
// text per annotation; the fuzzy steps use word ORDINALS (the n-th word of the text) to predict
// where a quote could be. Ordinals do not move when whitespace, quote styles or dashes change, so
// predictions made from different words of the same passage agree however the page was re-typeset.
//
// Words are keyed by a 32-bit hash of their lower-cased characters, computed in the same pass
// that finds them: no substring per word, no string hashing by the Map. Two words that collide
// only add a candidate place, which the verifying search then rejects.

/** A word as it is indexed: a hash of its lower-cased characters. */
export type WordKey = number;

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/** Per non-ASCII code unit: -1 when it is not a letter or digit, else its lower-case code unit. */
const nonAsciiLower = new Map<number, number>();

/**
 * The lower-case code unit of a letter or digit (astral characters, mostly emoji, count as
 * separators), or -1 for any other character.
 */
function wordCode(code: number): number {
  if (code < 0x80) {
    if (code >= 0x61 && code <= 0x7a) return code;
    if (code >= 0x41 && code <= 0x5a) return code + 0x20;
    return code >= 0x30 && code <= 0x39 ? code : -1;
  }
  let known = nonAsciiLower.get(code);
  if (known === undefined) {
    const char = String.fromCharCode(code);
    const lower = char.toLowerCase();
    // A few characters grow when lower-cased (İ): they keep their own code, consistently.
    known = LETTER_OR_DIGIT.test(char) ? (lower.length === 1 ? lower.charCodeAt(0) : code) : -1;
    nonAsciiLower.set(code, known);
  }
  return known;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** The key of one word (a run of letters and digits), as the index computes it. */
export function wordKey(word: string): WordKey {
  let hash = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ wordCode(word.charCodeAt(i)), FNV_PRIME);
  return hash;
}

/** A word of some string: its key, and its offset and length in that string. */
export interface WordAt {
  key: WordKey;
  offset: number;
  length: number;
}

/** Calls `found(key, start, end)` for every word (run of letters and digits) of `text`, in order. */
function scanWords(text: string, found: (key: WordKey, start: number, end: number) => void): void {
  let start = -1;
  let hash = FNV_OFFSET;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? wordCode(text.charCodeAt(i)) : -1;
    if (code >= 0) {
      if (start < 0) {
        start = i;
        hash = FNV_OFFSET;
      }
      hash = Math.imul(hash ^ code, FNV_PRIME);
    } else if (start >= 0) {
      found(hash, start, i);
      start = -1;
    }
  }
}

/** The words of `text`, with offsets in it. */
export function wordsOf(text: string): WordAt[] {
  const words: WordAt[] = [];
  scanWords(text, (key, start, end) => words.push({ key, offset: start, length: end - start }));
  return words;
}

/**
 * Word positions of one text, in a compact layout (one pass to number the words, one counting
 * pass to group them by word): building it is the main one-off cost on long texts.
 */
export class WordIndex {
  /** Word key → word id. */
  private readonly ids = new Map<WordKey, number>();
  /** Per ordinal: its word id, and where the word starts and ends in the text. */
  private readonly wordIds: Int32Array;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  /** Ordinals grouped by word id: those of id i are postings[firsts[i]] .. postings[firsts[i + 1] - 1], ascending. */
  private readonly firsts: Int32Array;
  private readonly postings: Int32Array;
  /** How many words the text has. */
  readonly size: number;

  /** Indexes every word of the text. */
  constructor(readonly text: string) {
    // Words are separated by at least one character, so there are at most ⌈length / 2⌉.
    const capacity = (text.length >> 1) + 1;
    const wordIds = new Int32Array(capacity);
    const starts = new Int32Array(capacity);
    const ends = new Int32Array(capacity);
    const ids = this.ids;
    let count = 0;
    scanWords(text, (key, start, end) => {
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = ids.size));
      wordIds[count] = id;
      starts[count] = start;
      ends[count++] = end;
    });
    this.size = count;
    this.wordIds = wordIds.subarray(0, count);
    this.starts = starts.subarray(0, count);
    this.ends = ends.subarray(0, count);
    // Counting sort of the ordinals by word id.
    const firsts = new Int32Array(ids.size + 1);
    for (let k = 0; k < count; k++) {
      const slot = (wordIds[k] as number) + 1;
      firsts[slot] = (firsts[slot] as number) + 1;
    }
    for (let id = 0; id < ids.size; id++) firsts[id + 1] = (firsts[id + 1] as number) + (firsts[id] as number);
    const next = firsts.slice(0, ids.size);
    const postings = new Int32Array(count);
    for (let k = 0; k < count; k++) {
      const id = wordIds[k] as number;
      const at = next[id] as number;
      postings[at] = k;
      next[id] = at + 1;
    }
    this.firsts = firsts;
    this.postings = postings;
  }

  /** The ordinals of a word key, ascending. */
  ordinals(key: WordKey): Int32Array {
    const id = this.ids.get(key);
    return id === undefined ? new Int32Array(0) : this.postings.subarray(this.firsts[id], this.firsts[id + 1]);
  }

  /** How often a word key occurs. */
  count(key: WordKey): number {
    const id = this.ids.get(key);
    return id === undefined ? 0 : (this.firsts[id + 1] as number) - (this.firsts[id] as number);
  }

  /** Text offsets where a word key starts, ascending. */
  offsets(key: WordKey): number[] {
    return Array.from(this.ordinals(key), (ordinal) => this.starts[ordinal] as number);
  }

  /** Where the word with this ordinal starts (0 before the first word, the text's end after the last). */
  startOf(ordinal: number): number {
    if (ordinal < 0) return 0;
    return ordinal >= this.size ? this.text.length : (this.starts[ordinal] as number);
  }

  /** Where the word with this ordinal ends (0 before the first word, the text's end after the last). */
  endOf(ordinal: number): number {
    if (ordinal < 0) return 0;
    return ordinal >= this.size ? this.text.length : (this.ends[ordinal] as number);
  }

  /**
   * Ordinals of the word pair `first second` (adjacent words; the ordinal of `first`), found by
   * walking the rarer word's postings. Used when each word alone is too common to narrow the search.
   */
  pairOrdinals(first: WordKey, second: WordKey): number[] {
    const firstId = this.ids.get(first);
    const secondId = this.ids.get(second);
    if (firstId === undefined || secondId === undefined) return [];
    const firstList = this.ordinals(first);
    const secondList = this.ordinals(second);
    const out: number[] = [];
    if (firstList.length <= secondList.length) {
      for (const ordinal of firstList) if (this.wordIds[ordinal + 1] === secondId) out.push(ordinal);
    } else {
      for (const ordinal of secondList) if (ordinal > 0 && this.wordIds[ordinal - 1] === firstId) out.push(ordinal - 1);
    }
    return out;
  }
}
