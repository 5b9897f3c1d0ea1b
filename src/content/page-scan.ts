import { findArticle, type ArticleBody } from '../core/article/find-article';
import { scoreArticleSentences, type ScoredSentence } from '../core/claims/detect';
import { buildTextIndex } from '../core/text/text-index';
import { canonicalKey } from '../core/url';

/** The result of scanning the page once: its key, article and scored sentences. */
export interface PageScan {
  key: string;
  url: string;
  title: string;
  article: ArticleBody | null;
  text: string;
  sentences: ScoredSentence[];
}

/** Finds the article, builds its body text and scores every sentence. */
export function scanPage(doc: Document, url: string): PageScan {
  const canonical = doc.querySelector('link[rel~="canonical"]')?.getAttribute('href') ?? null;
  const key = canonicalKey(url, canonical);
  const article = findArticle(doc);
  if (!article) return { key, url, title: doc.title, article: null, text: '', sentences: [] };
  const index = buildTextIndex(article.root);
  return { key, url, title: doc.title || article.title, article, text: index.text, sentences: scoreArticleSentences(index, article.isArticleText, article.isCaption) };
}
