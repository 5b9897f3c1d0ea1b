import { shortHash } from '../hash';
import { selectorFor, type PassageSelector } from '../model/selectors';
import { nodeIndexAt, type TextIndex } from '../text/text-index';
import { segmentSentences } from '../text/segment';
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
}

/** Whitespace-folded text, so ids survive reflowed markup. */
export function normaliseForId(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The stable id of a detected claim: a hash of its text, plus its occurrence when repeated. */
export function claimId(text: string, occurrence: number): string {
  return `c${shortHash(normaliseForId(text))}${occurrence > 0 ? `-${occurrence}` : ''}`;
}

/**
 * Splits the article text into sentences and scores each one. Only sentences whose first and
 * last characters lie in article text (per `isArticleText`) are scored, so clutter inside the
 * article root is never a claim.
 */
export function scoreArticleSentences(index: TextIndex, isArticleText: (node: Text) => boolean): ScoredSentence[] {
  const sentences: ScoredSentence[] = [];
  const seen = new Map<string, number>();
  for (const span of segmentSentences(index.text, index.blockBreaks)) {
    const sentence = scoreSpan(index, span, isArticleText, seen);
    if (sentence) sentences.push(sentence);
  }
  return sentences;
}

/**
 * One sentence span scored, or null when it is not article text; `seen` counts repeats for the
 * ids (pass the same map for every span of a page, in order). Lets a caller score in slices.
 */
export function scoreSpan(index: TextIndex, span: { start: number; end: number }, isArticleText: (node: Text) => boolean, seen: Map<string, number>): ScoredSentence | null {
  const first = index.nodes[nodeIndexAt(index, span.start)];
  const last = index.nodes[nodeIndexAt(index, span.end - 1)];
  if (!first || !last || !isArticleText(first) || !isArticleText(last)) return null;
  const text = index.text.slice(span.start, span.end);
  const key = normaliseForId(text);
  const occurrence = seen.get(key) ?? 0;
  seen.set(key, occurrence + 1);
  const { score, reasons } = scoreSentence(text);
  return { id: claimId(text, occurrence), text, start: span.start, end: span.end, score, reasons, selector: selectorFor(index.text, span.start, span.end) };
}

/** The sentences at or over the threshold: the page's detected claims, in reading order. */
export function detectClaims(index: TextIndex, isArticleText: (node: Text) => boolean, threshold: number): ScoredSentence[] {
  return scoreArticleSentences(index, isArticleText).filter((sentence) => sentence.score >= threshold);
}
