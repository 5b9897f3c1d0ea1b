/**
 * The page scan (page-scan.ts) in short tasks, so a huge article never blocks the page: after
 * the article and its text index, sentences are segmented a run of blocks at a time and scored a
 * batch at a time, yielding to the page between slices. Gives the same scan as `scanPage`.
 */
import { findArticleSteps } from '../core/article/find-article';
import { scoreSpan, type ScoredSentence } from '../core/claims/detect';
import { segmentSentences, type Span } from '../core/text/segment';
import { textIndexSteps, type TextIndex } from '../core/text/text-index';
import { canonicalKey } from '../core/url';
import { yieldToPage } from './highlight-slices';
import { planScan, type PageScan } from './page-scan';

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

/** Runs a resumable computation to its end, yielding to the page once a slice has used `budgetMs`. */
export async function runInSlices<T>(steps: Generator<void, T>, yieldBetween: () => Promise<void>, budgetMs: number): Promise<T> {
  let began = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - began >= budgetMs) {
      await yieldBetween();
      began = performance.now();
    }
  }
}

/** Scans the page like `scanPage`, yielding to the page between slices of about `budgetMs`. */
export async function scanPageInSlices(doc: Document, url: string, yieldBetween: () => Promise<void> = yieldToPage, budgetMs = 8): Promise<PageScan> {
  const canonical = doc.querySelector('link[rel~="canonical"]')?.getAttribute('href') ?? null;
  const key = canonicalKey(url, canonical);
  // Finding the article (one pass over the live page) and its text index (one walk of the
  // article) pause every few hundred nodes, so a huge page is walked in many short tasks.
  const article = await runInSlices(findArticleSteps(doc), yieldBetween, budgetMs);
  if (!article) return { key, url, title: doc.title, article: null, text: '', sentences: [], language: null, notice: null };
  await yieldBetween();
  const index: TextIndex = await runInSlices(textIndexSteps(article.root), yieldBetween, budgetMs);
  const title = doc.title || article.title;
  const { language, notice, model } = planScan(doc, url, article, index);
  // Not an article, or a language without a claim model: the article stays for claims added by hand.
  if (!model) return { key, url, title, article, text: index.text, sentences: [], language, notice, index };
  const sentences: ScoredSentence[] = [];
  const seen = new Map<string, number>();
  let began = performance.now();
  for (const spans of segmentInChunks(index.text, index.blockBreaks)) {
    for (const span of spans) {
      if (performance.now() - began >= budgetMs) {
        await yieldBetween();
        began = performance.now();
      }
      const sentence = scoreSpan(index, span, article.isArticleText, seen, article.isCaption, model);
      if (sentence) sentences.push(sentence);
    }
  }
  return { key, url, title, article, text: index.text, sentences, language, notice, index };
}
