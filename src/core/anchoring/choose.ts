// Deciding between candidate places, and when to give up. The rule is: never attach to the
// wrong text. An orphan is visible and the reviewer can re-attach it; a highlight on the wrong
// sentence silently shows a verdict next to a claim it was never about.
//
// Thresholds (see also MIN_SIDE_SIMILARITY in context.ts):
// - MIN_QUOTE_SIMILARITY 0.75: a fuzzy match may differ from the stored quote in at most a
//   quarter of its (normalised) characters: a changed number or word, not a rewritten sentence.
// - Exact and normalised matches (the quote's characters are all there) are accepted when some
//   side of context agrees, or when the quote occurs once and is at least MIN_BARE_QUOTE_LENGTH
//   long: a unique sentence-sized string does not appear by accident, a unique short word might.
// - Fuzzy matches always need context: at least one agreeing side (both, for quotes shorter
//   than MIN_BARE_QUOTE_LENGTH). Without it, "this sentence with one number changed, somewhere
//   else" is indistinguishable from "the sentence was deleted and a lookalike remains", e.g. a
//   recurring "Unemployment rose to 5.2% in March." / "...5.4% in April.": that is an orphan.
//   When nothing was stored around the quote (context that was only whitespace: markup
//   indentation fills the 32 characters), there is no evidence either way; then a fuzzy match
//   needs NO_CONTEXT_MIN_SIMILARITY, MIN_BARE_QUOTE_LENGTH, and no rival at all.
// - Context was stored but neither side agrees: the quote's paragraph was moved, or text was
//   inserted on both sides, or the sentence was deleted and a lookalike remains. Two things tell
//   a move from a page that was rewritten around a lookalike: the stored neighbours are still on
//   the page, intact, just no longer beside the quote (`neighboursKept`; a side that ran past the
//   quote's paragraph may be split, its start still beside the quote and its rest where the
//   paragraph used to be), and the match is the only plausible one anywhere. Then a fuzzy match
//   needs RELOCATED_MIN_SIMILARITY and RELOCATED_MIN_LENGTH, and no rival at all, as when nothing
//   was stored. What stays undecidable from the text is a sentence deleted while a near copy of
//   it (one word apart) sits elsewhere on the same page; the similarity and length floors keep
//   that to long, near-identical sentences.
// - A fuzzy winner must beat every non-overlapping rival by AMBIGUITY_MARGIN, else orphan.
// - MIN_CONFIDENCE 0.5: the final guard; only the fuzzy formula can go below it.

import type { ContextEvidence } from './context';

/** How an anchor was found, from the most to the least certain step. */
export type AnchorMethod = 'position' | 'quote' | 'normalised' | 'fuzzy';

/** Where a stored selector attached in the current text, and how sure that is (0..1). */
export interface Anchor {
  start: number;
  end: number;
  confidence: number;
  method: AnchorMethod;
}

/** A place where the quote may be, in original offsets, with the evidence for it. */
export interface Candidate {
  start: number;
  end: number;
  /** 1 - edit distance / quote length, on normalised text. */
  quoteSimilarity: number;
  context: ContextEvidence;
  /** 1 at the stored position, falling to 0 a text-length away; 0 without a stored position. */
  proximity: number;
}

/** Least quote similarity of a fuzzy match. */
export const MIN_QUOTE_SIMILARITY = 0.75;
/** A unique exact quote at least this long (normalised characters) needs no context. */
export const MIN_BARE_QUOTE_LENGTH = 24;
/** Least quote similarity of a fuzzy match when no context was stored to check it against. */
export const NO_CONTEXT_MIN_SIMILARITY = 0.85;
/** Least quote similarity of a fuzzy match whose stored neighbours were found elsewhere on the page. */
export const RELOCATED_MIN_SIMILARITY = 0.8;
/** Least normalised quote length for such a match: a sentence, not a phrase. */
export const RELOCATED_MIN_LENGTH = 40;
/** A fuzzy winner's lead over the best non-overlapping rival. */
export const AMBIGUITY_MARGIN = 0.05;
/** Below this confidence a match is an orphan. */
export const MIN_CONFIDENCE = 0.5;
/** Proximity only breaks near-ties: text is inserted and removed above quotes all the time. */
const PROXIMITY_WEIGHT = 0.02;

/** Ranking score: quote similarity first, context second, stored position as a tie-breaker. */
function scoreOf(candidate: Candidate): number {
  return 0.6 * candidate.quoteSimilarity + 0.4 * contextTerm(candidate) + PROXIMITY_WEIGHT * candidate.proximity;
}

/** The context's share of a score: its mean agreement, or a neutral 0.5 when none was stored. */
function contextTerm(candidate: Candidate): number {
  return candidate.context.available === 0 ? 0.5 : candidate.context.mean;
}

/** Confidence reported for an accepted candidate; each step's range sits below the previous one's. */
function confidenceOf(method: AnchorMethod, candidate: Candidate): number {
  const context = candidate.context.mean;
  if (method === 'position') return 1;
  if (method === 'quote') return 0.8 + 0.2 * context;
  if (method === 'normalised') return 0.7 + 0.2 * context;
  // A relocated quote's context is no evidence either way (it stayed behind), as when none was stored.
  return 0.85 * (0.6 * candidate.quoteSimilarity + 0.4 * (candidate.context.agreeing === 0 ? 0.5 : candidate.context.mean));
}

function overlaps(a: Candidate, b: Candidate): boolean {
  return a.start < b.end && b.start < a.end;
}

function ranked(candidates: readonly Candidate[]): Array<{ candidate: Candidate; score: number }> {
  return candidates.map((candidate) => ({ candidate, score: scoreOf(candidate) })).sort((a, b) => b.score - a.score);
}

function toAnchor(method: AnchorMethod, candidate: Candidate): Anchor | null {
  const confidence = Number(confidenceOf(method, candidate).toFixed(4));
  return confidence < MIN_CONFIDENCE ? null : { start: candidate.start, end: candidate.end, confidence, method };
}

/**
 * Chooses among occurrences of the whole quote (exact or normalised): the best-ranked one with
 * agreeing context, else a unique long-enough one, else none. Ties between copies whose context
 * agrees equally (a repeated passage) go to the one nearer the stored position.
 */
export function chooseExact(candidates: readonly Candidate[], method: AnchorMethod, quoteLength: number): Anchor | null {
  const order = ranked(candidates);
  const supported = order.find((entry) => entry.candidate.context.agreeing > 0);
  if (supported) return toAnchor(method, supported.candidate);
  const only = order.length === 1 ? order[0] : undefined;
  return only && quoteLength >= MIN_BARE_QUOTE_LENGTH ? toAnchor(method, only.candidate) : null;
}

function fuzzyEligible(candidate: Candidate, quoteLength: number): boolean {
  const { quoteSimilarity, context } = candidate;
  if (context.available === 0) return quoteSimilarity >= NO_CONTEXT_MIN_SIMILARITY && quoteLength >= MIN_BARE_QUOTE_LENGTH;
  return quoteSimilarity >= MIN_QUOTE_SIMILARITY && context.agreeing >= (quoteLength < MIN_BARE_QUOTE_LENGTH ? 2 : 1);
}

/** What the anchorer knows to judge a relocation (see the rules above). */
export interface RelocationEvidence {
  /** True when a candidate is the quote's own sentence with at most a word or two changed. */
  sameSentence(candidate: Candidate): boolean;
  /**
   * True when the stored context still stands, intact, in the text: each side either beside the
   * candidate or elsewhere, or split between the two (the part inside the moved paragraph beside
   * it, the rest where the paragraph used to be).
   */
  neighboursKept(candidate: Candidate): boolean;
}

const NO_RELOCATION: RelocationEvidence = { sameSentence: () => false, neighboursKept: () => false };

/**
 * Chooses among fuzzy matches under the rules above; null when none is safe. A match without
 * agreeing context is considered only when no match has context that agrees or none stored.
 */
export function chooseFuzzy(candidates: readonly Candidate[], quoteLength: number, relocation: RelocationEvidence = NO_RELOCATION): Anchor | null {
  const order = ranked(candidates);
  const best = order.find((entry) => fuzzyEligible(entry.candidate, quoteLength));
  if (!best) return chooseRelocated(candidates, quoteLength, relocation);
  const rival = order.find((entry) => !overlaps(entry.candidate, best.candidate) && entry !== best);
  if (rival && rival.score > best.score - AMBIGUITY_MARGIN) return null;
  // Without stored context, uniqueness is the only evidence: any plausible rival is too many.
  if (rival && best.candidate.context.available === 0 && rival.candidate.quoteSimilarity >= MIN_QUOTE_SIMILARITY) return null;
  return toAnchor('fuzzy', best.candidate);
}

/**
 * The quote moved and its context stayed behind: the one candidate that is the same sentence, if
 * exactly one is. Context that does not agree says nothing here (it was left behind), so
 * candidates are compared by the quote alone, and any other same-sentence match is a rival.
 */
function chooseRelocated(candidates: readonly Candidate[], quoteLength: number, relocation: RelocationEvidence): Anchor | null {
  if (quoteLength < RELOCATED_MIN_LENGTH) return null;
  const plausible = candidates.filter((candidate) => candidate.context.available > 0 && candidate.quoteSimilarity >= MIN_QUOTE_SIMILARITY && relocation.sameSentence(candidate));
  const best = plausible.reduce<Candidate | null>((a, b) => (a === null || b.quoteSimilarity > a.quoteSimilarity ? b : a), null);
  if (!best || best.quoteSimilarity < RELOCATED_MIN_SIMILARITY || best.context.agreeing > 0) return null;
  if (plausible.some((other) => other !== best && !overlaps(other, best))) return null;
  return relocation.neighboursKept(best) ? toAnchor('fuzzy', best) : null;
}
