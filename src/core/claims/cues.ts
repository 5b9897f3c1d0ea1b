import { F } from './lexicon';
import { NO_REASON, R } from './reasons';
import type { Token } from './tokenize';

/** What a sentence contains beyond its tokens' flags: entity counts, closing punctuation, etc. */
export interface SentenceStats {
  /** OR of every token's cue flags. */
  flags: number;
  words: number;
  ents: number;
  entPast: boolean;
  entAttrib: boolean;
  question: boolean;
  exclaim: boolean;
  quote: boolean;
  imper: boolean;
  digits: boolean;
}

type CueTest = (s: SentenceStats) => boolean;
const has = (bits: number): CueTest => (s) => (s.flags & bits) !== 0;
const both = (a: number, b: number): CueTest => (s) => (s.flags & a) !== 0 && (s.flags & b) !== 0;

/**
 * Sentence-level cues, each a named binary feature credited to a reason. They generalise
 * because they name kinds of content (a percentage, an attribution), never topics; the
 * conjunctions capture what a linear model cannot ("I" + opinion verb, entity + past verb).
 */
export const CUES: ReadonlyArray<readonly [string, number, CueTest]> = [
  ['digits', R.quantity, (s) => s.digits],
  ['numword', R.quantity, has(F.NUMWORD)],
  ['pct', R.quantity, has(F.PCT)],
  ['money', R.quantity, has(F.MONEY)],
  ['qty', R.quantity, has(F.QTY)],
  ['change', R.quantity, has(F.CHANGE)],
  ['date', R.date, has(F.DATE)],
  ['attrib', R.attribution, has(F.ATTRIB)],
  ['evidence', R.attribution, has(F.EVIDENCE)],
  ['compar', R.comparison, has(F.COMPAR)],
  ['superl', R.comparison, has(F.SUPERL)],
  ['causal', R.causal, has(F.CAUSAL)],
  ['official', R.official, has(F.OFFICIAL)],
  ['past', R.history, has(F.PAST)],
  ['ent1', R.actor, (s) => s.ents === 1],
  ['ent2', R.actor, (s) => s.ents === 2],
  ['ent3', R.actor, (s) => s.ents >= 3],
  ['entpast', R.actor, (s) => s.entPast],
  ['entattrib', R.attribution, (s) => s.entAttrib],
  ['numpast', R.quantity, (s) => (s.digits || (s.flags & F.NUMWORD) !== 0) && (s.flags & F.PAST) !== 0],
  ['numdate', R.quantity, both(F.QTY, F.DATE)],
  ['modal', NO_REASON, has(F.MODAL)],
  ['future', NO_REASON, has(F.FUTURE)],
  ['opinion', NO_REASON, has(F.OPINION)],
  ['hedge', NO_REASON, has(F.HEDGE)],
  ['i', NO_REASON, has(F.I)],
  ['we', NO_REASON, has(F.WE)],
  ['you', NO_REASON, has(F.YOU)],
  ['neg', NO_REASON, has(F.NEG)],
  ['i_opinion', NO_REASON, both(F.I, F.OPINION)],
  ['we_modal', NO_REASON, both(F.WE, F.MODAL | F.FUTURE)],
  ['modal_nonum', NO_REASON, (s) => (s.flags & (F.MODAL | F.FUTURE)) !== 0 && !s.digits && (s.flags & F.PAST) === 0],
  ['question', NO_REASON, (s) => s.question],
  ['exclaim', NO_REASON, (s) => s.exclaim],
  ['quote', NO_REASON, (s) => s.quote],
  ['imper', NO_REASON, (s) => s.imper],
];

/** Upper bounds (in words) of the sentence-length buckets; longer sentences fall in the last. */
export const LENGTH_BUCKETS: readonly number[] = [4, 7, 11, 16, 24, 35];

/** The length bucket of a sentence with `words` words. */
export function lengthBucket(words: number): number {
  let b = 0;
  while (b < LENGTH_BUCKETS.length && words > (LENGTH_BUCKETS[b] ?? 0)) b++;
  return b;
}

/** Gathers the sentence-level facts the cues test. */
export function sentenceStats(tokens: readonly Token[]): SentenceStats {
  const s: SentenceStats = {
    flags: 0, words: 0, ents: 0, entPast: false, entAttrib: false,
    question: false, exclaim: false, quote: false, imper: false, digits: false,
  };
  let last = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    s.flags |= t.flags;
    if (t.isWord) s.words++;
    if (t.sym === 'ENT') {
      s.ents++;
      // An entity with a past or attribution verb within the next three tokens is acting.
      for (let j = i + 1; j < Math.min(tokens.length, i + 4); j++) {
        const f = (tokens[j] as Token).flags;
        if (f & F.PAST) s.entPast = true;
        if (f & F.ATTRIB) s.entAttrib = true;
      }
    }
    // Digits carry no word; spelled-out numbers do, and count separately (numword).
    if ((t.sym === 'NUM' || t.sym === 'YEAR' || t.sym === 'ORD') && t.word === '') s.digits = true;
    if (t.sym === 'Q') s.quote = true;
    else last = t.sym;
  }
  s.question = last === '?';
  s.exclaim = last === '!';
  const first = tokens.find((t) => t.sym !== 'Q');
  s.imper = first !== undefined && (first.flags & F.IMPER) !== 0;
  return s;
}
