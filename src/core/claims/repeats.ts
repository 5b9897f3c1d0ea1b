/**
 * Counting repeated sentences for claim ids (the second "Yes." of a page is `c…-1`) without
 * keeping a lower-cased copy of every sentence: on a huge article those copies were megabytes
 * held for the whole scan, enough to bring on full garbage collections while the page was read.
 */

/** Whitespace that `\s+` → ' ' would change: a run of two, or any space other than ' '. */
const FOLDABLE_SPACE = /\s\s|[^\S ]/;

/** Whitespace-folded, lower-cased text, so ids survive reflowed markup. */
export function normaliseForId(text: string): string {
  // Most sentences have single spaces only: skipping the replace then spares a copy per sentence.
  const folded = FOLDABLE_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text;
  return folded.trim().toLowerCase();
}

/** One distinct normalised text: where it first occurred in the page text, and how often it came. */
interface Repeat {
  hash: number;
  start: number;
  end: number;
  count: number;
  /** The normalised text, kept only once it has repeated (repeats are few; firsts are not). */
  key: string | null;
  /** Another distinct text whose hash falls in the same slot. */
  next: Repeat | null;
}

/** Counts, in document order, how often each normalised sentence text of one page text came before. */
export class SentenceRepeats {
  private readonly bySlot = new Map<number, Repeat>();

  /** `text` is the page text the counted spans lie in. */
  constructor(private readonly text: string) {}

  /**
   * The occurrence of `key` (the normalised text of `text[start, end)`, whose fnv1a is `hash`):
   * 0 the first time, then 1, 2 ...; counts it.
   */
  occurrence(key: string, hash: number, start: number, end: number): number {
    // Slots stay small integers (no boxed keys); a slot shared by different texts chains them.
    const slot = hash & 0x3fffffff;
    const first = this.bySlot.get(slot);
    for (let repeat: Repeat | null = first ?? null; repeat; repeat = repeat.next) {
      if (repeat.hash !== hash) continue;
      const seen = repeat.key ?? normaliseForId(this.text.slice(repeat.start, repeat.end));
      if (seen !== key) continue;
      repeat.key = seen;
      return repeat.count++;
    }
    this.bySlot.set(slot, { hash, start, end, count: 1, key: null, next: first ?? null });
    return 0;
  }
}
