/**
 * Factmark's own highlight elements, known by identity: a page can copy every attribute of a
 * highlight (`<mark class="factmark-highlight" data-markjs data-factmark-id="...">`), but it
 * cannot put its element into this set, which lives in the content script's world. The
 * attributes stay on real highlights for styling and automation (README "Automation"); they are
 * never how Factmark recognises its own.
 */
const OWN = new WeakSet<Element>();

/** Records an element as one of Factmark's highlights (called as mark.js creates each one). */
export function adoptMark(element: Element): void {
  OWN.add(element);
}

/** True for an element Factmark drew. */
export function isOwnMark(element: Element | null | undefined): element is HTMLElement {
  return element != null && OWN.has(element);
}

/** Factmark's highlights under a root, in document order. */
export function ownMarksUnder(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll('mark')].filter(isOwnMark);
}

/** The highlight an event target is in (the nearest of Factmark's own marks around it), or null. */
export function ownMarkAround(target: EventTarget | null): HTMLElement | null {
  for (let node = target instanceof Node ? (target.nodeType === 1 ? (target as Element) : target.parentElement) : null; node; node = node.parentElement) if (isOwnMark(node)) return node;
  return null;
}
