/**
 * Highlights drawn where the reader is: on a long article only the groups (see
 * highlight-groups.ts) within a few screens of the viewport are drawn at once, nearest first, in
 * short slices; the rest are drawn as the reader scrolls towards them (IntersectionObserver), or
 * at once when a claim is revealed. A 10 MB article has over 100,000 claim pieces: drawing them
 * all, even in slices, keeps the page busy for a minute for highlights nobody sees yet.
 */
import type { ClaimView } from '../core/model/page-state';
import type { HighlightStyle } from '../core/model/settings';
import type { TextIndex } from '../core/text/text-index';
import type { RangeGroup } from './highlight-groups';
import { clearHighlights, hasHighlights, highlightOptions, markGroup, planHighlights, type MarkRange } from './highlighter';
import { yieldToPage, type SliceOutcome } from './highlight-slices';

/** How far beyond the viewport (in viewport heights, above and below) groups count as near: an ordinary article is drawn whole. */
const NEAR_SCREENS = 10;

/** Options of `drawLazily`. */
export interface LazyOptions {
  /** Milliseconds of work per slice before yielding (default 8). */
  budgetMs?: number;
  /** Aborting it stops the drawing and any later lazy drawing. */
  signal?: AbortSignal;
  /** Runs one slice's DOM changes, e.g. with the page observer paused. */
  runSlice?: (slice: () => void) => void;
  /** Removes existing highlights first. */
  clearFirst?: boolean;
  /** Lets the page run between slices (default: `yieldToPage`). */
  yieldBetween?: () => Promise<void>;
  /** The root's text index from the scan, used when the root still has exactly the text it indexed and no highlights. */
  index?: TextIndex;
}

/** A drawing in progress: the near groups first (`initial`), the others on demand. */
export interface LazyDrawing {
  /** Settles once the groups near the viewport are drawn: 'done', or how it stopped. */
  readonly initial: Promise<SliceOutcome>;
  /** Draws a claim's groups now (before revealing it); false when it has none. */
  drawClaim(id: string): boolean;
  /** Newer claim data (a verdict edit) for the groups still to be drawn. */
  update(claims: readonly ClaimView[]): void;
  /** How many groups have been drawn. */
  drawnGroups(): number;
  /** Stops lazy drawing (a newer render, or the highlights were cleared). */
  stop(): void;
}

interface Step {
  group: RangeGroup<MarkRange>;
  textLength: number;
  drawn: boolean;
}

/** True when every indexed Text node is still in the document with the text it was indexed with. */
function indexStillHolds(index: TextIndex): boolean {
  let length = 0;
  for (const node of index.nodes) {
    if (!node.isConnected) return false;
    length += node.data.length;
  }
  return length === index.text.length;
}

/** Starts drawing `claims` under `root` near the viewport first; see LazyDrawing. */
export function drawLazily(root: Element, claims: readonly ClaimView[], style: HighlightStyle, options: LazyOptions = {}): LazyDrawing {
  const { budgetMs = 8, signal, runSlice = (slice) => slice(), clearFirst = false, yieldBetween = yieldToPage } = options;
  // Claims by id, replaced on update: groups drawn later show the newest verdicts.
  const latest = new Map(claims.map((claim) => [claim.id, claim]));
  const markOptions = highlightOptions(style, (claim) => latest.get(claim.id) ?? claim);
  let steps: Step[] = [];
  const byContainer = new Map<Element, Step>();
  const queue: Step[] = [];
  let drawnCount = 0;
  let stopped = false;
  let stale = false;
  let pumping: Promise<void> | null = null;
  const observer = typeof IntersectionObserver === 'function'
    ? new IntersectionObserver((entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          const step = byContainer.get(entry.target);
          if (step && !step.drawn) queue.push(step);
          observer?.unobserve(entry.target);
        }
        void pump();
      }, { rootMargin: `${NEAR_SCREENS * 100}% 0px` })
    : null;

  /** Draws one step unless its container changed since planning (then the page observer redraws). */
  const draw = (step: Step): void => {
    if (step.drawn) return;
    const { container } = step.group;
    if (!container.isConnected || !root.contains(container) || container.textContent?.length !== step.textLength) {
      stale = true;
      step.drawn = true;
      return;
    }
    markGroup(step.group, markOptions);
    step.drawn = true;
    drawnCount++;
    observer?.unobserve(container);
  };

  /** Draws the queued steps in slices; one pump at a time (later calls share the running one). */
  const drain = async (): Promise<void> => {
    while (queue.length > 0 && !stopped && !signal?.aborted) {
      runSlice(() => {
        const began = performance.now();
        do draw(queue.shift() as Step);
        while (queue.length > 0 && performance.now() - began < budgetMs);
      });
      await yieldBetween();
    }
  };
  const pump = (): Promise<void> => {
    if (pumping) return pumping;
    if (queue.length === 0) return Promise.resolve();
    const running = drain().finally(() => {
      if (pumping === running) pumping = null;
    });
    pumping = running;
    return running;
  };

  const stop = (): void => {
    stopped = true;
    observer?.disconnect();
    queue.length = 0;
  };
  signal?.addEventListener('abort', stop, { once: true });

  const initial = (async (): Promise<SliceOutcome> => {
    // Clearing and planning read the whole root: one slice each.
    // The scan's index still holds when nothing was drawn since (drawing splits Text nodes) and
    // every indexed node is still in place with its text.
    const reusable = options.index && !hasHighlights(root) && options.index.root === root && indexStillHolds(options.index) ? options.index : undefined;
    if (clearFirst && !reusable) runSlice(() => clearHighlights(root));
    if (signal?.aborted) return 'cancelled';
    await yieldBetween();
    if (signal?.aborted) return 'cancelled';
    steps = planHighlights(root, [...latest.values()], reusable).map((group) => ({ group, textLength: group.container.textContent?.length ?? 0, drawn: false }));
    for (const step of steps) byContainer.set(step.group.container, step);
    // Which groups are near the viewport: layout is read while nothing is written, in slices.
    const height = Math.max(1, window.innerHeight);
    const near: Array<{ step: Step; distance: number }> = [];
    for (let i = 0; i < steps.length; ) {
      await yieldBetween();
      if (signal?.aborted) return 'cancelled';
      const began = performance.now();
      // At least one group per slice, whatever the clock says.
      do {
        const step = steps[i++] as Step;
        const box = step.group.container.getBoundingClientRect();
        const distance = box.bottom < 0 ? -box.bottom : box.top > height ? box.top - height : 0;
        if (distance <= NEAR_SCREENS * height) near.push({ step, distance });
        else observer?.observe(step.group.container);
      } while (i < steps.length && performance.now() - began < budgetMs);
    }
    // Nearest first: the reader sees highlights in view before those a few screens away.
    near.sort((a, b) => a.distance - b.distance);
    for (const { step } of near) queue.push(step);
    if (!observer) for (const step of steps) if (!step.drawn && !queue.includes(step)) queue.push(step);
    await pump();
    if (signal?.aborted) return 'cancelled';
    return stale ? 'stale' : 'done';
  })();

  return {
    initial,
    drawClaim(id) {
      const mine = steps.filter((step) => step.group.ranges.some((range) => range.claim.id === id));
      if (mine.length === 0) return false;
      runSlice(() => mine.forEach(draw));
      return true;
    },
    update(claims) {
      for (const claim of claims) latest.set(claim.id, claim);
    },
    drawnGroups: () => drawnCount,
    stop,
  };
}
