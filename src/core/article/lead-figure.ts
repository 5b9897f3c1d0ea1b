import { PHRASING_TAGS } from './clutter';

/** How many levels above the body's root a lead figure may sit (its parent, grandparent, ...). */
const MAX_LEVELS = 3;
/** A story has one lead picture, seldom two; more figures before the body are a gallery or teasers. */
const MAX_FIGURES = 2;

/** True when an element is, or lies inside, one of the elements set aside as hidden or unlikely. */
function isExcluded(element: Element, excluded: Set<Element>, stop: Element): boolean {
  for (let node: Element | null = element; node && node !== stop; node = node.parentElement) {
    if (excluded.has(node)) return true;
  }
  return false;
}

/** The figure a sibling of the body stands for: the sibling itself, or the single figure inside it. */
function figureOf(sibling: Element): Element | null {
  if (sibling.localName === 'figure') return sibling;
  const inside = sibling.querySelectorAll('figure');
  return inside.length === 1 ? (inside[0] ?? null) : null;
}

/**
 * The text blocks of the captions of the story's lead pictures: a <figure> with an image and a
 * <figcaption> placed before the body inside the same <article>. News templates often put the
 * lead photo outside the body's container (between the headline and the text), so the body
 * search never reaches it; yet its caption is the story's own statement (recycled and
 * miscaptioned photos are common false claims). Figures before the body elsewhere on the page
 * (no shared <article>) are left alone: they may belong to other stories.
 */
export function leadCaptionBlocks(root: Element, excluded: Set<Element>): Element[] {
  const story = root.closest('article');
  if (!story) return [];
  const blocks: Element[] = [];
  let figures = 0;
  let element: Element = root;
  for (let level = 0; level < MAX_LEVELS && element !== story; level++) {
    for (let sibling = element.previousElementSibling; sibling && figures < MAX_FIGURES; sibling = sibling.previousElementSibling) {
      const figure = figureOf(sibling);
      const caption = figure?.querySelector('figcaption');
      if (!figure || !caption || !figure.querySelector('img, picture, video, svg')) continue;
      if (isExcluded(caption, excluded, story)) continue;
      figures++;
      blocks.push(caption);
      // A caption written as paragraphs: each block inside holds its own text.
      for (const inner of caption.querySelectorAll('*')) if (!PHRASING_TAGS.has(inner.localName)) blocks.push(inner);
    }
    if (!element.parentElement) break;
    element = element.parentElement;
  }
  return blocks;
}
