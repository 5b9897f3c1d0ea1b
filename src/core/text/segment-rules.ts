// Decides whether a run of sentence-final punctuation (plus any closing quotes/brackets) that is
// followed by whitespace really ends a sentence. Every look-around here is capped, so each
// decision is O(1) and the scanner as a whole stays linear.

import { classifyWordBeforePeriod, isSentenceStarter } from './segment-abbreviations';
import { charKind, isCloser, isLetter, isNewline, isOpener, isSpace, isTerminator, isWordChar } from './segment-chars';

/** The kind of stop a punctuation run makes: "?"/"!" (strong), "…"/"..." (ellipsis) or a single ".". */
export type StopKind = 'strong' | 'ellipsis' | 'period';

const MAX_WORD = 40; // longest abbreviation-like token worth classifying
const MAX_OPENERS = 8;
const MAX_NEXT_WORD = 32;

/**
 * True if the stop whose punctuation occupies [runStart, runEnd) ends a sentence, judged from the
 * word before it and the first word after it (within the block [blockStart, blockEnd)).
 */
export function endsSentence(
  text: string,
  blockStart: number,
  blockEnd: number,
  runStart: number,
  runEnd: number,
  stop: StopKind,
): boolean {
  let i = skipSpace(text, runEnd, blockEnd);
  for (let n = 0; n < MAX_OPENERS && i < blockEnd && isOpener(text.charCodeAt(i)); n++) i++;
  const kind = charKind(text, i, blockEnd);
  if (kind === 'end') return true;
  // Brand names such as "iPhone" or "eBay" start sentences in lower case.
  const capitalised = kind === 'upper' || kind === 'uncased' || (kind === 'lower' && isCamelCase(text, i, blockEnd));
  if (stop === 'strong') return capitalised || kind === 'digit';
  if (stop === 'ellipsis' || !(capitalised || kind === 'digit')) return capitalised;

  const wordStart = wordStartBefore(text, runStart, blockStart);
  if (wordStart < 0) return capitalised || kind === 'digit';
  const word = text.slice(wordStart, runStart);
  if (word.length <= 3 && isListMarker(text, word, wordStart, blockStart)) return false;
  switch (classifyWordBeforePeriod(word)) {
    case 'title':
      return false;
    case 'ambiguous':
      // Rule for "…moved to the U.S. He then…": split only when the next word is a closed-class
      // sentence starter (He, The, But, In…); a capitalised name ("U.S. Army", "W. Bush",
      // "Jan. 5", "St. Louis") continues the sentence.
      return kind === 'upper' && startsWithStarter(text, i, blockEnd);
    case 'numbered':
      return capitalised; // "No. 5", "No. #3" continue; "He said no. The…" ends
    case 'regular':
      // A dotted product or model name in capitals ("the ID. SPACE VIZZION") runs on.
      if (isShortCapitals(word) && isCapitalsWord(text, i, blockEnd)) return false;
      return capitalised || kind === 'digit';
  }
}

/** "ID", "XC": two or three capital letters, the kind of word dotted brand names are made of. */
function isShortCapitals(word: string): boolean {
  return /^[A-Z]{2,3}$/.test(word);
}

/** True when the word at `i` is written all in capitals (at least two letters). */
function isCapitalsWord(text: string, i: number, end: number): boolean {
  let j = i;
  while (j < end && j - i < MAX_NEXT_WORD && isLetter(text.charCodeAt(j))) j++;
  return j - i >= 2 && /^[A-Z]+$/.test(text.slice(i, j));
}

function skipSpace(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** True if the word at `i` is a sentence starter; "A." in "J. A. Smith" is an initial, not the article. */
function startsWithStarter(text: string, i: number, end: number): boolean {
  let j = i;
  while (j < end && j - i < MAX_NEXT_WORD && isLetter(text.charCodeAt(j))) j++;
  return text.charCodeAt(j) !== 46 && isSentenceStarter(text.slice(i, j));
}

/** Start of the token (letters, digits, inner dots) ending at `runStart`; -1 if there is none or it is too long. */
function wordStartBefore(text: string, runStart: number, blockStart: number): number {
  let i = runStart;
  const floor = Math.max(blockStart, runStart - MAX_WORD);
  while (i > floor) {
    const c = text.charCodeAt(i - 1);
    if (isWordChar(c) || (c === 46 && i - 1 > floor && isWordChar(text.charCodeAt(i - 2)))) i--;
    else break;
  }
  if (i === runStart) return -1;
  // Hit the cap mid-token: a 40-character "word" is no abbreviation.
  if (i === floor && i > blockStart && isWordChar(text.charCodeAt(i - 1))) return -1;
  return i;
}

/** "1." or "a." at the start of a line or block is a list number, not a sentence. */
function isListMarker(text: string, word: string, wordStart: number, blockStart: number): boolean {
  const c = word.charCodeAt(0);
  const letter = word.length === 1 && (c | 32) >= 97 && (c | 32) <= 122;
  if (!letter && !/^\d{1,3}$/.test(word)) return false;
  let i = wordStart;
  while (i > blockStart && isSpace(text.charCodeAt(i - 1)) && !isNewline(text.charCodeAt(i - 1))) i--;
  return i === blockStart || (isNewline(text.charCodeAt(i - 1)) && lineBeforeIsFinished(text, i - 1, blockStart));
}

/**
 * True if the line ending at the newline `newline` ends like a finished line (stop, closing
 * bracket/quote, colon, semicolon) or there is none, so a number at the next line's start can be a
 * list marker rather than a wrapped "rose by\n3. Then".
 */
export function lineBeforeIsFinished(text: string, newline: number, blockStart: number): boolean {
  let p = newline;
  const floor = Math.max(blockStart, newline - MAX_WORD); // only spaces are skipped; cap keeps it O(1)
  while (p > floor && isSpace(text.charCodeAt(p - 1))) p--;
  if (p === blockStart) return true;
  const prev = text.charCodeAt(p - 1);
  return isTerminator(prev) || isCloser(prev) || prev === 58 || prev === 59;
}

function isCamelCase(text: string, i: number, end: number): boolean {
  for (let j = i + 1; j < end && j - i < MAX_NEXT_WORD; j++) {
    const c = text.charCodeAt(j);
    if (!isLetter(c)) return false;
    if (charKind(text, j, end) === 'upper') return true;
  }
  return false;
}
