import { CONTENT_WORD, UNLIKELY_WORD, wordFlags } from './clutter';

/** Paragraphs shorter than this say nothing about whether the page is an article. */
const MIN_PARAGRAPH = 140;
/** Readability's isProbablyReaderable threshold on the summed paragraph score. */
const MIN_SCORE = 20;

/**
 * A cheap signal that a page holds an article (Readability's isProbablyReaderable, on
 * attributes and text only): enough long paragraphs outside furniture. Costs one selector
 * query and a textContent read per paragraph; use it to skip the scan on index pages.
 */
export function looksLikeArticle(doc: Document): boolean {
  let score = 0;
  for (const node of doc.querySelectorAll('p, pre, article')) {
    if (node.closest('[hidden], [aria-hidden="true"], li')) continue;
    const words = `${node.getAttribute('class') ?? ''} ${node.getAttribute('id') ?? ''}`;
    const flags = wordFlags(words);
    if (flags & UNLIKELY_WORD && !(flags & CONTENT_WORD)) continue;
    const length = (node.textContent ?? '').trim().length;
    if (length < MIN_PARAGRAPH) continue;
    score += Math.sqrt(length - MIN_PARAGRAPH);
    if (score > MIN_SCORE) return true;
  }
  return false;
}
