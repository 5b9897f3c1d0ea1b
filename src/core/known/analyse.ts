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

const NUMBER_WORDS: Record<string, string> = {
  zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  eleven: '11', twelve: '12', fifteen: '15', twenty: '20', thirty: '30', forty: '40', fifty: '50', sixty: '60', seventy: '70',
  eighty: '80', ninety: '90', hundred: '100', half: '0.5', dozen: '12',
};
const SCALE_WORDS: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

/** Folds typographic quotes and dashes, and joins hyphenated words ("single-payer" and "singlepayer" match). */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
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
  const scale = next ? SCALE_WORDS[next] : undefined;
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
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const first = token.charCodeAt(0);
    if (token.length === 1 && '.!?;:"('.includes(token)) {
      atStart = true;
      continue;
    }
    const lower = token.toLowerCase();
    const next = tokens[i + 1]?.toLowerCase();
    if (first === 36 || (first >= 48 && first <= 57)) {
      let figure = figureOf(token, next);
      if (next === 'percent' || next === 'cent') figure += '%';
      figures.push(figure);
      atStart = false;
      continue;
    }
    const spelled = NUMBER_WORDS[lower];
    if (spelled !== undefined && (SCALE_WORDS[next ?? ''] !== undefined || next === 'percent')) {
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

/** Hashes of the character n-grams (3 to 5 characters, words padded with a space each side, stop words out) with their counts. */
export function charGrams(text: string): Map<number, number> {
  const grams = new Map<number, number>();
  const words = foldText(text).toLowerCase().match(/[a-z0-9\u00C0-\u024F]+/g) ?? [];
  for (const word of words) {
    if (STOP_WORDS.has(word)) continue;
    const padded = ` ${word} `;
    for (let i = 0; i < padded.length; i++) {
      // FNV-1a over 3, 4 and 5 characters from i, without making substrings.
      let hash = 0x811c9dc5;
      for (let j = i; j < i + 5 && j < padded.length; j++) {
        hash = Math.imul(hash ^ padded.charCodeAt(j), 0x01000193);
        if (j - i >= 2) {
          const key = (hash ^ (j - i)) >>> 0;
          grams.set(key, (grams.get(key) ?? 0) + 1);
        }
      }
    }
  }
  return grams;
}
