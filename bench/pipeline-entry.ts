// The claim pipeline, timed stage by stage, bundled by bench/run.mjs for Node and for the page.
import { Readability } from '@mozilla/readability';
import { scanPage } from '../src/core/scan/page-scan';
import { findArticle } from '../src/core/article/find-article';
import { articleLanguage } from '../src/core/article/page-language';
import { scoreSentence } from '../src/core/claims/score';
import { detectClaims } from '../src/core/claims/detect';
import { DEFAULT_THRESHOLD } from '../src/core/claims/score';
import { buildTextIndex } from '../src/core/text/text-index';
import { segmentSentences } from '../src/core/text/segment';

/** Milliseconds spent in each stage on one document. */
export interface StageTimes {
  bodyMs: number;
  segmentMs: number;
  scoreMs: number;
  totalMs: number;
  sentences: number;
  claims: number;
}

/** Runs the extension's pipeline once on a document and times each stage. */
export function timePipeline(doc: Document): StageTimes {
  const t0 = performance.now();
  const article = findArticle(doc);
  const t1 = performance.now();
  if (!article) return { bodyMs: t1 - t0, segmentMs: 0, scoreMs: 0, totalMs: t1 - t0, sentences: 0, claims: 0 };
  const index = buildTextIndex(article.root);
  const spans = segmentSentences(index.text, index.blockBreaks);
  const t2 = performance.now();
  for (const span of spans) scoreSentence(index.text.slice(span.start, span.end));
  const t3 = performance.now();
  const claims = detectClaims(index, article.isArticleText, DEFAULT_THRESHOLD, article.isCaption).length;
  return { bodyMs: t1 - t0, segmentMs: t2 - t1, scoreMs: t3 - t2, totalMs: t3 - t0, sentences: spans.length, claims };
}

/** The whole pipeline as the content script runs it (body, text, sentences, scores, claims). */
export function runPipeline(doc: Document): number {
  const article = findArticle(doc);
  if (!article) return 0;
  return detectClaims(buildTextIndex(article.root), article.isArticleText, DEFAULT_THRESHOLD, article.isCaption).length;
}

/** Factmark's whole scan as the content script runs it: body, language, sentences and scores. */
export function scanWhole(doc: Document): number {
  return scanPage(doc, doc.location?.href ?? 'http://127.0.0.1/').sentences.length;
}

/** The body stage alone: article, its text and its language (no sentences, no scores). */
export function bodyStage(doc: Document): number {
  const article = findArticle(doc);
  if (!article) return 0;
  const index = buildTextIndex(article.root);
  return articleLanguage(doc, index, article.isArticleText).confidence;
}

/** Readability.js parse() on a clone of the page, as it must run to leave the page untouched. */
export function readabilityOnClone(doc: Document): number {
  const clone = doc.cloneNode(true) as Document;
  return new Readability(clone).parse()?.length ?? 0;
}

/** A bare TreeWalker pass over every text node of the body: the floor any scan must pay. */
export function walkText(doc: Document): number {
  const walker = doc.createTreeWalker(doc.body, 0x4);
  let chars = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) chars += (node as Text).data.length;
  return chars;
}

/** Scores many sentences; returns how many. */
export function scoreAll(texts: readonly string[]): number {
  let sum = 0;
  for (const text of texts) sum += scoreSentence(text).score;
  return sum >= 0 ? texts.length : 0;
}
