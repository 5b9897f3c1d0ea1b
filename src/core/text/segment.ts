// Sentence segmentation for news prose, run in the content script on every article, so it is a
// single linear left-to-right scan with no backtracking regexes.
//
// Rules (see segment-rules.ts and segment-abbreviations.ts for the details):
// - A sentence ends after . ! ? … (plus any closing quotes/brackets) followed by whitespace, when
//   the next word allows it: "?"/"!" and "…" need a capital (or digit, for "?"/"!") next, so
//   `“Is it over?” she asked.` and `wait… what` stay whole.
// - After a period the preceding word decides: titles (Dr., Sen., e.g., vs.) never end a sentence;
//   "No."/"p." do not before a number; ambiguous abbreviations (U.S., Inc., Jan., a.m., initials,
//   dotted acronyms) end one only when the next word is a closed-class sentence starter (He, The,
//   But, In…), so "moved to the U.S. He then" splits but "U.S. Army" and "George W. Bush" do not.
// - Quotations are split at their inner sentence ends; the closing quote stays with its sentence and
//   the attribution after it stays too: `“A. B,” X wrote.` gives `“A.` and `B,” X wrote.`. Splitting
//   inside long quotes keeps claims sentence-sized. A segment that is only an attribution
//   (`“B.” X wrote.`) or only punctuation is merged into the sentence before it in the same block.
// - Hard breaks always end a sentence; inside a block, a blank line or a new line that starts a
//   list item (•, -, *, "1.") also does. A single newline is just whitespace.

import { isAttributionFragment } from './segment-attribution';
import { isFullWidthTerminator, isNewline, isSpace, isStrongTerminator, isTerminator, isCloser } from './segment-chars';
import { endsSentence, lineBeforeIsFinished, type StopKind } from './segment-rules';

/** A [start, end) span of a string. */
export interface Span {
  start: number;
  end: number;
}

const FRAGMENT_MAX = 100; // attribution tags are short; longer segments are never checked
const HAS_WORD = /[\p{L}\p{N}]/u;
/** A bare citation after a quotation, "(Reed 12)." or "[1].": it belongs to the quoted sentence. */
const CITATION = /^[([][^()[\]]{1,40}[)\]][.!?]?$/u;

/**
 * Splits `text` into sentence spans (trimmed of surrounding whitespace). `hardBreaks` are
 * offsets where a sentence must end whatever the punctuation (block boundaries such as
 * paragraph ends), given in ascending order.
 */
export function segmentSentences(text: string, hardBreaks: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let blockStart = 0;
  for (const blockEnd of blockEnds(text.length, hardBreaks)) {
    if (blockEnd > blockStart) new BlockScanner(text, blockStart, blockEnd, spans).run();
    blockStart = Math.max(blockStart, blockEnd);
  }
  return spans;
}

function blockEnds(length: number, hardBreaks: readonly number[]): number[] {
  // Tolerate unsorted, duplicate or out-of-range offsets rather than producing crossing spans.
  const ends = hardBreaks.filter((b) => Number.isInteger(b) && b > 0 && b < length);
  ends.sort((a, b) => a - b);
  ends.push(length);
  return ends;
}

class BlockScanner {
  private segStart: number;
  /** Spans before this index belong to earlier blocks and must not absorb fragments. */
  private readonly firstSpan: number;
  /** Whether the current segment began at a punctuation split (so it may be a leftover tag). */
  private afterPunctuation = false;

  constructor(
    private readonly text: string,
    private readonly start: number,
    private readonly end: number,
    private readonly out: Span[],
  ) {
    this.segStart = start;
    this.firstSpan = out.length;
  }

  run(): void {
    const { text, end } = this;
    let i = this.start;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (isNewline(c)) i = this.lineBreak(i, c);
      else if (isTerminator(c)) i = this.stop(i);
      else i++;
    }
    this.flush(end, false);
  }

  /** Handles a newline at `i`; returns where scanning continues. */
  private lineBreak(i: number, c: number): number {
    const { text, end } = this;
    let j = i + 1;
    while (j < end && isSpace(text.charCodeAt(j)) && !isNewline(text.charCodeAt(j))) j++;
    if (c === 13 && j < end && text.charCodeAt(j) === 10) return j; // CRLF: let the LF decide
    const blankLine = c === 0x2029 || (j < end && isNewline(text.charCodeAt(j)));
    if (blankLine || this.startsListItem(i, j)) this.flush(i, false, j);
    return j;
  }

  /** Handles a punctuation run starting at `i`; returns the index just after it. */
  private stop(i: number): number {
    const { text, end } = this;
    let j = i;
    let kind: StopKind = 'period';
    let fullWidth = false;
    let dots = 0;
    while (j < end) {
      const d = text.charCodeAt(j);
      if (isTerminator(d)) {
        dots = d === 46 ? dots + 1 : 0;
        if (isStrongTerminator(d)) kind = 'strong';
        else if (kind === 'period' && (d === 0x2026 || dots >= 2)) kind = 'ellipsis';
        if (isFullWidthTerminator(d)) fullWidth = true;
      } else if (!isCloser(d)) break;
      j++;
    }
    // Punctuation glued to the next character ("3.6", "U.S.-based", "example.com/a?b") ends nothing,
    // except CJK stops, which are never followed by a space.
    if (j < end && !fullWidth && !isSpace(text.charCodeAt(j))) return j;
    if (fullWidth || endsSentence(text, this.start, end, i, j, kind)) this.flush(j, true);
    return j;
  }

  /** A newline followed by a bullet ("•", "-", "*") or by "1." after a finished line starts a list item. */
  private startsListItem(newline: number, j: number): boolean {
    const { text, end } = this;
    if (j + 1 >= end) return false;
    const c = text.charCodeAt(j);
    const bullet = c === 0x2022 || c === 0x25e6 || c === 0x25aa || c === 0x2023 || c === 0x2043 || c === 0x25cf || c === 0x25a0 || c === 0x25ba || c === 0x27a2 || c === 0x2713 || c === 0xb7 || c === 45 || c === 42;
    if (bullet) return isSpace(text.charCodeAt(j + 1));
    // Numbers need the previous line to look finished, or a wrapped "rose by\n3. Then" would break.
    let k = j;
    while (k < end && k - j < 3 && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
    if (k === j || k + 1 >= end) return false;
    const marker = text.charCodeAt(k);
    if ((marker !== 46 && marker !== 41) || !isSpace(text.charCodeAt(k + 1))) return false;
    return lineBeforeIsFinished(text, newline, this.start);
  }

  /** Ends the current segment at `at`; the next one starts at `next` (default `at`). */
  private flush(at: number, byPunctuation: boolean, next = at): void {
    const span = trimmed(this.text, this.segStart, at);
    if (span) {
      const prev = this.out[this.out.length - 1];
      if (this.afterPunctuation && prev && this.out.length > this.firstSpan && this.isFragment(span)) {
        prev.end = span.end; // a bare attribution or stray punctuation belongs to the sentence before
      } else {
        this.out.push(span);
      }
    }
    this.segStart = next;
    this.afterPunctuation = byPunctuation;
  }

  /** True when the text before `start` (past spaces) closes a quotation. */
  private followsQuotation(start: number): boolean {
    let i = start;
    while (i > this.start && isSpace(this.text.charCodeAt(i - 1))) i--;
    return i > this.start && /["”’'»]/.test(this.text.charAt(i - 1));
  }

  private isFragment(span: Span): boolean {
    if (span.end - span.start > FRAGMENT_MAX) return false;
    const s = this.text.slice(span.start, span.end);
    return !HAS_WORD.test(s) || isAttributionFragment(s) || (CITATION.test(s) && this.followsQuotation(span.start));
  }
}

function trimmed(text: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  return e > s ? { start: s, end: e } : null;
}
