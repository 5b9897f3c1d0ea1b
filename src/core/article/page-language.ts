import { detectLanguage, type LanguageGuess } from '../language/detect';
import type { TextIndex } from '../text/text-index';

const SAMPLE_CHARS = 3000;

/** The page's declared language: the root element's lang, else a Content-Language meta tag. */
export function declaredLanguage(doc: Document): string | null {
  return doc.documentElement?.getAttribute('lang') || doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content') || null;
}

/** The language of the article's own text (up to a sample's worth), the declared language as a hint. */
export function articleLanguage(doc: Document, index: TextIndex, isArticleText: (node: Text) => boolean): LanguageGuess {
  const parts: string[] = [];
  let length = 0;
  for (const node of index.nodes) {
    if (length >= SAMPLE_CHARS) break;
    if (!isArticleText(node)) continue;
    parts.push(node.data);
    length += node.data.length;
  }
  return detectLanguage(parts.join(' '), declaredLanguage(doc));
}
