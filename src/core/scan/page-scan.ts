import { findArticle, type ArticleBody } from '../article/find-article';
import { articleLanguage } from '../article/page-language';
import { notArticleReason } from '../article/page-kind';
import { scoreArticleSentences, type ScoredSentence, type SentenceScore } from '../claims/detect';
import { claimModelFor } from '../language/claim-models';
import type { LanguageGuess } from '../language/detect';
import type { PageNotice } from '../model/page-state';
import { buildTextIndex, type TextIndex } from '../text/text-index';
import { canonicalKey } from '../url';

/** The result of scanning the page once: its key, article, language and scored sentences. */
export interface PageScan {
  key: string;
  url: string;
  title: string;
  article: ArticleBody | null;
  text: string;
  sentences: ScoredSentence[];
  language: LanguageGuess | null;
  /** Why the page gets no automatic claims although it has text (another language, not an article). */
  notice: PageNotice | null;
  /** The article's text index, when the scan kept it (the sliced scan does, for drawing). */
  index?: TextIndex;
}

/** What decides whether a found article is scored, and with which model. */
export interface ScanPlan {
  language: LanguageGuess;
  notice: PageNotice | null;
  /** The language's claim model, or null when the page gets no automatic claims. */
  model: SentenceScore | null;
}

/** The page's storage key: its canonical URL when it declares one. */
export function pageKey(doc: Document, url: string): string {
  const canonical = doc.querySelector('link[rel~="canonical"]')?.getAttribute('href') ?? null;
  return canonicalKey(url, canonical);
}

/** The scan of a page where no article was found. */
export function noArticleScan(doc: Document, key: string, url: string): PageScan {
  return { key, url, title: doc.title, article: null, text: '', sentences: [], language: null, notice: null };
}

/** Tells the article's language and whether the page is an article, and picks the claim model. */
export function planScan(doc: Document, url: string, article: ArticleBody, index: TextIndex): ScanPlan {
  const reason = notArticleReason(doc, url, article.textLength);
  const language = articleLanguage(doc, index, article.isArticleText);
  // Too little text to tell and nothing declared: the default (English) model reads it, as before.
  const model = claimModelFor(language.source === 'none' ? 'en' : language.language);
  const notice: PageNotice | null = reason ? { kind: 'not-article', reason } : model ? null : { kind: 'language', language: language.language };
  return { language, notice, model: notice ? null : model };
}

/**
 * Finds the article, builds its body text, tells its language and scores every sentence with
 * that language's claim model. A page that is not an article, or in a language no model covers,
 * keeps its article (claims can still be added by hand) but gets no scored sentences.
 */
export function scanPage(doc: Document, url: string): PageScan {
  const key = pageKey(doc, url);
  const article = findArticle(doc);
  if (!article) return noArticleScan(doc, key, url);
  const index = buildTextIndex(article.root);
  const { language, notice, model } = planScan(doc, url, article, index);
  const sentences = model ? scoreArticleSentences(index, article.isArticleText, article.isCaption, model) : [];
  return { key, url, title: doc.title || article.title, article, text: index.text, sentences, language, notice };
}
