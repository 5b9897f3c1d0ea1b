/**
 * Highlighting in short tasks: the groups of `planHighlights` are marked a few at a time, with a
 * yield to the event loop whenever a slice has used its budget, so a long article never blocks
 * input or rendering for more than a few milliseconds per task.
 */
import type { ClaimView } from '../core/model/page-state';
import type { HighlightStyle } from '../core/model/settings';
import type { RangeGroup } from './highlight-groups';
import { clearHighlights, highlightOptions, markGroup, planHighlights, type MarkRange } from './highlighter';

/** How a sliced drawing ended: all drawn, stopped by its signal, or stopped because the page changed under it. */
export type SliceOutcome = 'done' | 'cancelled' | 'stale';

/** Options of `highlightClaimsInSlices`. */
export interface SliceOptions {
  /** Milliseconds of work per slice before yielding (default 8). */
  budgetMs?: number;
  /** Aborting it stops the drawing before its next slice. */
  signal?: AbortSignal;
  /** Runs one slice's DOM changes, e.g. with the page observer paused (default: just runs it). */
  runSlice?: (slice: () => void) => void;
  /** Removes existing highlights first, in the first slice. */
  clearFirst?: boolean;
  /** Lets the page run between slices (default: `yieldToPage`). */
  yieldBetween?: () => Promise<void>;
  /** Clock for the budget (default: performance.now). */
  now?: () => number;
}

/**
 * A piece of work: one group, and its container's text length when planned. A group is the
 * smallest unit: splitting its ranges over several markRanges calls would repeat mark.js's walk
 * of the container's text nodes, which costs more than the ranges themselves.
 */
interface Step {
  group: RangeGroup<MarkRange>;
  textLength: number;
}

/**
 * Ends the current task and lets the page's own tasks run before the next slice: a MessageChannel
 * message, a macrotask queued behind whatever the page has ready (its timers, input, network),
 * without setTimeout's 4 ms clamping or background-tab throttling; setTimeout only where there is
 * no MessageChannel. Not `scheduler.yield()`: its continuations run ahead of the page's queued
 * tasks, so a long drawing starved the page's own timers for a minute on a 10 MB article.
 */
export function yieldToPage(): Promise<void> {
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Runs a resumable computation to its end, yielding to the page once a slice has used `budgetMs`. */
export async function runInSlices<T>(steps: Generator<void, T>, yieldBetween: () => Promise<void>, budgetMs: number): Promise<T> {
  let began = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - began >= budgetMs) {
      await yieldBetween();
      began = performance.now();
    }
  }
}

/**
 * Draws the same highlights as `highlightClaims`, in slices of about `budgetMs`. The optional
 * clear comes first, then the plan (text index, groups, offsets), made in one slice before any
 * marking. Between slices the page may change: a step whose container has left the root or whose
 * text length changed is not drawn, and the run ends 'stale' (the page observer has seen that
 * change and the caller is expected to redraw). Resolves once every slice has run or it stopped.
 */
export async function highlightClaimsInSlices(root: Element, claims: ClaimView[], style: HighlightStyle = 'both', options: SliceOptions = {}): Promise<SliceOutcome> {
  const { budgetMs = 8, signal, runSlice = (slice) => slice(), clearFirst = false, yieldBetween = yieldToPage, now = () => performance.now() } = options;
  const markOptions = highlightOptions(style);
  let clearPending = clearFirst;
  let steps: Step[] | null = null;
  let next = 0;
  // Set by each slice; the assertion keeps TypeScript from narrowing it across the closure.
  let progress = 'drawing' as 'drawing' | 'done' | 'stale';
  const slice = () => {
    const began = now();
    const spent = () => now() - began >= budgetMs;
    // Clearing and planning each walk the root: each ends its slice once the budget is spent.
    if (clearPending) {
      clearHighlights(root);
      clearPending = false;
      if (spent()) return;
    }
    if (!steps) {
      steps = planSteps(root, claims);
      if (steps.length === 0) progress = 'done';
      if (steps.length === 0 || spent()) return;
    }
    // At least one group per slice otherwise, so a slow group never stalls the drawing.
    do {
      const step = steps[next] as Step;
      if (groupChanged(root, step.group, step.textLength)) {
        progress = 'stale';
        return;
      }
      markGroup(step.group, markOptions);
      next++;
    } while (next < steps.length && !spent());
    if (next >= steps.length) progress = 'done';
  };
  for (;;) {
    if (signal?.aborted) return 'cancelled';
    runSlice(slice);
    if (progress !== 'drawing') return progress;
    await yieldBetween();
  }
}

/** True when a planned group's container has left the root or its text length changed: drawing it could mark the wrong text. */
export function groupChanged(root: Element, group: RangeGroup<MarkRange>, textLength: number): boolean {
  const { container } = group;
  return !container.isConnected || !root.contains(container) || container.textContent?.length !== textLength;
}

function planSteps(root: Element, claims: readonly ClaimView[]): Step[] {
  return planHighlights(root, claims).map((group) => ({ group, textLength: group.container.textContent?.length ?? 0 }));
}
