/**
 * Splits one markRanges job over a whole article into small jobs, one per container element.
 * mark.js 8.11's markRanges costs O(ranges × text nodes of its context), because every range
 * walks and re-offsets the full node list; marking each paragraph's ranges inside that paragraph
 * alone makes the whole pass roughly linear, and gives natural points to pause between groups.
 */
import { runToEnd } from '../core/steps';
import { nodeIndexAt, type TextIndex } from '../core/text/text-index';

/** A range of body text, as mark.js takes it. */
export interface TextRange {
  start: number;
  length: number;
}

/** Ranges that lie wholly inside one container element, with that container's place in the body text. */
export interface RangeGroup<R extends TextRange> {
  container: Element;
  /** Body-text offset of the container's first indexed text: mark.js counts the container's text from there. */
  offset: number;
  /** The ranges, in body-text coordinates, in order. */
  ranges: R[];
  /** Indexed text inside the container that mark.js never reads (see `groupRanges`); almost always empty. */
  unread: TextRange[];
}

/** Elements whose own text mark.js always skips, whatever its exclude option says. */
const MARKJS_UNREAD = new Set(['title', 'head', 'html']);

/**
 * Groups sorted, non-overlapping ranges by the lowest element holding both ends of each: one
 * group per container, ranges in text order, groups in the order of their first range. Everything
 * is computed from the index before any marking, since marking splits the indexed Text nodes.
 *
 * Groups whose containers nest are deliberately not merged: marking never changes the text under
 * an element (it only splits Text nodes and wraps pieces), so an outer container's offset and
 * text stay valid after its inner groups are marked, and mark.js wraps each range by text
 * position alone, so the order of the calls does not change the result (the unit tests compare
 * against one pass). Merging would instead pull every claim of an article body into one
 * O(ranges × text nodes) call as soon as a single claim spans two paragraphs. Each group costs
 * one mark.js walk of its container, hence one group per container rather than per run of ranges.
 *
 * Inside a container mark.js reads the index's slice from `offset`: it keeps a Text node unless
 * its parent matches the exclude list (each skipped selector and its descendants, as the index
 * skips whole subtrees), and an empty Text node, which the index leaves out, adds no text. The one
 * difference is text directly inside <title>, <head> or <html>, which mark.js always skips and the
 * index keeps (a <title> can land in the body of malformed pages, e.g. the corpus page bbc-1);
 * such text is listed in `unread`, and `localRange` steps over it.
 */
export function groupRanges<R extends TextRange>(index: TextIndex, ranges: readonly R[]): Array<RangeGroup<R>> {
  return runToEnd(groupRangesSteps(index, ranges));
}

/** Ranges grouped between two pauses of `groupRangesSteps`. */
const RANGES_PER_STEP = 256;

/** `groupRanges` as a resumable computation, pausing every few hundred ranges (a 10 MB article has over 50,000). */
export function* groupRangesSteps<R extends TextRange>(index: TextIndex, ranges: readonly R[]): Generator<void, Array<RangeGroup<R>>> {
  const { nodes, text, root } = index;
  const unread = nodes.flatMap((node, i) => (MARKJS_UNREAD.has(node.parentElement?.localName ?? '') ? [{ start: index.starts[i] ?? 0, length: node.data.length }] : []));
  const groups = new Map<Element, RangeGroup<R>>();
  let grouped = 0;
  for (const range of ranges) {
    if (++grouped % RANGES_PER_STEP === 0) yield;
    // mark.js clips a range to its text and ignores one that starts past the end; clipping
    // here too keeps each range inside its container, where the text is shorter.
    const end = Math.min(range.start + range.length, text.length);
    if (range.start < 0 || end <= range.start || nodes.length === 0) continue;
    const clipped: R = end - range.start === range.length ? range : { ...range, length: end - range.start };
    const firstNode = nodeIndexAt(index, range.start);
    const container = commonElement(nodes[firstNode] as Text, nodes[nodeIndexAt(index, end - 1)] as Text, root);
    const group = groups.get(container);
    if (group) {
      group.ranges.push(clipped);
      continue;
    }
    const offset = index.starts[firstIndexedIn(index, container, firstNode)] ?? 0;
    groups.set(container, { container, offset, ranges: [clipped], unread: unread.length === 0 ? [] : unread.filter((span) => span.start >= offset && container.contains(nodes[nodeIndexAt(index, span.start)] as Text)) });
  }
  return [...groups.values()];
}

/** The first indexed Text node inside the container: its indexed nodes are consecutive, up to `known`. */
function firstIndexedIn(index: TextIndex, container: Element, known: number): number {
  let low = 0;
  let high = known;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (container.contains(index.nodes[mid] as Text)) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** A range in the container's own text, as mark.js counts it there (may come out empty, which mark.js skips). */
export function localRange<R extends TextRange>(group: RangeGroup<TextRange>, range: R): R {
  const local = (position: number) => {
    let shift = group.offset;
    for (const span of group.unread) shift += Math.min(Math.max(position - span.start, 0), span.length);
    return position - shift;
  };
  const start = local(range.start);
  return { ...range, start, length: local(range.start + range.length) - start };
}

/** The lowest element under (or equal to) root that contains both text nodes. */
function commonElement(a: Text, b: Text, root: Element): Element {
  const parent = a.parentElement ?? root;
  if (a === b || parent.contains(b)) return parent;
  const ancestors = new Set<Element>();
  for (let element: Element | null = parent; element && element !== root; element = element.parentElement) ancestors.add(element);
  for (let element = b.parentElement; element && element !== root; element = element.parentElement) if (ancestors.has(element)) return element;
  return root;
}
