import { hashString } from './hashing';
import { CALENDAR, F, LEXICON, NOT_SUPERLATIVE } from './lexicon';
import { NO_REASON, R } from './reasons';

/** One token reduced to a coarse, topic-free symbol, plus its word and the cues it carries. */
export interface Token {
  /** The symbol used in abstracted n-grams: a kept word, ENT, NUM, YEAR, a shape such as ~ed, or punctuation. */
  readonly sym: string;
  /** The lower-cased word for the (weakly weighted) lexical features; '' for non-words and ENT+. */
  readonly word: string;
  readonly flags: number;
  readonly reason: number;
  /** True for letter tokens (names included); sentence length counts these. */
  readonly isWord: boolean;
  /** Hashes of sym and word, computed once because tokens are cached and reused. */
  readonly symHash: number;
  readonly wordHash: number;
}

// Money/percent signs and punctuation, years and numbers, dotted abbreviations (U.S.), words
// with inner apostrophes or hyphens, quotes. Explicit Latin ranges rather than \p{L}: the
// Unicode-property form is twice as slow and the model is English-only.
const TOKEN = /[$£€%?!;:…]|\d+(?:[.,]\d+)*(?:s|st|nd|rd|th)?|[A-Z](?:\.[A-Z])+\.?|[A-Za-z\u00C0-\u024F]+(?:['’-][A-Za-z\u00C0-\u024F]+)*|['"“”‘’]/g;
const YEAR = /^(?:1[6-9]|20)\d\d(?:s)?$/;
const ORDINAL = /(?:st|nd|rd|th)$/;
const NOUN_SUFFIX = /(?:tion|sion|ment|ness|ity|ance|ence|ism)$/;
const ADJ_SUFFIX = /(?:al|ive|ous|ful|able|ible|ic|ary|less)$/;
const SUBJECT_VERBS = new Set(['is', 'are', 'has', 'have', 'was', 'were', 'will', 'would', 'can', 'could', 'does', 'did', 'also']);

/** True when a token starts with a capital letter (ASCII or Latin-1/Extended-A capitals). */
export function isUpper(raw: string): boolean {
  const c = raw.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 0xc0) return false;
  return raw[0] !== (raw[0] ?? '').toLowerCase();
}

function tok(sym: string, word: string, flags: number, reason: number): Token {
  return { sym, word, flags, reason, isWord: word !== '', symHash: hashString(sym), wordHash: word ? hashString(word) : 0 };
}

const Q = tok('Q', '', 0, NO_REASON);
const POSSESSIVE = tok("'s", '', 0, NO_REASON);
const PUNCT = new Map<string, Token>([
  ['%', tok('%', '', F.PCT | F.QTY, R.quantity)],
  ['$', tok('$', '', F.MONEY | F.QTY, R.quantity)],
  ['£', tok('$', '', F.MONEY | F.QTY, R.quantity)],
  ['€', tok('$', '', F.MONEY | F.QTY, R.quantity)],
  ['?', tok('?', '', 0, NO_REASON)],
  ['!', tok('!', '', 0, NO_REASON)],
  [':', tok(':', '', 0, NO_REASON)],
  [';', tok(':', '', 0, NO_REASON)],
  ['…', tok('…', '', 0, NO_REASON)],
]);
const YEAR_TOKEN = tok('YEAR', '', F.DATE, R.date);
const ORD_TOKEN = tok('ORD', '', F.QTY, R.quantity);
const NUM_TOKEN = tok('NUM', '', F.QTY, R.quantity);
// Continues a run of name words ("Mike" in "Mike Pompeo"). It needs no word: names never emit
// lexical features.
const ENT_CONT: Token = { ...tok('ENT+', '', 0, R.actor), isWord: true };

/** A word's shape by suffix: a crude part-of-speech guess that carries no topic. */
export function shapeOf(word: string): Token {
  const n = word.length;
  if (n > 4 && word.endsWith('ed')) return tok('~ed', word, F.PAST, R.history);
  if (n > 4 && word.endsWith('ing')) return tok('~ing', word, 0, NO_REASON);
  if (n > 4 && word.endsWith('ly')) return tok('~ly', word, 0, NO_REASON);
  if (n > 5 && word.endsWith('est') && !NOT_SUPERLATIVE.has(word)) return tok('~est', word, F.SUPERL, R.comparison);
  if (NOUN_SUFFIX.test(word)) return tok('~tion', word, 0, NO_REASON);
  if (ADJ_SUFFIX.test(word)) return tok('~al', word, 0, NO_REASON);
  if (n > 4 && word.endsWith('er')) return tok('~er', word, 0, NO_REASON);
  if (n > 3 && word.endsWith('s') && !word.endsWith('ss')) return tok('~s', word, 0, NO_REASON);
  return tok('~', word, 0, NO_REASON);
}

function isNumberWords(word: string): boolean {
  // "twenty-two", "two-thirds": every hyphen part is a number word.
  if (!word.includes('-')) return false;
  for (const part of word.split('-')) {
    const entry = LEXICON.get(part);
    if (part !== 'one' && (!entry || !(entry.flags & (F.NUMWORD | F.QTY)))) return false;
  }
  return true;
}

const lower = (raw: string): string => {
  const w = raw.toLowerCase();
  return w.includes('’') ? w.replace(/’/g, "'") : w;
};

// True when `next` reads like the verb after a sentence-initial subject ("Pompeo said", "Russia has").
function verbFollows(next: string): boolean {
  const word = lower(next);
  const entry = LEXICON.get(word);
  if (entry) return SUBJECT_VERBS.has(word) || (entry.flags & (F.ATTRIB | F.PAST | F.CHANGE)) !== 0;
  return word.length > 4 && word.endsWith('ed');
}

// Mid-sentence words classify the same way every time, so their tokens are cached (bounded).
const midCache = new Map<string, Token>();

function classifyMid(raw: string): Token {
  let t = midCache.get(raw);
  if (t) return t;
  const word = lower(raw);
  if (raw.length > 1 && raw.includes('.')) t = tok('ENT', word, 0, R.actor); // U.S., U.N.
  else if (isUpper(raw) && word !== 'i') t = CALENDAR.has(word) ? tok('MONTH', word, F.DATE, R.date) : tok('ENT', word, 0, R.actor);
  else {
    const entry = LEXICON.get(word);
    t = entry ? tok(word, word, entry.flags, entry.reason) : isNumberWords(word) ? tok('NUM', word, F.QTY, R.quantity) : shapeOf(word);
  }
  if (midCache.size < 50000) midCache.set(raw, t);
  return t;
}

function classifyStart(raw: string, next: string): Token {
  const word = lower(raw);
  if (!isUpper(raw) || raw.includes('.')) return classifyMid(raw);
  const entry = LEXICON.get(word);
  if (entry) return tok(word, word, entry.flags, entry.reason);
  if (CALENDAR.has(word)) return tok('MONTH', word, F.DATE, R.date);
  if (isNumberWords(word)) return tok('NUM', word, F.QTY, R.quantity);
  const shape = shapeOf(word);
  // A capitalised first word is a name if a capitalised word follows ("Ted Cruz said") or if it
  // has no common-noun suffix and a verb follows ("Pompeo said"; but not "Unemployment rose").
  if (isUpper(next) || (shape.sym === '~' && verbFollows(next))) return tok('ENT', word, 0, R.actor);
  return shape;
}

/** Splits a sentence into abstracted tokens; a run of name words is one ENT then ENT+ tokens. */
export function tokenize(text: string): Token[] {
  return tokenizeInto(text, []);
}

/** `tokenize` into a caller's array (emptied first), so scoring can reuse one per sentence. */
export function tokenizeInto(text: string, tokens: Token[]): Token[] {
  tokens.length = 0;
  const raws = text.match(TOKEN) ?? [];
  let atStart = true;
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i] ?? '';
    const c = raw.charCodeAt(0);
    if (raw.length === 1 && (c === 34 || c === 39 || (c >= 0x2018 && c <= 0x201d))) {
      tokens.push(Q);
      // Words right after an opening quote start a quoted sentence, so capitals mean nothing.
      if (raw !== '”' && raw !== '’') atStart = true;
      continue;
    }
    const punct = raw.length === 1 ? PUNCT.get(raw) : undefined;
    if (punct) {
      tokens.push(punct);
      if (raw === ':') atStart = true;
      continue;
    }
    if (c >= 48 && c <= 57) {
      tokens.push(YEAR.test(raw) ? YEAR_TOKEN : ORDINAL.test(raw) ? ORD_TOKEN : NUM_TOKEN);
      atStart = false;
      continue;
    }
    let word = raw;
    const possessive = (raw.endsWith("'s") || raw.endsWith('’s')) && !LEXICON.has(lower(raw));
    if (possessive) word = raw.slice(0, -2);
    const t = atStart ? classifyStart(word, raws[i + 1] ?? '') : classifyMid(word);
    const prev = tokens[tokens.length - 1];
    tokens.push(t.sym === 'ENT' && prev !== undefined && (prev.sym === 'ENT' || prev === ENT_CONT) ? ENT_CONT : t);
    if (possessive) tokens.push(POSSESSIVE);
    atStart = false;
  }
  return tokens;
}
