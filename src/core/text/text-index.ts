/**
 * The body text that selectors index: the data of every Text node under a root, in document
 * order, except text inside the skipped elements below. It is computed from the DOM alone
 * (no layout), so the content script and the command line (jsdom) produce identical text.
 */

import { runToEnd } from '../steps';

/** Elements whose text never counts: code, hidden content, form fields, a stray <title> in the body (mark.js never reads it) and Factmark's own UI. */
export const SKIPPED_SELECTORS = ['script', 'style', 'noscript', 'template', 'title', 'textarea', 'select', 'svg', '[hidden]', '[aria-hidden="true"]', '[data-factmark-ui]'];

/** The same list as one selector. */
export const SKIPPED_SELECTOR = SKIPPED_SELECTORS.join(', ');

/** Tags that start a new block: a sentence never runs across their boundary. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN',
  'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TD', 'TH', 'TR', 'UL', 'BR', 'IMG', 'VIDEO', 'IFRAME',
]);

/** The body text of a root with the Text nodes it came from. */
export interface TextIndex {
  root: Element;
  text: string;
  nodes: Text[];
  /** starts[i] is the offset of nodes[i] in text. */
  starts: number[];
  /** Ascending offsets where a block boundary falls. */
  blockBreaks: number[];
}

/** True when the element is one whose text the index skips. */
export function isSkippedElement(element: Element): boolean {
  return element.matches(SKIPPED_SELECTOR);
}

/** Walks the root once and builds its body text. */
export function buildTextIndex(root: Element): TextIndex {
  return runToEnd(textIndexSteps(root));
}

/** Nodes walked between two pauses of `textIndexSteps`. */
const NODES_PER_STEP = 512;

/**
 * `buildTextIndex` as a resumable computation: it pauses (yields) every few hundred nodes, so a
 * huge article can be indexed in short tasks; run to its end it gives the same index.
 */
export function* textIndexSteps(root: Element): Generator<void, TextIndex> {
  const doc = root.ownerDocument;
  const nodes: Text[] = [];
  const starts: number[] = [];
  const blockBreaks: number[] = [];
  const parts: string[] = [];
  let length = 0;
  const addBreak = () => {
    if (length > 0 && blockBreaks[blockBreaks.length - 1] !== length) blockBreaks.push(length);
  };
  // SHOW_ELEMENT | SHOW_TEXT; rejecting a skipped element skips its whole subtree.
  const walker = doc.createTreeWalker(root, 0x1 | 0x4, {
    acceptNode: (node) => (node.nodeType === 1 && isSkippedElement(node as Element) ? 2 : 1),
  });
  let lastBlock: Element | null = null;
  let walked = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (++walked % NODES_PER_STEP === 0) yield;
    if (node.nodeType === 1) {
      if (BLOCK_TAGS.has((node as Element).tagName.toUpperCase())) addBreak();
      continue;
    }
    const textNode = node as Text;
    const data = textNode.data;
    if (data.length === 0) continue;
    const block = blockOf(textNode, root);
    if (block !== lastBlock) addBreak();
    lastBlock = block;
    nodes.push(textNode);
    starts.push(length);
    parts.push(data);
    length += data.length;
  }
  return { root, text: parts.join(''), nodes, starts, blockBreaks };
}

function blockOf(node: Node, root: Element): Element {
  let element = node.parentElement;
  while (element && element !== root && !BLOCK_TAGS.has(element.tagName.toUpperCase())) element = element.parentElement;
  return element ?? root;
}

/** Index in `nodes` of the Text node holding `offset` (the last node starting at or before it). */
export function nodeIndexAt(index: TextIndex, offset: number): number {
  let low = 0;
  let high = index.starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((index.starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** A DOM Range covering text[start, end), or null when the index is empty. */
export function rangeFor(index: TextIndex, start: number, end: number): Range | null {
  if (index.nodes.length === 0) return null;
  const first = nodeIndexAt(index, start);
  const last = nodeIndexAt(index, Math.max(start, end - 1));
  const range = index.root.ownerDocument.createRange();
  const startNode = index.nodes[first] as Text;
  const endNode = index.nodes[last] as Text;
  range.setStart(startNode, Math.min(start - (index.starts[first] ?? 0), startNode.length));
  range.setEnd(endNode, Math.min(end - (index.starts[last] ?? 0), endNode.length));
  return range;
}

/** The body-text offset of a DOM point, or null when the point is outside the indexed text. */
export function offsetOf(index: TextIndex, container: Node, offset: number): number | null {
  if (container.nodeType === 3) {
    const i = index.nodes.indexOf(container as Text);
    return i < 0 ? null : (index.starts[i] ?? 0) + offset;
  }
  // An element point: the offset of the first indexed text at or after that child.
  const child = container.childNodes[offset] ?? null;
  for (let i = 0; i < index.nodes.length; i++) {
    const node = index.nodes[i] as Text;
    const position = child ? child.compareDocumentPosition(node) : container.compareDocumentPosition(node);
    const after = child ? child === node || (position & 0x4) !== 0 || (position & 0x10) !== 0 : (position & 0x4) !== 0 && (position & 0x10) === 0;
    if (after) return index.starts[i] ?? 0;
  }
  return index.text.length;
}
