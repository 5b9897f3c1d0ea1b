// Highlighting and re-anchoring, timed in the page by bench/run.mjs (issue 4's benchmarks).
import Mark from 'mark.js';
import search from 'approx-string-match';
import { highlightClaimsInSlices } from '../src/content/highlight-slices';
import { clearHighlights, highlightClaims, highlightClaimsInOnePass } from '../src/content/highlighter';
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

/** What `highlightBench` measured (ms). */
export interface HighlightBenchResult {
  claims: number;
  /** All groups in one synchronous pass (`highlightClaims`). */
  batchMs: number;
  /** The old way: one markRanges call over the whole page. */
  onePassMs: number;
  /** Baseline: mark.js mark() once per claim. */
  perClaimMs: number;
  /** The content script's way: `highlightClaimsInSlices`, wall time from start to the last slice. */
  slicedMs: number;
  slices: number;
  /** The first slice indexes the page text and groups the ranges before it marks anything. */
  firstSliceMs: number;
  longestSliceMs: number;
  /** Long tasks (over 50 ms) seen by a PerformanceObserver during the sliced run; null when the browser reports none at all. */
  longTasks: number | null;
  longestTaskMs: number;
  /** The three drawings produced the same DOM. */
  identical: boolean;
}

/** One macrotask later. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Placing `count` highlights: grouped by container in one pass, as one markRanges pass, and
 * with mark.js mark() once per claim; then in slices, timing each slice and watching long tasks.
 */
export async function highlightBench(count: number): Promise<HighlightBenchResult> {
  const root = document.body;
  const claims = sentenceClaims(root, count);
  let t0 = performance.now();
  highlightClaims(root, claims);
  const batchMs = performance.now() - t0;
  const grouped = root.innerHTML;
  clearHighlights(root);
  t0 = performance.now();
  highlightClaimsInOnePass(root, claims);
  const onePassMs = performance.now() - t0;
  const onePass = root.innerHTML;
  clearHighlights(root);
  t0 = performance.now();
  for (const claim of claims) new Mark(root).mark(claim.text, { separateWordSearch: false, acrossElements: true, className: 'bench-mark' });
  const perClaimMs = performance.now() - t0;
  new Mark(root).unmark({ className: 'bench-mark' });

  // The sliced run starts in a task of its own, with the observer already registered, so the
  // long tasks above are not counted.
  const durations: number[] = [];
  const watching = PerformanceObserver.supportedEntryTypes?.includes('longtask') ?? false;
  const observer = watching ? new PerformanceObserver((list) => list.getEntries().forEach((entry) => durations.push(entry.duration))) : null;
  await nextTask();
  observer?.observe({ type: 'longtask' });
  await nextTask();
  const slices: number[] = [];
  t0 = performance.now();
  await highlightClaimsInSlices(root, claims, 'both', {
    runSlice: (slice) => {
      const began = performance.now();
      slice();
      slices.push(performance.now() - began);
    },
  });
  const slicedMs = performance.now() - t0;
  // Long-task entries are queued after their task ends: give them time to arrive.
  await new Promise((resolve) => setTimeout(resolve, 200));
  observer?.takeRecords().forEach((entry) => durations.push(entry.duration));
  observer?.disconnect();
  const identical = root.innerHTML === grouped && grouped === onePass;
  clearHighlights(root);
  return { claims: claims.length, batchMs, onePassMs, perClaimMs, slicedMs, slices: slices.length, firstSliceMs: slices[0] ?? 0, longestSliceMs: Math.max(0, ...slices), longTasks: watching ? durations.length : null, longestTaskMs: Math.max(0, ...durations), identical };
}

/** Re-anchoring edited quotes (taken from text before `quotesBefore`, the real articles): Factmark's anchorer versus approx-string-match over the whole text per quote. */
export function anchorBench(text: string, count: number, quotesBefore = text.length): { chars: number; annotations: number; ourMs: number; firstMs: number; ourCorrect: number; baselineMs: number; baselineCorrect: number } {
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
  // Each run builds a fresh anchorer (word index included), as a page visit does. The first run
  // also pays for compiling the code; the figure compared is the median of the next five.
  let t0 = performance.now();
  let anchors = anchorAll(edited, selectors);
  const firstMs = performance.now() - t0;
  const runs: number[] = [];
  for (let run = 0; run < 5; run++) {
    t0 = performance.now();
    anchors = anchorAll(edited, selectors);
    runs.push(performance.now() - t0);
  }
  const ourMs = runs.sort((a, b) => a - b)[2] as number;
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
  return { chars: edited.length, annotations: selectors.length, ourMs, firstMs, ourCorrect, baselineMs, baselineCorrect };
}
