/**
 * Text analysis for matching sentences against known claims: the words (lower-cased, stemmed,
 * stop words out), the names (capitalised words not at a sentence start), the figures (numbers
 * with their unit words folded: "10%", "10 percent" and "ten percent" are one figure) and the
 * character n-grams. The same analysis runs on both sides, in the extension and the CLI.
 */
import { stemmer } from 'stemmer';

/** What matching needs of one text. */
export interface Analysed {
  /** Stemmed content words, in order (repeats kept). */
  terms: string[];
  /** Lower-cased names (capitalised words not opening the text or a quotation). */
  names: string[];
  /** Normalised figures: numbers, years, money and percentages. */
  figures: string[];
}

const STOP_WORDS = new Set(
  `a about above after again against all am an and any are aren't as at be because been before being below between both but by can could did didn't do does doesn't doing don't down during each few for from further had has have having he her here hers herself him himself his how i i'm if in into is isn't it it's its itself just let's me more most my myself no nor not now of off on once only or other ought our ours ourselves out over own same she should so some such than that that's the their theirs them themselves then there there's these they they're this those through to too under until up very was wasn't we we're were what what's when where which while who whom why will with won't would you you're your yours yourself yourselves
  says said say saying also well know think going get got go really like one thing things lot people just want wanted would'nt yes yeah oh mr mrs ms gov sen rep`.split(/\s+/),
);

// Maps, not object literals: a word such as "constructor" must not find Object.prototype's members.
const NUMBER_WORDS = new Map<string, string>(Object.entries({
  zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  eleven: '11', twelve: '12', fifteen: '15', twenty: '20', thirty: '30', forty: '40', fifty: '50', sixty: '60', seventy: '70',
  eighty: '80', ninety: '90', hundred: '100', half: '0.5', dozen: '12',
}));
const SCALE_WORDS = new Map<string, number>(Object.entries({ thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 }));

/** Folds typographic quotes and dashes, and joins hyphenated words ("single-payer" and "singlepayer" match). */
export function foldText(text: string): string {
  // NFKC only where there is something beyond ASCII to fold: it costs more than the rest.
  return (/[^\t\n\r -~]/.test(text) ? text.normalize('NFKC') : text)
    .replace(/[‘’ʼ]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/([A-Za-z])[-‐‑](?=[A-Za-z])/g, '$1');
}

const TOKEN = /\$?\d[\d,]*(?:\.\d+)?%?|[A-Za-z\u00C0-\u024F]+(?:'[A-Za-z]+)?|[.!?;:"(]/g;

function figureOf(raw: string, next: string | undefined): string {
  let text = raw.replace(/,/g, '');
  const money = text.startsWith('$');
  if (money) text = text.slice(1);
  const percent = text.endsWith('%');
  if (percent) text = text.slice(0, -1);
  let value = Number(text);
  const scale = next ? SCALE_WORDS.get(next) : undefined;
  if (scale) value *= scale;
  return `${money ? '$' : ''}${Number.isFinite(value) ? String(value) : text}${percent ? '%' : ''}`;
}

const stems = new Map<string, string>();

/** The Porter stem of a lower-cased word, memoised (the stemmer dominates analysis time otherwise). */
function stemOf(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = stemmer(word);
    if (stems.size < 200_000) stems.set(word, stem);
  }
  return stem;
}

/** Analyses one text for matching. */
export function analyse(text: string): Analysed {
  const terms: string[] = [];
  const names: string[] = [];
  const figures: string[] = [];
  const tokens = foldText(text).match(TOKEN) ?? [];
  let atStart = true;
  // Each token is lower-cased once: as the next token of the one before, then as itself.
  let nextLower = tokens[0]?.toLowerCase();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const lower = nextLower as string;
    const next = (nextLower = tokens[i + 1]?.toLowerCase());
    const first = token.charCodeAt(0);
    if (token.length === 1 && '.!?;:"('.includes(token)) {
      atStart = true;
      continue;
    }
    if (first === 36 || (first >= 48 && first <= 57)) {
      let figure = figureOf(token, next);
      if (next === 'percent' || next === 'cent') figure += '%';
      figures.push(figure);
      atStart = false;
      continue;
    }
    const spelled = NUMBER_WORDS.get(lower);
    if (spelled !== undefined && ((next !== undefined && SCALE_WORDS.has(next)) || next === 'percent')) {
      figures.push(figureOf(spelled, next) + (next === 'percent' ? '%' : ''));
    }
    const capital = first >= 65 && first <= 90;
    if (capital && !atStart && !STOP_WORDS.has(lower)) names.push(lower);
    atStart = false;
    if (STOP_WORDS.has(lower) || lower.length < 2) continue;
    terms.push(stemOf(lower.replace(/'s$/, '')));
  }
  return { terms, names, figures };
}

function fnv(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Hashes of the stop words, compared with a word's hash while it is read (no substring is made). */
const STOP_HASHES = new Set([...STOP_WORDS].map((word) => fnv(word.replace(/'/g, ''))));

/** The lower-case code of a word character (ASCII letters and digits, Latin letters beyond ASCII), or -1. */
function gramCode(code: number): number {
  if (code >= 97 && code <= 122) return code;
  if (code >= 65 && code <= 90) return code | 32;
  if (code >= 48 && code <= 57) return code;
  if (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) return String.fromCharCode(code).toLowerCase().charCodeAt(0);
  return -1;
}

const word = new Uint16Array(256);

/**
 * Calls back with the hash of every distinct character n-gram (3 to 5 characters) of a text's
 * words, each word padded with a space either side, stop words left out; hyphens inside a word
 * are dropped and apostrophes end nothing ("single-payer" = "singlepayer", "don't" = "dont").
 * `seen` dedupes within the text. No strings are made: this runs for every candidate claim of
 * every sentence.
 */
export function forEachGram(text: string, seen: GramSet, visit: (gram: number) => void): void {
  seen.clear();
  let length = 0;
  let wordHash = 0x811c9dc5;
  for (let i = 0; i <= text.length; i++) {
    const raw = i < text.length ? text.charCodeAt(i) : 32;
    const code = gramCode(raw);
    if (code >= 0) {
      if (length < word.length - 1) {
        word[length++] = code;
        wordHash = Math.imul(wordHash ^ code, 0x01000193);
      }
      continue;
    }
    // Inside a word, a hyphen or apostrophe followed by a word character joins.
    if (length > 0 && (raw === 45 || raw === 0x2010 || raw === 0x2011 || raw === 39 || raw === 0x2019) && i + 1 < text.length && gramCode(text.charCodeAt(i + 1)) >= 0) continue;
    if (length === 0) continue;
    const stop = length <= 12 && STOP_HASHES.has(wordHash >>> 0);
    const end = length;
    length = 0;
    wordHash = 0x811c9dc5;
    if (stop) continue;
    // Positions -1 and end stand for the padding spaces.
    for (let p = -1; p < end; p++) {
      let hash = 0x811c9dc5;
      for (let q = p; q <= end && q < p + 5; q++) {
        hash = Math.imul(hash ^ (q < 0 || q === end ? 32 : (word[q] as number)), 0x01000193);
        if (q - p >= 2) {
          const gram = (hash ^ (q - p)) >>> 0;
          if (seen.add(gram)) visit(gram);
        }
      }
    }
  }
}

/** A reusable set of 32-bit gram hashes (open addressing, cleared in O(1) by a generation stamp). */
export class GramSet {
  private keys = new Uint32Array(4096);
  private stamps = new Uint32Array(4096);
  private generation = 1;
  private count = 0;

  /** Empties the set. */
  clear(): void {
    this.generation++;
    this.count = 0;
    if (this.generation === 0xffffffff) {
      this.stamps.fill(0);
      this.generation = 1;
    }
  }

  /** Adds a hash; false when it was there already. */
  add(key: number): boolean {
    if (this.count * 2 >= this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let slot = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
    while (this.stamps[slot] === this.generation) {
      if (this.keys[slot] === key) return false;
      slot = (slot + 1) & mask;
    }
    this.stamps[slot] = this.generation;
    this.keys[slot] = key;
    this.count++;
    return true;
  }

  private grow(): void {
    const old = [...this.entries()];
    this.keys = new Uint32Array(this.keys.length * 2);
    this.stamps = new Uint32Array(this.stamps.length * 2);
    this.generation = 1;
    this.count = 0;
    for (const key of old) this.add(key);
  }

  private *entries(): Generator<number> {
    for (let i = 0; i < this.keys.length; i++) if (this.stamps[i] === this.generation) yield this.keys[i] as number;
  }
}
