/**
 * How long a page's text and its article's text are (their `textContent.length`), found without
 * building either text: on a 10 MB article each `textContent` read makes a 10 MB string in one
 * task of about 40 ms, and the garbage it leaves costs pauses later. The walk reads each Text
 * node's length and pauses every few hundred nodes, so the content script spreads it over short
 * tasks (see core/steps.ts).
 */

/** `textContent.length` of a page (outer) and of its article (inner). */
export interface TextLengths {
  outer: number;
  inner: number;
}

/** Text nodes counted between two pauses of `textLengthsSteps`. */
const NODES_PER_STEP = 1024;

/** SHOW_TEXT | SHOW_CDATA_SECTION: the nodes whose data `textContent` joins. */
const TEXT_NODES = 0x4 | 0x8;

/**
 * The `textContent` lengths of `outer` and `inner` (0 for null), in one walk when `inner` is inside
 * `outer` (the article in the page's body), else in two. Pauses (yields) every few hundred nodes.
 */
export function* textLengthsSteps(outer: Node | null, inner: Node | null): Generator<void, TextLengths> {
  if (!outer || !inner || !outer.contains(inner)) {
    const page = yield* lengthSteps(outer, null);
    const article = yield* lengthSteps(inner, null);
    return { outer: page.total, inner: article.total };
  }
  const { total, inside } = yield* lengthSteps(outer, inner);
  return { outer: total, inner: inside };
}

/** Counts the text under `root`, and the part of it under `inner` (the article's text nodes come in one run). */
function* lengthSteps(root: Node | null, inner: Node | null): Generator<void, { total: number; inside: number }> {
  let total = 0;
  let inside = 0;
  if (!root) return { total, inside };
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
  if (!doc) return { total, inside };
  // Where the walk is relative to `inner`: before its text, in it, or past it (no more tests).
  let phase: 'before' | 'in' | 'after' = inner ? 'before' : 'after';
  const walker = doc.createTreeWalker(root, TEXT_NODES);
  let counted = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (++counted % NODES_PER_STEP === 0) yield;
    const length = (node as CharacterData).length;
    total += length;
    if (phase === 'after' || !inner) continue;
    const within = inner.contains(node);
    if (within) {
      phase = 'in';
      inside += length;
    } else if (phase === 'in') phase = 'after';
  }
  return { total, inside };
}
