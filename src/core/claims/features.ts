import { CUES, lengthBucket, LENGTH_BUCKETS, sentenceStats } from './cues';
import { hashString, mix } from './hashing';
import { NO_REASON, R } from './reasons';
import { tokenize } from './tokenize';

/** log2 of the hashed feature space; 2^18 buckets keep collisions rare for ~110k live features. */
export const DIM_BITS = 18;
/** Number of hashed feature buckets. */
export const DIM = 1 << DIM_BITS;
const MASK = DIM - 1;

/**
 * Value of the raw lower-cased word features. Scaling a feature group down under a shared L2
 * penalty is the same as penalising it harder, so content words stay weak and the model leans
 * on the abstracted patterns that transfer from debates to news prose.
 */
export const WORD_VALUE = 0.35;

/** Receives one feature: its bucket, its value and the reason it is credited to (or NO_REASON). */
export type FeatureVisitor = (index: number, value: number, reason: number) => void;

const SEED_UNI = hashString('u:');
const SEED_BI = hashString('b:');
const SEED_TRI = hashString('t:');
const SEED_WORD = hashString('w:');
const BOS = hashString('<s>');
const EOS = hashString('</s>');

/** The bucket of a named sentence-level cue feature ("pct", "len3", ...). */
export function cueIndex(name: string): number {
  return hashString(`c:${name}`) & MASK;
}

const CUE_INDEX = CUES.map(([name]) => cueIndex(name));
const LENGTH_INDEX = [...LENGTH_BUCKETS, Infinity].map((_, i) => cueIndex(`len${i}`));

// Each bucket fires at most once per sentence (a binary bag of features), so a name repeated
// five times cannot outvote the rest of the sentence. Buckets already emitted are kept in a
// small open-addressing set stamped with a per-sentence generation: it stays in L1 cache and
// needs no clearing, unlike a DIM-sized table (a sentence has ~100 features, not 2^18).
let seenKeys = new Int32Array(1024);
let seenGen = new Uint32Array(1024);
let seenCount = 0;
let generation = 0;

function insertSeen(index: number): boolean {
  const mask = seenKeys.length - 1;
  let slot = (Math.imul(index, 0x9e3779b1) >>> 16) & mask;
  while (seenGen[slot] === generation) {
    if (seenKeys[slot] === index) return false;
    slot = (slot + 1) & mask;
  }
  seenGen[slot] = generation;
  seenKeys[slot] = index;
  return true;
}

function growSeen(): void {
  const keys = seenKeys;
  const gens = seenGen;
  seenKeys = new Int32Array(keys.length * 2);
  seenGen = new Uint32Array(keys.length * 2);
  for (let i = 0; i < keys.length; i++) if (gens[i] === generation) insertSeen(keys[i] ?? 0);
}

const NOOP: FeatureVisitor = () => undefined;
let sink: FeatureVisitor = NOOP;
function emit(index: number, value: number, reason: number): void {
  if (!insertSeen(index)) return;
  if (++seenCount * 2 > seenKeys.length) growSeen(); // keep the load factor under 1/2
  sink(index, value, reason);
}

/** Extracts every feature of a sentence, in a fixed order, calling `visit` once per bucket. */
export function visitFeatures(text: string, visit: FeatureVisitor): void {
  if (++generation > 0xffffffff) {
    seenGen.fill(0);
    generation = 1;
  }
  seenCount = 0;
  sink = visit;
  const tokens = tokenize(text);
  // Abstracted uni/bi/trigrams over symbols; ENT+ continues an entity run and is skipped. An
  // n-gram is credited to the highest-priority reason among its tokens (lowest index).
  let p2 = BOS;
  let p1 = BOS;
  let r2 = NO_REASON;
  let r1 = NO_REASON;
  for (const t of tokens) {
    // Names get no lexical feature at all: "Obama" or "Medicare" must not decide a score; they
    // count only through the ENT symbol, which transfers to any news story's cast.
    if (t.word && t.reason !== R.actor) emit(mix(SEED_WORD, t.wordHash) & MASK, WORD_VALUE, t.reason);
    if (t.sym === 'ENT+') continue;
    const c = t.symHash;
    const r = t.reason;
    emit(mix(SEED_UNI, c) & MASK, 1, r);
    emit(mix(mix(SEED_BI, p1), c) & MASK, 1, Math.min(r1, r));
    emit(mix(mix(mix(SEED_TRI, p2), p1), c) & MASK, 1, Math.min(r2, r1, r));
    p2 = p1;
    p1 = c;
    r2 = r1;
    r1 = r;
  }
  emit(mix(mix(SEED_BI, p1), EOS) & MASK, 1, r1);
  emit(mix(mix(mix(SEED_TRI, p2), p1), EOS) & MASK, 1, Math.min(r2, r1));
  const stats = sentenceStats(tokens);
  for (let i = 0; i < CUES.length; i++) {
    const cue = CUES[i];
    if (cue && cue[2](stats)) emit(CUE_INDEX[i] ?? 0, 1, cue[1]);
  }
  emit(LENGTH_INDEX[lengthBucket(stats.words)] ?? 0, 1, NO_REASON);
  sink = NOOP; // drop the caller's visitor so it can be collected
}
