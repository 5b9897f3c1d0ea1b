/**
 * Where the reader is looking, in body-text offsets: the text from a screen above the viewport to
 * a screen below it. Found by binary search over the indexed Text nodes, which read top to bottom
 * on article pages; a layout where they do not (columns, floats) only makes the guess worse,
 * never the scan: the range decides what is scored first, not what is scored.
 */
import type { TextIndex } from '../core/text/text-index';

/** Screens above and below the viewport that count as near. */
const SCREENS_AROUND = 1;
/** At most this many characters are scored ahead of the rest. */
const MAX_NEAR_CHARS = 30_000;
/** At least this many characters, so a viewport over a picture still gets the text around it first. */
const MIN_NEAR_CHARS = 3_000;

/** The body-text range around the viewport, or null when the page has no layout (a hidden tab, no text). */
export function nearViewportRange(index: TextIndex, view: Window = window): { start: number; end: number } | null {
  const height = view.innerHeight;
  const count = index.nodes.length;
  if (!(height > 0) || count === 0) return null;
  const range = index.root.ownerDocument.createRange();
  const boxOf = (at: number): DOMRect => {
    range.selectNodeContents(index.nodes[at] as Text);
    return range.getBoundingClientRect();
  };
  const top = -SCREENS_AROUND * height;
  const bottom = (1 + SCREENS_AROUND) * height;
  // The first node that ends below the top of the near band, then the first that starts below its bottom.
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (boxOf(mid).bottom < top) low = mid + 1;
    else high = mid;
  }
  const first = low;
  high = count;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (boxOf(mid).top <= bottom) low = mid + 1;
    else high = mid;
  }
  const start = index.starts[first] ?? 0;
  const end = low < count ? (index.starts[low] ?? index.text.length) : index.text.length;
  return { start, end: Math.min(index.text.length, Math.max(start + MIN_NEAR_CHARS, Math.min(end, start + MAX_NEAR_CHARS))) };
}
