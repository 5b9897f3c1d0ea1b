import { CUES, lengthBucket, LENGTH_BUCKETS, sentenceStats } from './cues';
import { hashString, mix } from './hashing';
import { NO_REASON } from './reasons';
import { tokenizeInto, type Token } from './tokenize';

/** log2 of the hashed feature space. */
export const DIM_BITS = 18;
/** Number of hashed feature buckets. */
export const DIM = 1 << DIM_BITS;

/**
 * The feature groups. Each has its own slice of the bucket space, so no two groups ever share a
 * bucket: training can weight each group separately and fold that weight into the shipped
 * weights exactly.
 * - char: character 2-5-grams over the abstracted sentence (names as @, numbers as #),
 * - word: lower-cased word 1-2-grams over the same abstraction,
 * - sym: 1-3-grams over coarse word classes (function words, shapes, ENT, NUM, YEAR, ...),
 * - cue: the named sentence-level cues and the length bucket.
 */
export const FEATURE_GROUPS = ['char', 'word', 'sym', 'cue'] as const;

/** One feature group. */
export type FeatureGroup = (typeof FEATURE_GROUPS)[number];

/** Where each group's buckets lie: [offset, offset + 2^bits). */
export const GROUP_LAYOUT: Readonly<Record<FeatureGroup, { offset: number; bits: number }>> = {
  char: { offset: 0, bits: 17 },
  word: { offset: 1 << 17, bits: 16 },
  sym: { offset: (1 << 17) + (1 << 16), bits: 15 },
  cue: { offset: (1 << 17) + (1 << 16) + (1 << 15), bits: 12 },
};

/** The group index (position in FEATURE_GROUPS) of each group. */
export const GROUP_INDEX = { char: 0, word: 1, sym: 2, cue: 3 } as const satisfies Record<FeatureGroup, number>;

/** Shortest and longest character n-gram. */
export const CHAR_MIN = 2;
export const CHAR_MAX = 5;

/**
 * Receives one feature: its bucket, its value, the reason it is credited to (or NO_REASON) and its
 * group's index. A bucket may come more than once per sentence: values add up (term counts).
 */
export type FeatureVisitor = (index: number, value: number, reason: number, group: number) => void;

const CHAR_MASK = (1 << GROUP_LAYOUT.char.bits) - 1;
const WORD_MASK = (1 << GROUP_LAYOUT.word.bits) - 1;
const SYM_MASK = (1 << GROUP_LAYOUT.sym.bits) - 1;
const CUE_MASK = (1 << GROUP_LAYOUT.cue.bits) - 1;
const CHAR_OFFSET = GROUP_LAYOUT.char.offset;
const WORD_OFFSET = GROUP_LAYOUT.word.offset;
const SYM_OFFSET = GROUP_LAYOUT.sym.offset;
const CUE_OFFSET = GROUP_LAYOUT.cue.offset;

const SEED_CHAR = hashString('ch:');
const SEED_WUNI = hashString('wu:');
const SEED_WBI = hashString('wb:');
const SEED_UNI = hashString('u:');
const SEED_BI = hashString('b:');
const SEED_TRI = hashString('t:');
const BOS = hashString('<s>');
const EOS = hashString('</s>');
const NAME = hashString('@');

/** The bucket of a named sentence-level cue feature ("pct", "len3", ...). */
export function cueIndex(name: string): number {
  return CUE_OFFSET + (hashString(`c:${name}`) & CUE_MASK);
}

const CUE_INDEX = CUES.map(([name]) => cueIndex(name));
const LENGTH_INDEX = [...LENGTH_BUCKETS, Infinity].map((_, i) => cueIndex(`len${i}`));

/**
 * How a token reads in the abstracted sentence the char and word features see: names become @,
 * digits #, years #y; other tokens their lower-cased word or their symbol (punctuation, quotes).
 * Names carry no lexical feature at all: "Obama" or "Medicare" must not decide a score; they
 * count as @, which transfers to any news story's cast.
 */
function surface(t: Token): string {
  if (t.sym === 'ENT' || t.sym === 'ENT+') return '@';
  if (t.word !== '') return t.word;
  if (t.sym === 'NUM' || t.sym === 'ORD') return '#';
  if (t.sym === 'YEAR') return '#y';
  return t.sym === 'Q' ? '"' : t.sym;
}

// Reused buffers for the abstracted sentence: its char codes and each char's reason.
let codes = new Uint16Array(512);
let charReasons = new Uint8Array(512);

function ensureCapacity(n: number): void {
  if (n <= codes.length) return;
  let size = codes.length;
  while (size < n) size *= 2;
  codes = new Uint16Array(size);
  charReasons = new Uint8Array(size);
}

/** Character n-grams of the abstracted sentence, each credited to the lowest reason it touches. */
function visitChars(tokens: readonly Token[], visit: FeatureVisitor): void {
  let length = 1;
  for (const t of tokens) length += surface(t).length + 1;
  ensureCapacity(length);
  // " w1 w2 @ # % " with one space around every token, so n-grams see word starts and ends.
  let p = 0;
  codes[p] = 32;
  charReasons[p++] = NO_REASON;
  for (const t of tokens) {
    if (t.sym === 'ENT+') continue; // one @ per name, however many words it has
    const s = surface(t);
    for (let i = 0; i < s.length; i++) {
      codes[p] = s.charCodeAt(i);
      charReasons[p++] = t.reason;
    }
    codes[p] = 32;
    charReasons[p++] = NO_REASON;
  }
  let grams = 0;
  for (let n = CHAR_MIN; n <= CHAR_MAX; n++) grams += Math.max(0, p - n + 1);
  if (grams === 0) return;
  const value = 1 / Math.sqrt(grams);
  for (let i = 0; i + CHAR_MIN <= p; i++) {
    let h = SEED_CHAR;
    let r = NO_REASON;
    // Hash and reason both roll forward: the n-gram at i extends the (n-1)-gram at i.
    // FNV-1a steps with a xor-shift at the end: one multiply per character rather than mix()'s two.
    for (let j = i, end = Math.min(p, i + CHAR_MAX); j < end; j++) {
      h = Math.imul(h ^ (codes[j] as number), 0x01000193);
      const cr = charReasons[j] as number;
      if (cr < r) r = cr;
      if (j - i + 1 >= CHAR_MIN) visit(CHAR_OFFSET + ((h ^ (h >>> 15)) & CHAR_MASK), value, r, 0);
    }
  }
}

/** Word 1-2-grams over the abstracted sentence (names as @, numbers and punctuation by symbol). */
function visitWords(tokens: readonly Token[], visit: FeatureVisitor): void {
  let count = 0;
  for (const t of tokens) if (t.sym !== 'ENT+' && t.sym !== 'Q') count++;
  if (count === 0) return;
  const value = 1 / Math.sqrt(2 * count + 1);
  let prev = BOS;
  let prevReason = NO_REASON;
  for (const t of tokens) {
    if (t.sym === 'ENT+' || t.sym === 'Q') continue;
    const h = t.sym === 'ENT' ? NAME : t.word !== '' ? t.wordHash : t.symHash;
    visit(WORD_OFFSET + (mix(SEED_WUNI, h) & WORD_MASK), value, t.reason, 1);
    visit(WORD_OFFSET + (mix(mix(SEED_WBI, prev), h) & WORD_MASK), value, Math.min(prevReason, t.reason), 1);
    prev = h;
    prevReason = t.reason;
  }
  visit(WORD_OFFSET + (mix(mix(SEED_WBI, prev), EOS) & WORD_MASK), value, prevReason, 1);
}

/**
 * Abstracted uni/bi/trigrams over symbols; ENT+ continues an entity run and is skipped. An n-gram
 * is credited to the highest-priority reason among its tokens (lowest index).
 */
function visitSymbols(tokens: readonly Token[], visit: FeatureVisitor): void {
  let count = 2;
  for (const t of tokens) if (t.sym !== 'ENT+') count += 3;
  const value = 1 / Math.sqrt(count);
  let p2 = BOS;
  let p1 = BOS;
  let r2 = NO_REASON;
  let r1 = NO_REASON;
  for (const t of tokens) {
    if (t.sym === 'ENT+') continue;
    const c = t.symHash;
    const r = t.reason;
    visit(SYM_OFFSET + (mix(SEED_UNI, c) & SYM_MASK), value, r, 2);
    visit(SYM_OFFSET + (mix(mix(SEED_BI, p1), c) & SYM_MASK), value, Math.min(r1, r), 2);
    visit(SYM_OFFSET + (mix(mix(mix(SEED_TRI, p2), p1), c) & SYM_MASK), value, Math.min(r2, r1, r), 2);
    p2 = p1;
    p1 = c;
    r2 = r1;
    r1 = r;
  }
  visit(SYM_OFFSET + (mix(mix(SEED_BI, p1), EOS) & SYM_MASK), value, r1, 2);
  visit(SYM_OFFSET + (mix(mix(mix(SEED_TRI, p2), p1), EOS) & SYM_MASK), value, Math.min(r2, r1), 2);
}

// One token list reused for every sentence: the visitors only read it while the sentence is visited.
const sentenceTokens: Token[] = [];

/** Extracts every feature of a sentence, group by group in a fixed order. */
export function visitFeatures(text: string, visit: FeatureVisitor): void {
  const tokens = tokenizeInto(text, sentenceTokens);
  visitChars(tokens, visit);
  visitWords(tokens, visit);
  visitSymbols(tokens, visit);
  const stats = sentenceStats(tokens);
  for (let i = 0; i < CUES.length; i++) {
    const cue = CUES[i];
    if (cue && cue[2](stats)) visit(CUE_INDEX[i] ?? 0, 1, cue[1], 3);
  }
  visit(LENGTH_INDEX[lengthBucket(stats.words)] ?? 0, 1, NO_REASON, 3);
}
