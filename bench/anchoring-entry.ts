// Highlighting and re-anchoring, timed in the page by bench/run.mjs (issue 4's benchmarks).
import Mark from 'mark.js';
import search from 'approx-string-match';
import { highlightClaims, clearHighlights } from '../src/content/highlighter';
import { anchorAll } from '../src/core/anchoring/anchor';
import type { ClaimView } from '../src/core/model/page-state';
import { selectorFor, type PassageSelector } from '../src/core/model/selectors';
import { buildTextIndex } from '../src/core/text/text-index';
import { segmentSentences } from '../src/core/text/segment';

/** Up to `count` sentences of the body as claims, spread evenly. */
function sentenceClaims(root: Element, count: number): ClaimView[] {
  const index = buildTextIndex(root);
  const spans = segmentSentences(index.text, index.blockBreaks).filter((s) => s.end - s.start > 40);
  const step = Math.max(1, Math.floor(spans.length / count));
  return spans
    .filter((_, i) => i % step === 0)
    .slice(0, count)
    .map((s, i) => ({ id: `b${i}`, text: index.text.slice(s.start, s.end), score: 1, reasons: [], selector: selectorFor(index.text, s.start, s.end), anchored: true, annotation: null }));
}

/** Placing `count` highlights at once (one markRanges pass) versus mark.js mark() once per claim. */
export function highlightBench(count: number): { claims: number; batchMs: number; perClaimMs: number; longestTaskMs: number } {
  const root = document.body;
  const claims = sentenceClaims(root, count);
  let t0 = performance.now();
  highlightClaims(root, claims);
  const batchMs = performance.now() - t0;
  clearHighlights(root);
  t0 = performance.now();
  for (const claim of claims) new Mark(root).mark(claim.text, { separateWordSearch: false, acrossElements: true, className: 'bench-mark' });
  const perClaimMs = performance.now() - t0;
  new Mark(root).unmark({ className: 'bench-mark' });
  // Highlighting runs as one task today, so the longest task is the batch itself.
  return { claims: claims.length, batchMs, perClaimMs, longestTaskMs: batchMs };
}

/** Re-anchoring edited quotes (taken from text before `quotesBefore`, the real articles): Factmark's anchorer versus approx-string-match over the whole text per quote. */
export function anchorBench(text: string, count: number, quotesBefore = text.length): { chars: number; annotations: number; ourMs: number; ourCorrect: number; baselineMs: number; baselineCorrect: number } {
  // Quotes that occur once, so "correct" has one answer.
  const spans = segmentSentences(text).filter((s) => s.end <= quotesBefore && s.end - s.start > 60 && text.indexOf(text.slice(s.start, s.end)) === text.lastIndexOf(text.slice(s.start, s.end)));
  const step = Math.max(1, Math.floor(spans.length / count));
  const chosen = spans.filter((_, i) => i % step === 0).slice(0, count);
  const selectors: PassageSelector[] = chosen.map((s) => selectorFor(text, s.start, s.end));
  // The page changes: a paragraph is inserted at the top and one word in each quote is edited.
  const insert = 'An editor’s note was added at the top of this page after publication. ';
  let edited = insert + text;
  const truth: Array<[number, number]> = [];
  let shift = insert.length;
  let cursor = 0;
  const parts: string[] = [insert];
  for (const s of chosen) {
    const quote = text.slice(s.start, s.end);
    const at = quote.indexOf(' ', Math.floor(quote.length / 2));
    const changed = at > 0 ? `${quote.slice(0, at)} really${quote.slice(at)}` : quote;
    parts.push(text.slice(cursor, s.start), changed);
    truth.push([s.start + shift, s.start + shift + changed.length]);
    shift += changed.length - quote.length;
    cursor = s.end;
  }
  parts.push(text.slice(cursor));
  edited = parts.join('');
  const correct = (start: number, end: number, i: number) => {
    const [ts, te] = truth[i] as [number, number];
    return Math.min(end, te) - Math.max(start, ts) > 0.5 * (te - ts);
  };
  let t0 = performance.now();
  const anchors = anchorAll(edited, selectors);
  const ourMs = performance.now() - t0;
  const ourCorrect = anchors.filter((a, i) => a !== null && correct(a.start, a.end, i)).length;
  t0 = performance.now();
  let baselineCorrect = 0;
  selectors.forEach((selector, i) => {
    const exact = selector.quote.exact;
    const matches = search(edited, exact, Math.min(256, Math.floor(exact.length / 2)));
    const best = matches.sort((a, b) => a.errors - b.errors)[0];
    if (best && correct(best.start, best.end, i)) baselineCorrect++;
  });
  const baselineMs = performance.now() - t0;
  return { chars: edited.length, annotations: selectors.length, ourMs, ourCorrect, baselineMs, baselineCorrect };
}
