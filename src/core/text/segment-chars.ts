// Character classes for the sentence scanner. Every check is O(1) on a UTF-16 code unit so the
// scanner stays linear; Unicode property regexes are only used off the ASCII fast path.

const UPPER = /^[\p{Lu}\p{Lt}]$/u;
const LOWER = /^\p{Ll}$/u;
const LETTER = /^[\p{L}\p{M}]$/u;
const DIGIT = /^\p{Nd}$/u;

/** What the first significant character after a candidate boundary looks like. */
export type CharKind = 'upper' | 'lower' | 'digit' | 'uncased' | 'other' | 'end';

/** True for any whitespace, including NBSP and zero-width space (invisible, so never a sentence edge). */
export function isSpace(c: number): boolean {
  if (c <= 32) return true; // controls count as space: scraped text carries stray ones
  if (c < 0x85) return false;
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** True for characters that end a line (CR, LF, NEL and the Unicode line/paragraph separators). */
export function isNewline(c: number): boolean {
  return c === 10 || c === 13 || c === 0x85 || c === 0x2028 || c === 0x2029;
}

/** True for sentence-final punctuation: . ! ? … and their compound and full-width forms. */
export function isTerminator(c: number): boolean {
  if (c === 46 || c === 33 || c === 63) return true;
  return c === 0x2026 || (c >= 0x203c && c <= 0x203d) || (c >= 0x2047 && c <= 0x2049) || isFullWidthTerminator(c);
}

/** True for CJK/full-width stops, which end a sentence even without following whitespace. */
export function isFullWidthTerminator(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff61;
}

/** True for ? ! and their compounds: strong stops that no abbreviation can explain away. */
export function isStrongTerminator(c: number): boolean {
  return c === 33 || c === 63 || (c >= 0x203c && c <= 0x203d) || (c >= 0x2047 && c <= 0x2049) || c === 0xff01 || c === 0xff1f;
}

/** True for closing quotes and brackets, which belong to the sentence they follow. */
export function isCloser(c: number): boolean {
  switch (c) {
    case 34: case 39: case 41: case 93: case 125: // " ' ) ] }
    case 0xbb: case 0x2019: case 0x201d: case 0x203a: // » ’ ” ›
    case 0x300d: case 0x300f: case 0xff09: // 」 』 ）
      return true;
    default:
      return false;
  }
}

/** True for opening quotes, brackets and inverted marks that may precede a sentence's first word. */
export function isOpener(c: number): boolean {
  switch (c) {
    case 34: case 39: case 40: case 91: case 123: // " ' ( [ {
    case 0xab: case 0xa1: case 0xbf: // « ¡ ¿
    case 0x2018: case 0x2019: case 0x201a: case 0x201c: case 0x201d: case 0x201e: case 0x2039: // curly quotes (mis-typed ” ’ too)
    case 0x300c: case 0x300e: case 0xff08: // 「 『 （
      return true;
    default:
      return false;
  }
}

/** True for letters, combining marks and digits: the characters an abbreviation or word is made of. */
export function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
  return isLetter(c) || DIGIT.test(String.fromCharCode(c));
}

/** True for a letter (any script), used when reading the word after a boundary. */
export function isLetter(c: number): boolean {
  if (c < 128) return (c | 32) >= 97 && (c | 32) <= 122;
  // Fast paths for accented Latin and CJK/Hangul, which dominate non-ASCII news text.
  if (c >= 0xc0 && c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7a3)) return true;
  if (c >= 0xd800 && c <= 0xdfff) return false; // astral chars are mostly emoji; stop there
  return LETTER.test(String.fromCharCode(c));
}

/** Classifies the character at `i`; currency signs count as digits because "$5bn" starts like "5bn". */
export function charKind(text: string, i: number, end: number): CharKind {
  if (i >= end) return 'end';
  const c = text.charCodeAt(i);
  if (c < 128) {
    if (c >= 65 && c <= 90) return 'upper';
    if (c >= 97 && c <= 122) return 'lower';
    if ((c >= 48 && c <= 57) || c === 36) return 'digit';
    return 'other';
  }
  // Latin-1 capitals À–Þ and small letters ß–ÿ, skipping × and ÷.
  if (c >= 0xc0 && c <= 0xff && c !== 0xd7 && c !== 0xf7) return c <= 0xde ? 'upper' : 'lower';
  if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff)) return 'uncased';
  const cp = text.codePointAt(i) ?? c;
  const ch = String.fromCodePoint(cp);
  if (UPPER.test(ch)) return 'upper';
  if (LOWER.test(ch)) return 'lower';
  if (DIGIT.test(ch) || c === 0xa3 || c === 0xa5 || c === 0x20ac || c === 0x20b9) return 'digit'; // £ ¥ € ₹
  if (LETTER.test(ch)) return 'uncased';
  return 'other';
}

/** True if the single character is an uppercase (or titlecase) letter. */
export function isUpperChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER.test(ch);
}
