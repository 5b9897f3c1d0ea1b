import { Readability } from '@mozilla/readability';

/** The article body found on a page. */
export interface ArticleBody {
  /** The lowest element holding all of the article's text: selectors index its body text. */
  root: Element;
  /** The article's title as Readability read it. */
  title: string;
  /** True when a Text node is part of the article proper (not clutter inside the root). */
  isArticleText(node: Text): boolean;
}

/** The attribute every Factmark highlight carries (the claim or annotation id). */
export const HIGHLIGHT_ATTRIBUTE = 'data-factmark-id';

const INDEX_ATTRIBUTE = 'data-factmark-index';
const INDEX_IN_HTML = /data-factmark-index="(\d+)"/g;

/** Elements inside the article whose text is not scanned for claims; see README "Article body". */
const NOT_SCANNED = 'figcaption, h1, h2, h3, h4, h5, h6, nav, aside, footer, form, button, [role="navigation"], [role="complementary"]';

/**
 * Finds the article body with Mozilla Readability. Readability works on a copy of the
 * document and returns HTML, so each element of the copy is numbered first; the numbers that
 * survive in Readability's output name the live elements that belong to the article.
 */
export function findArticle(doc: Document): ArticleBody | null {
  const body = doc.body;
  if (!body) return null;
  const liveElements = body.getElementsByTagName('*');
  const copy = doc.cloneNode(true) as Document;
  const copyBody = copy.body;
  if (!copyBody) return null;
  const copyElements = copyBody.getElementsByTagName('*');
  const count = Math.min(liveElements.length, copyElements.length);
  for (let i = 0; i < count; i++) copyElements[i]?.setAttribute(INDEX_ATTRIBUTE, String(i));
  const article = new Readability(copy, { charThreshold: 300 }).parse();
  if (!article?.content) return null;
  const kept = new Set<Element>();
  for (const match of article.content.matchAll(INDEX_IN_HTML)) {
    const element = liveElements[Number(match[1])];
    if (element) kept.add(element);
  }
  const textHolders = [...kept].filter((element) => hasOwnText(element));
  if (textHolders.length === 0) return null;
  const root = lowestCommonAncestor(textHolders);
  return {
    root,
    title: article.title ?? doc.title,
    isArticleText: (node: Text) => {
      let parent = node.parentElement;
      // Text already wrapped in a highlight belongs to the element around the highlight.
      while (parent?.hasAttribute(HIGHLIGHT_ATTRIBUTE)) parent = parent.parentElement;
      return parent !== null && kept.has(parent) && parent.closest(NOT_SCANNED) === null;
    },
  };
}

function hasOwnText(element: Element): boolean {
  for (const child of element.childNodes) {
    if (child.nodeType === 3 && (child.nodeValue ?? '').trim().length > 0) return true;
  }
  return false;
}

function lowestCommonAncestor(elements: Element[]): Element {
  const [first, ...rest] = elements as [Element, ...Element[]];
  let candidate: Element = first;
  for (const element of rest) {
    while (!candidate.contains(element)) {
      const parent = candidate.parentElement;
      if (!parent) return element.ownerDocument.body;
      candidate = parent;
    }
  }
  // A lone text holder such as one <p> is too narrow a root; its block parent is steadier.
  return candidate.tagName === 'P' && candidate.parentElement ? candidate.parentElement : candidate;
}
