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
import { clearHighlights, hasHighlights, highlightOptions, markGroup, planHighlightsSteps, type MarkRange } from './highlighter';
import { bandsOf, type Band } from '../core/scan/far-bands';
import { groupChanged, runInSlices, yieldToPage, type SliceOutcome } from './highlight-slices';

/** How far beyond the viewport (in viewport heights, above and below) groups count as near. */
const NEAR_SCREENS = 10;
/**
 * Up to this many groups an article is drawn whole (nearest first): an ordinary story whose text
 * starts far down a page (a long menu above it, styles not loaded) must not wait for a scroll.
 * Only pages with more (a 10 MB article has tens of thousands) leave far groups for later.
 */
const DRAW_WHOLE_UP_TO = 2_000;

/**
 * Far groups are watched a band at a time: at most this many groups, spanning at most BAND_SCREENS
 * viewport heights, behind one or two watched containers. Watching every container of a 10 MB
 * article (over 20,000) cost each rendered frame 30-50 ms of intersection checks.
 */
const GROUPS_PER_BAND = 48;
/** Half the near distance: wherever the reader is in a band, its top and bottom containers are near. */
const BAND_SCREENS = NEAR_SCREENS / 2;

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
  /**
   * An earlier drawing of the same scan (the near-viewport claims of a huge page, drawn before
   * the rest was scored), stopped: its groups drawn exactly as this drawing would draw them are
   * kept, the others cleared. Only the scan's own marks may have changed the page since `index`.
   */
  carry?: LazyDrawing;
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
  /** What each drawn group shows (its container and a signature of its ranges), for a later drawing to keep. */
  drawnSignatures(): Map<Element, string>;
  /** Stops lazy drawing (a newer render, or the highlights were cleared). */
  stop(): void;
}

/** A planned group, its container's text length when planned, and whether it is drawn. */
interface Step {
  group: RangeGroup<MarkRange>;
  textLength: number;
  drawn: boolean;
}

/** The steps of the planned groups, with each container's text length now; pauses every few dozen groups. */
function* stepsOf(groups: ReadonlyArray<RangeGroup<MarkRange>>): Generator<void, Step[]> {
  const steps: Step[] = [];
  for (const group of groups) {
    if (steps.length % 64 === 63) yield;
    steps.push({ group, textLength: group.container.textContent?.length ?? 0, drawn: false });
  }
  return steps;
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

/** True when every indexed Text node is still in the document (marks split them, never detach them). */
function indexNodesConnected(index: TextIndex): boolean {
  return index.nodes.every((node) => node.isConnected);
}

/** What a group shows: its ranges with each claim's id and colouring, in the style drawn. */
function signatureOf(group: RangeGroup<MarkRange>, style: HighlightStyle, current: (claim: ClaimView) => ClaimView): string {
  return `${style}|${group.ranges.map((range) => {
    const claim = current(range.claim);
    return `${range.start}+${range.length}:${claim.id}:${claim.annotation?.verdict ?? ''}:${claim.strength ?? ''}:${claim.known?.length ? (claim.known[0]?.verdict ?? 'unrated') : ''}`;
  }).join(',')}`;
}

/** Starts drawing `claims` under `root` near the viewport first; see LazyDrawing. */
export function drawLazily(root: Element, claims: readonly ClaimView[], style: HighlightStyle, options: LazyOptions = {}): LazyDrawing {
  const { budgetMs = 8, signal, runSlice = (slice) => slice(), clearFirst = false, yieldBetween = yieldToPage } = options;
  // Claims by id, replaced on update: groups drawn later show the newest verdicts.
  const latest = new Map(claims.map((claim) => [claim.id, claim]));
  const current = (claim: ClaimView): ClaimView => latest.get(claim.id) ?? claim;
  const markOptions = highlightOptions(style, current);
  const signatures = new Map<Element, string>();
  let steps: Step[] = [];
  /** The band each watched container stands for (see bandsOf). */
  const bandOf = new Map<Element, Band<Step>>();
  const queue: Step[] = [];
  let drawnCount = 0;
  let stopped = false;
  let stale = false;
  let pumping: Promise<void> | null = null;
  const observer = typeof IntersectionObserver === 'function'
    ? new IntersectionObserver((entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          const band = bandOf.get(entry.target);
          observer?.unobserve(entry.target);
          if (!band) continue;
          for (const step of band.items) if (!step.drawn) queue.push(step);
          for (const edge of band.edges) {
            bandOf.delete(edge.group.container);
            observer?.unobserve(edge.group.container);
          }
        }
        void pump();
      }, { rootMargin: `${NEAR_SCREENS * 100}% 0px` })
    : null;

  /** Draws one step unless its container changed since planning (then the page observer redraws). */
  const draw = (step: Step): void => {
    if (step.drawn) return;
    if (groupChanged(root, step.group, step.textLength)) {
      stale = true;
      step.drawn = true;
      return;
    }
    const { container } = step.group;
    markGroup(step.group, markOptions);
    step.drawn = true;
    drawnCount++;
    signatures.set(container, signatureOf(step.group, style, current));
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

  /** Keeps the carried groups drawn exactly as planned here; clears the others (and any they hold) to be drawn anew. */
  const keepCarried = (carried: Map<Element, string>): void => {
    const kept: Step[] = [];
    for (const step of steps) {
      if (!carried.has(step.group.container) || carried.get(step.group.container) !== signatureOf(step.group, style, current)) continue;
      carried.delete(step.group.container);
      kept.push(step);
    }
    runSlice(() => {
      for (const container of carried.keys()) if (container.isConnected) clearHighlights(container);
      for (const step of kept) {
        // A cleared container around a kept one took its marks too: that group is drawn again.
        if (!hasHighlights(step.group.container)) continue;
        step.drawn = true;
        drawnCount++;
        signatures.set(step.group.container, signatureOf(step.group, style, current));
      }
    });
  };

  const initial = (async (): Promise<SliceOutcome> => {
    // Clearing and planning read the whole root: one slice each.
    // The scan's index still holds when nothing was drawn since (drawing splits Text nodes) and
    // every indexed node is still in place with its text.
    // After an earlier drawing of the same scan, the index still holds while its nodes are all in
    // place: marks split Text nodes but never change the text under an element.
    const carried = options.carry?.drawnSignatures() ?? new Map<Element, string>();
    const index = options.index && options.index.root === root ? options.index : undefined;
    const reusable = index && (carried.size > 0 ? indexNodesConnected(index) : !hasHighlights(root) && indexStillHolds(index)) ? index : undefined;
    if (!reusable) carried.clear();
    if (clearFirst && (!reusable || (carried.size === 0 && hasHighlights(root)))) runSlice(() => clearHighlights(root));
    if (signal?.aborted) return 'cancelled';
    await yieldBetween();
    if (signal?.aborted) return 'cancelled';
    // Planning pauses every few hundred ranges: a 10 MB article has over 50,000 of them.
    const groups = await runInSlices(planHighlightsSteps(root, [...latest.values()], reusable), yieldBetween, budgetMs);
    if (signal?.aborted) return 'cancelled';
    // Each container's text length, for noticing a change before drawing it: read in slices too.
    steps = await runInSlices(stepsOf(groups), yieldBetween, budgetMs);
    if (signal?.aborted) return 'cancelled';
    if (carried.size > 0) keepCarried(carried);
    // Which groups are near the viewport: layout is read while nothing is written, in slices.
    const height = Math.max(1, window.innerHeight);
    const drawWhole = steps.length <= DRAW_WHOLE_UP_TO;
    const near: Array<{ step: Step; distance: number }> = [];
    // Far groups with their place on the page (page coordinates: the reader may scroll between slices).
    const far: Array<{ item: Step; top: number; bottom: number }> = [];
    for (let i = 0; i < steps.length; ) {
      await yieldBetween();
      if (signal?.aborted) return 'cancelled';
      const began = performance.now();
      const scrolled = window.scrollY;
      // At least one group per slice, whatever the clock says.
      do {
        const step = steps[i++] as Step;
        const box = step.group.container.getBoundingClientRect();
        const distance = box.bottom < 0 ? -box.bottom : box.top > height ? box.top - height : 0;
        if (drawWhole || distance <= NEAR_SCREENS * height) near.push({ step, distance });
        else far.push({ item: step, top: box.top + scrolled, bottom: box.bottom + scrolled });
      } while (i < steps.length && performance.now() - began < budgetMs);
    }
    if (observer) {
      for (const band of bandsOf(far, BAND_SCREENS * height, GROUPS_PER_BAND)) {
        for (const edge of band.edges) {
          bandOf.set(edge.group.container, band);
          observer.observe(edge.group.container);
        }
      }
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
    drawnSignatures: () => new Map(signatures),
    stop,
  };
}
