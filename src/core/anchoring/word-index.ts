// An inverted index of the words of a text, built once per text and shared by every annotation
// anchored against it. The fuzzy step uses it to find where a quote could be (near occurrences
// of its rarer words, at normalised offsets, where that search runs) instead of running an
// edit-distance search over the whole page per annotation; on long texts the exact step uses it
// (original offsets) instead of scanning the whole text per annotation.

import type { NormalisedText } from './normalise';

/** A word as it is indexed: lower-cased, so a case change does not lose the word. */
export function wordKey(word: string): string {
  return word.toLowerCase();
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const nonAsciiWordChars = new Map<number, boolean>();

/** True for a letter or digit of any script (astral characters, mostly emoji, count as separators). */
function isWordCode(code: number): boolean {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  let known = nonAsciiWordChars.get(code);
  if (known === undefined) {
    known = LETTER_OR_DIGIT.test(String.fromCharCode(code));
    nonAsciiWordChars.set(code, known);
  }
  return known;
}

/** A word of some string: its key, its (mapped) offset and its length in the string it came from. */
export interface WordAt {
  key: string;
  offset: number;
  length: number;
}

/** The words (runs of letters and digits) of `text`, with offsets mapped through `fromOriginal` when given. */
export function wordsOf(text: string, fromOriginal?: Int32Array): WordAt[] {
  const words: WordAt[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const inWord = i < text.length && isWordCode(text.charCodeAt(i));
    if (inWord && start < 0) start = i;
    else if (!inWord && start >= 0) {
      words.push({ key: wordKey(text.slice(start, i)), offset: fromOriginal ? (fromOriginal[start] ?? start) : start, length: i - start });
      start = -1;
    }
  }
  return words;
}

/**
 * Word positions of one text, in a compact layout (one pass to number the words, one counting
 * pass to group them by word): building it is the main one-off cost on long texts.
 */
export class WordIndex {
  /** Word key → word id. */
  private readonly ids = new Map<string, number>();
  /** Per ordinal (word number in the text): its word id and its normalised and original offsets. */
  private readonly wordIds: Int32Array;
  private readonly normalisedOffsets: Int32Array;
  private readonly originalOffsets: Int32Array;
  /** Ordinals grouped by word id: those of id i are postings[firsts[i]] .. postings[firsts[i + 1] - 1], ascending. */
  private readonly firsts: Int32Array;
  private readonly postings: Int32Array;
  /** How many words the text has. */
  readonly size: number;

  /** Indexes every word of the original text. */
  constructor(original: string, normalised: NormalisedText) {
    // Lower-casing the whole text once is much cheaper than per word; a few characters change
    // length when lower-cased (İ), and then words are lower-cased one by one.
    const lower = original.toLowerCase();
    const source = lower.length === original.length ? lower : null;
    // Words are separated by at least one character, so there are at most ⌈length / 2⌉.
    const capacity = (original.length >> 1) + 1;
    const wordIds = new Int32Array(capacity);
    const normalisedOffsets = new Int32Array(capacity);
    const originalOffsets = new Int32Array(capacity);
    let count = 0;
    let start = -1;
    for (let i = 0; i <= original.length; i++) {
      const inWord = i < original.length && isWordCode(original.charCodeAt(i));
      if (inWord && start < 0) start = i;
      else if (!inWord && start >= 0) {
        const key = source ? source.slice(start, i) : wordKey(original.slice(start, i));
        let id = this.ids.get(key);
        if (id === undefined) this.ids.set(key, (id = this.ids.size));
        wordIds[count] = id;
        normalisedOffsets[count] = normalised.fromOriginal[start] ?? 0;
        originalOffsets[count++] = start;
        start = -1;
      }
    }
    this.size = count;
    this.wordIds = wordIds.subarray(0, count);
    this.normalisedOffsets = normalisedOffsets.subarray(0, count);
    this.originalOffsets = originalOffsets.subarray(0, count);
    // Counting sort of the ordinals by word id.
    const firsts = new Int32Array(this.ids.size + 1);
    for (let k = 0; k < count; k++) {
      const id = wordIds[k] as number;
      firsts[id + 1] = (firsts[id + 1] as number) + 1;
    }
    for (let id = 0; id < this.ids.size; id++) firsts[id + 1] = (firsts[id + 1] as number) + (firsts[id] as number);
    const next = firsts.slice(0, this.ids.size);
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
  private ordinals(key: string): Int32Array {
    const id = this.ids.get(key);
    return id === undefined ? new Int32Array(0) : this.postings.subarray(this.firsts[id], this.firsts[id + 1]);
  }

  /** How often a word key occurs. */
  count(key: string): number {
    return this.ordinals(key).length;
  }

  /** Normalised offsets of a word key, ascending. */
  positions(key: string): number[] {
    return Array.from(this.ordinals(key), (ordinal) => this.normalisedOffsets[ordinal] as number);
  }

  /** Original offsets of a word key, ascending. */
  originalPositions(key: string): number[] {
    return Array.from(this.ordinals(key), (ordinal) => this.originalOffsets[ordinal] as number);
  }

  /**
   * Normalised offsets of the word pair `first second` (adjacent words), found by walking the
   * rarer word's postings. Used when each word alone is too common to narrow the search.
   */
  pairPositions(first: string, second: string): number[] {
    const firstId = this.ids.get(first);
    const secondId = this.ids.get(second);
    if (firstId === undefined || secondId === undefined) return [];
    const firstList = this.ordinals(first);
    const secondList = this.ordinals(second);
    const out: number[] = [];
    if (firstList.length <= secondList.length) {
      for (const ordinal of firstList) if (this.wordIds[ordinal + 1] === secondId) out.push(this.normalisedOffsets[ordinal] as number);
    } else {
      for (const ordinal of secondList) if (ordinal > 0 && this.wordIds[ordinal - 1] === firstId) out.push(this.normalisedOffsets[ordinal - 1] as number);
    }
    return out;
  }
}
