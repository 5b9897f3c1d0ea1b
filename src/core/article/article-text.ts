import { PHRASING_TAGS } from './clutter';
import type { Frame } from './frame';
import type { Choice } from './candidate-score';

/** The article's text holders: the blocks whose own text is article text, and how much text that is. */
export interface ArticleText {
  /** Blocks whose inline text (not that of nested blocks) is article text. */
  holders: Set<Element>;
  length: number;
}

/**
 * Collects the text holders of the chosen containers, leaving out what Readability's cleaning
 * would remove (linky or fishy containers, footers, asides, short share bars); inside data
 * tables nothing is cleaned. The top candidate itself is never cleaned away.
 */
export function collectArticleText(choice: Choice): ArticleText {
  const holders = new Set<Element>();
  let length = 0;
  const visit = (frame: Frame, inDataTable: boolean): void => {
    if (frame !== choice.top && !inDataTable && frame.removed) return;
    if (frame.ownText > 0) {
      holders.add(frame.element);
      length += frame.ownText;
    }
    const inTable = inDataTable || frame.dataTable;
    for (const child of frame.children) visit(child, inTable);
  };
  for (const container of choice.containers) visit(container, false);
  return { holders, length };
}

/**
 * True when a Text node's nearest block is an article text holder, walking up through inline
 * elements only; any excluded element on the way (a hidden span, a share label) rules it out.
 */
export function isHeldText(parent: Element | null, holders: Set<Element>, excluded: Set<Element>): boolean {
  return holderOf(parent, holders, excluded) !== null;
}

/** The text holder a Text node's parent belongs to (see isHeldText), or null. */
export function holderOf(parent: Element | null, holders: Set<Element>, excluded: Set<Element>): Element | null {
  for (let element = parent; element; element = element.parentElement) {
    if (excluded.has(element)) return null;
    if (holders.has(element)) return element;
    if (!PHRASING_TAGS.has(element.localName)) return null;
  }
  return null;
}

/** The lowest element holding all the given elements; a lone <p> gives way to its parent. */
export function lowestCommonAncestor(elements: Iterable<Element>): Element | null {
  let candidate: Element | null = null;
  for (const element of elements) {
    if (!candidate) {
      candidate = element;
      continue;
    }
    while (!candidate.contains(element)) {
      const parent: Element | null = candidate.parentElement;
      if (!parent) return element.ownerDocument.body;
      candidate = parent;
    }
  }
  // A lone text holder such as one <p> is too narrow a root; its block parent is steadier.
  return candidate && candidate.localName === 'p' && candidate.parentElement ? candidate.parentElement : candidate;
}
