import { creditStart, isChromeLine } from '../article/block-kind';
import { fnv1a } from '../hash';
import { selectorFor, type PassageSelector } from '../model/selectors';
import { nodeIndexAt, type TextIndex } from '../text/text-index';
import { segmentSentences } from '../text/segment';
import { normaliseForId, SentenceRepeats } from './repeats';
import { scoreSentence, type ReasonId } from './score';

/** A sentence of the article with its check-worthiness. */
export interface ScoredSentence {
  id: string;
  text: string;
  start: number;
  end: number;
  score: number;
  reasons: ReasonId[];
  selector: PassageSelector;
  /** True for a sentence of a caption of the story's own image (scanned as its own statement). */
  caption?: boolean;
}

/** Fewer words than this left of a caption once its credit is cut off is no statement. */
const CAPTION_MIN_WORDS = 3;

/** The stable id of a detected claim: a hash of its text, plus its occurrence when repeated. */
export function claimId(text: string, occurrence: number): string {
  return idOfHash(fnv1a(normaliseForId(text)), occurrence);
}

/** `claimId` of an already normalised text's hash. */
function idOfHash(hash: number, occurrence: number): string {
  return `c${hash.toString(36)}${occurrence > 0 ? `-${occurrence}` : ''}`;
}

/**
 * Splits the article text into sentences and scores each one. Only sentences whose first and
 * last characters lie in article text (per `isArticleText`) are scored, so clutter inside the
 * article root is never a claim. A caption's sentence (per `isCaption`) loses its credit
 * ("Credit: X/AFP", "(Image: GETTY)"), and is dropped when nothing but the credit is left.
 */
export function scoreArticleSentences(index: TextIndex, isArticleText: (node: Text) => boolean, isCaption: (node: Text) => boolean = () => false, score: SentenceScore = scoreSentence): ScoredSentence[] {
  const sentences: ScoredSentence[] = [];
  const seen = new SentenceRepeats(index.text);
  for (const span of segmentSentences(index.text, index.blockBreaks)) {
    const sentence = scoreSpan(index, span, isArticleText, seen, isCaption, score);
    if (sentence) sentences.push(sentence);
  }
  return sentences;
}

/** Scores one sentence's text (a language's claim model). */
export type SentenceScore = (text: string) => { score: number; reasons: ReasonId[] };

/**
 * One sentence span scored, or null when it is not article text (or is a dateline, byline or
 * credit); `seen` counts repeats for the ids (pass the same counter for every span of a page, in
 * order). Lets a caller score in slices.
 */
export function scoreSpan(index: TextIndex, whole: { start: number; end: number }, isArticleText: (node: Text) => boolean, seen: SentenceRepeats, isCaption: (node: Text) => boolean = () => false, score: SentenceScore = scoreSentence): ScoredSentence | null {
  const sentence = prepareSpan(index, whole, isArticleText, seen, isCaption);
  return sentence ? scorePrepared(sentence, score) : null;
}

/** A sentence found and named (id, text, selector) but not scored yet. */
export type PreparedSentence = Omit<ScoredSentence, 'score' | 'reasons'>;

/**
 * The cheap half of `scoreSpan`: whether the span is a sentence of the article, and its id, text
 * and selector. Ids count repeats in document order, so every span must be prepared in order;
 * the scoring (`scorePrepared`), which costs most, may then run in any order.
 */
export function prepareSpan(index: TextIndex, whole: { start: number; end: number }, isArticleText: (node: Text) => boolean, seen: SentenceRepeats, isCaption: (node: Text) => boolean = () => false): PreparedSentence | null {
  const first = index.nodes[nodeIndexAt(index, whole.start)];
  const last = index.nodes[nodeIndexAt(index, whole.end - 1)];
  if (!first || !last || !isArticleText(first) || !isArticleText(last)) return null;
  const caption = isCaption(first);
  const span = caption ? withoutCredit(index.text, whole) : whole;
  if (!span) return null;
  const text = index.text.slice(span.start, span.end);
  // A dateline, byline or "Related:" line that shares a block with the story is no claim.
  if (isChromeLine(text)) return null;
  const key = normaliseForId(text);
  const hash = fnv1a(key);
  const occurrence = seen.occurrence(key, hash, span.start, span.end);
  return { id: idOfHash(hash, occurrence), text, start: span.start, end: span.end, selector: selectorFor(index.text, span.start, span.end, text), caption };
}

/** A prepared sentence with its score: the same object `scoreSpan` gives. */
export function scorePrepared(sentence: PreparedSentence, score: SentenceScore = scoreSentence): ScoredSentence {
  const scored = score(sentence.text);
  return { id: sentence.id, text: sentence.text, start: sentence.start, end: sentence.end, score: scored.score, reasons: scored.reasons, selector: sentence.selector, caption: sentence.caption };
}

/** A caption sentence's span up to its credit, trimmed; null when too little statement is left. */
function withoutCredit(text: string, span: { start: number; end: number }): { start: number; end: number } | null {
  const sentence = text.slice(span.start, span.end);
  let end = span.start + creditStart(sentence);
  while (end > span.start && /[\s|/,;:–—-]/.test(text.charAt(end - 1))) end--;
  const words = text.slice(span.start, end).match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length >= CAPTION_MIN_WORDS ? { start: span.start, end } : null;
}

/** The sentences at or over the threshold: the page's detected claims, in reading order. */
export function detectClaims(index: TextIndex, isArticleText: (node: Text) => boolean, threshold: number, isCaption?: (node: Text) => boolean): ScoredSentence[] {
  return scoreArticleSentences(index, isArticleText, isCaption).filter((sentence) => sentence.score >= threshold);
}
