import type { PassageSelector } from '../model/selectors';

/** Where a stored selector attached in the current text, and how sure that is (0..1). */
export interface Anchor {
  start: number;
  end: number;
  confidence: number;
  method: 'position' | 'quote';
}

/** Length of the common suffix of a and b (how well the text before a match agrees with the prefix). */
function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** Length of the common prefix of a and b. */
function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Attaches a selector to `text`: first the stored position, verified against the quote; else
 * every exact occurrence of the quote, scored by how much of the stored context surrounds it
 * and by closeness to the stored position. Returns null (an orphan) when the quote is absent.
 */
export function anchorSelector(text: string, selector: PassageSelector): Anchor | null {
  const { exact, prefix, suffix } = selector.quote;
  const { start, end } = selector.position;
  if (exact.length === 0) return null;
  if (text.slice(start, end) === exact) return { start, end, confidence: 1, method: 'position' };
  let best: Anchor | null = null;
  let bestScore = -Infinity;
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    const before = text.slice(Math.max(0, at - prefix.length), at);
    const after = text.slice(at + exact.length, at + exact.length + suffix.length);
    const context = (commonSuffixLength(before, prefix) + commonPrefixLength(after, suffix)) / Math.max(1, prefix.length + suffix.length);
    const distance = Math.abs(at - start) / Math.max(1, text.length);
    const score = context - distance;
    if (score > bestScore) {
      bestScore = score;
      best = { start: at, end: at + exact.length, confidence: 0.8 + 0.2 * context, method: 'quote' };
    }
  }
  return best;
}
