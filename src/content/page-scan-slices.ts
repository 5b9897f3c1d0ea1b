/**
 * The page scan (page-scan.ts) in short tasks, so a huge article never blocks the page: after
 * the article and its text index, sentences are segmented a run of blocks at a time and scored a
 * batch at a time, yielding to the page between slices. Gives the same scan as `scanPage`.
 */
import { findArticleSteps, type ArticleBody } from '../core/article/find-article';
import { prepareSpan, scorePrepared, type PreparedSentence, type ScoredSentence, type SentenceScore } from '../core/claims/detect';
import { SentenceRepeats } from '../core/claims/repeats';
import { segmentSentences, type Span } from '../core/text/segment';
import { textIndexSteps, type TextIndex } from '../core/text/text-index';
import { runInSlices, yieldToPage } from './highlight-slices';
import { noArticleScan, pageKey, planScan, type PageScan } from '../core/scan/page-scan';

/** Characters of body text segmented per slice, cut at block boundaries. */
const SEGMENT_CHUNK = 20_000;

/**
 * Sentence spans of the text, chunk by chunk: sentences never cross a block boundary, so
 * segmenting runs of whole blocks separately gives the spans of the whole text (tested against
 * `segmentSentences` on the corpus).
 */
export function* segmentInChunks(text: string, blockBreaks: readonly number[], chunk = SEGMENT_CHUNK): Generator<Span[]> {
  let from = 0;
  let b = 0;
  while (from < text.length) {
    let to = text.length;
    const inside: number[] = [];
    for (; b < blockBreaks.length; b++) {
      const at = blockBreaks[b] as number;
      if (at <= from) continue;
      if (at - from >= chunk) {
        to = at;
        break;
      }
      inside.push(at - from);
    }
    yield segmentSentences(text.slice(from, to), inside).map((span) => ({ start: span.start + from, end: span.end + from }));
    from = to;
  }
}

/**
 * Scoring the sentences near the reader first: worth it only on very large bodies (a long
 * article of 50,000 characters is scored whole in well under a second of slices).
 */
export const NEAR_FIRST_CHARS = 200_000;

/** How a sliced scan of a very large body scores the sentences near the reader first. */
export interface NearFirst {
  /** The body-text range to score first, read from the page's layout (null: none). */
  range(index: TextIndex): { start: number; end: number } | null;
  /** Receives the scan of the sentences in that range alone (ids and scores as in the whole scan), before the rest is scored. */
  ready(partial: PageScan): void;
}

/**
 * Scans the page like `scanPage`, yielding to the page between slices of about `budgetMs`. On a
 * body over NEAR_FIRST_CHARS, `nearFirst` gets the sentences in its range first: every sentence
 * up to the end of that range is still found and named in document order (ids count repeats),
 * but only those in the range are scored before `ready` is called; the others follow.
 */
export async function scanPageInSlices(doc: Document, url: string, yieldBetween: () => Promise<void> = yieldToPage, budgetMs = 8, nearFirst?: NearFirst): Promise<PageScan> {
  const key = pageKey(doc, url);
  // Finding the article (one pass over the live page) and its text index (one walk of the
  // article) pause every few hundred nodes, so a huge page is walked in many short tasks.
  const article = await runInSlices(findArticleSteps(doc), yieldBetween, budgetMs);
  if (!article) return noArticleScan(doc, key, url);
  await yieldBetween();
  const index: TextIndex = await runInSlices(textIndexSteps(article.root), yieldBetween, budgetMs);
  await yieldBetween();
  const title = doc.title || article.title;
  const { language, notice, model } = planScan(doc, url, article, index);
  await yieldBetween();
  // Not an article, or a language without a claim model: the article stays for claims added by hand.
  if (!model) return { key, url, title, article, text: index.text, sentences: [], language, notice, index };
  const scanOf = (sentences: ScoredSentence[]): PageScan => ({ key, url, title, article, text: index.text, sentences, language, notice, index });
  const near = nearFirst && index.text.length > NEAR_FIRST_CHARS ? nearFirst.range(index) : null;
  const ready = (partial: ScoredSentence[]) => nearFirst?.ready(scanOf(partial));
  return scanOf(await runInSlices(scoreSteps(index, article, model, near, ready), yieldBetween, budgetMs));
}

/**
 * Segments and scores the body's sentences, pausing before each one. With a `near` range, every
 * sentence up to its end is named in document order but only those reaching into it are scored
 * before `ready` gets them; the rest are scored after.
 */
function* scoreSteps(index: TextIndex, article: ArticleBody, model: SentenceScore, near: { start: number; end: number } | null, ready: (partial: ScoredSentence[]) => void): Generator<void, ScoredSentence[]> {
  let nearSent = near === null;
  const seen = new SentenceRepeats(index.text);
  // Only sentences waiting to be scored stay here: a scored one is dropped, so the scan does not
  // hold two objects per sentence of a huge page.
  const prepared: Array<PreparedSentence | undefined> = [];
  const scored: Array<ScoredSentence | undefined> = [];
  const sendNear = () => {
    nearSent = true;
    ready(scored.filter((sentence): sentence is ScoredSentence => sentence !== undefined));
  };
  for (const spans of segmentInChunks(index.text, index.blockBreaks)) {
    for (const span of spans) {
      yield;
      const sentence = prepareSpan(index, span, article.isArticleText, seen, article.isCaption);
      if (!sentence) continue;
      const at = scored.push(undefined) - 1;
      if (!nearSent && near && sentence.start >= near.end) sendNear();
      // Before the near range is sent, sentences ahead of it are only named; they are scored below.
      if (nearSent || (near && sentence.end > near.start)) scored[at] = scorePrepared(sentence, model);
      else prepared[at] = sentence;
    }
  }
  if (!nearSent) sendNear();
  for (let at = 0; at < prepared.length; at++) {
    const sentence = prepared[at];
    if (!sentence) continue;
    yield;
    scored[at] = scorePrepared(sentence, model);
    prepared[at] = undefined;
  }
  return scored as ScoredSentence[];
}
