import Mark from 'mark.js';
import { HIGHLIGHT_ATTRIBUTE } from '../core/article/find-article';
import type { ClaimView } from '../core/model/page-state';
import type { HighlightStyle } from '../core/model/settings';
import { runToEnd } from '../core/steps';
import { SKIPPED_SELECTORS, textIndexSteps, type TextIndex } from '../core/text/text-index';
import { groupRangesSteps, localRange, type RangeGroup } from './highlight-groups';
import { adoptMark, isOwnMark, ownMarksUnder } from './own-marks';

/** Attribute of every highlight element giving its strength: `strong` (top claims) or `light`. */
export const STRENGTH_ATTRIBUTE = 'data-factmark-strength';

/** Class of every highlight element. */
export const HIGHLIGHT_CLASS = 'factmark-highlight';

/**
 * mark.js checks only a text node's parent, so each skipped selector also covers descendants.
 * One selector list rather than twenty selectors: mark.js calls matches() once per entry for
 * every text node it walks, and one native call with a list is much cheaper.
 */
const EXCLUDE = [SKIPPED_SELECTORS.flatMap((selector) => [selector, `${selector} *`]).join(', ')];

/** A mark.js range with the claim it highlights. */
export interface MarkRange {
  start: number;
  length: number;
  claim: ClaimView;
}

/**
 * mark.js cannot nest highlights, so where two claims overlap the later one is clipped to
 * start where the earlier ends (a claim wholly inside another keeps no highlight of its own).
 */
export function withoutOverlaps(claims: ClaimView[]): MarkRange[] {
  const sorted = [...claims].sort((a, b) => a.selector.position.start - b.selector.position.start);
  const ranges: MarkRange[] = [];
  let covered = 0;
  for (const claim of sorted) {
    const start = Math.max(claim.selector.position.start, covered);
    const end = claim.selector.position.end;
    if (end <= start) continue;
    ranges.push({ start, length: end - start, claim });
    covered = end;
  }
  return ranges;
}

/** Removes every Factmark highlight under the root, restoring the original text nodes; page-made look-alikes stay. */
export function clearHighlights(root: Element): void {
  // What mark.js's unmark() does, without its matches() test on every element of the root,
  // and with one normalize() per parent instead of one per highlight.
  const parents = new Set<Node>();
  for (const mark of ownMarksUnder(root)) {
    if (mark.parentNode) parents.add(mark.parentNode);
    mark.replaceWith(...mark.childNodes);
  }
  for (const parent of parents) parent.normalize();
}

/**
 * The ranges to highlight, grouped by container element; computed in full before anything is
 * marked. `index` may be given when it is known to be the root's current text index (it is built
 * otherwise: on a 10 MB article that walk alone is most of a second).
 */
export function planHighlights(root: Element, claims: readonly ClaimView[], index?: TextIndex): Array<RangeGroup<MarkRange>> {
  return runToEnd(planHighlightsSteps(root, claims, index));
}

/** `planHighlights` as a resumable computation (see core/steps.ts), for drawing a huge article in short tasks. */
export function* planHighlightsSteps(root: Element, claims: readonly ClaimView[], index?: TextIndex): Generator<void, Array<RangeGroup<MarkRange>>> {
  const ranges = withoutOverlaps(claims.filter((claim) => claim.anchored));
  if (ranges.length === 0) return [];
  yield;
  const text = index ?? (yield* textIndexSteps(root));
  yield;
  return yield* groupRangesSteps(text, ranges);
}

/**
 * mark.js options that draw claims: each piece carries data-factmark-id, -verdict, -strength and -style, and
 * the first piece of each claim is focusable. Share one object across the groups of one drawing.
 */
export function highlightOptions(style: HighlightStyle, current: (claim: ClaimView) => ClaimView = (claim) => claim): Mark.MarkRangesOptions {
  const focusable = new Set<string>();
  return {
    element: 'mark',
    className: HIGHLIGHT_CLASS,
    exclude: EXCLUDE,
    each: (element: Element, range: object) => {
      adoptMark(element);
      // `current` gives the newest data of the claim (a drawing may outlive a verdict edit).
      const claim = current((range as MarkRange).claim);
      element.setAttribute(HIGHLIGHT_ATTRIBUTE, claim.id);
      element.setAttribute('data-factmark-verdict', claim.annotation?.verdict ?? 'unreviewed');
      element.setAttribute(STRENGTH_ATTRIBUTE, claim.strength ?? 'light');
      element.setAttribute('data-factmark-style', style);
      // Already fact-checked elsewhere: the best match's verdict, or `unrated`.
      if (claim.known?.length) element.setAttribute('data-factmark-known', claim.known[0]?.verdict ?? 'unrated');
      // The first piece of each claim takes keyboard focus, which shows its card.
      if (!focusable.has(claim.id)) {
        focusable.add(claim.id);
        element.setAttribute('tabindex', '0');
      }
    },
  };
}

/** Marks a group's ranges inside its container. */
export function markGroup(group: RangeGroup<MarkRange>, options: Mark.MarkRangesOptions): void {
  // mark.js counts from the container's first text, and sorts and rewrites the objects it gets: pass shifted copies.
  new Mark(group.container as HTMLElement).markRanges(group.ranges.map((range) => localRange(group, range)), options);
}

/**
 * Wraps each anchored claim in `<mark>` elements (one per text node it spans) carrying
 * data-factmark-id and data-factmark-verdict, in one synchronous pass over the groups of
 * `planHighlights`. Ranges index the same body text as the text index.
 */
export function highlightClaims(root: Element, claims: ClaimView[], style: HighlightStyle = 'both'): void {
  const options = highlightOptions(style);
  for (const group of planHighlights(root, claims)) markGroup(group, options);
}

/** The same drawing as one markRanges call over the whole root: O(ranges × text nodes); the reference for tests. */
export function highlightClaimsInOnePass(root: Element, claims: ClaimView[], style: HighlightStyle = 'both'): void {
  const ranges = withoutOverlaps(claims.filter((claim) => claim.anchored));
  if (ranges.length > 0) new Mark(root as HTMLElement).markRanges(ranges, highlightOptions(style));
}

/** Factmark's highlight elements of one claim (compared by attribute, so ids need no escaping). */
export function marksOf(root: ParentNode, id: string): HTMLElement[] {
  return ownMarksUnder(root).filter((element) => element.getAttribute(HIGHLIGHT_ATTRIBUTE) === id);
}

/** The claim id a highlight shows, or null for anything that is not one of Factmark's highlights. */
export function claimIdOf(element: Element | null | undefined): string | null {
  return isOwnMark(element) ? element.getAttribute(HIGHLIGHT_ATTRIBUTE) : null;
}

/** True when any of Factmark's highlights is under the root. */
export function hasHighlights(root: ParentNode): boolean {
  return ownMarksUnder(root).length > 0;
}

/** Recolours every highlight from its claim's verdict (and strength), in one pass over the marks. */
export function recolourHighlights(root: Element, claims: readonly ClaimView[]): void {
  const byId = new Map(claims.map((claim) => [claim.id, claim]));
  for (const element of ownMarksUnder(root)) {
    const claim = byId.get(element.getAttribute(HIGHLIGHT_ATTRIBUTE) ?? '');
    if (!claim) continue;
    const verdict = claim.annotation?.verdict ?? 'unreviewed';
    if (element.getAttribute('data-factmark-verdict') !== verdict) element.setAttribute('data-factmark-verdict', verdict);
    const strength = claim.strength ?? 'light';
    if (element.getAttribute(STRENGTH_ATTRIBUTE) !== strength) element.setAttribute(STRENGTH_ATTRIBUTE, strength);
  }
}

/** Scrolls to a claim's first highlight and flashes it; false when it has none. */
export function revealHighlight(id: string): boolean {
  const marks = marksOf(document, id);
  const first = marks[0];
  if (!first) return false;
  first.scrollIntoView({ block: 'center', behavior: 'smooth' });
  for (const mark of marks) {
    mark.classList.remove('factmark-flash');
    // Reading layout restarts the CSS animation when the class is added again.
    void mark.offsetWidth;
    mark.classList.add('factmark-flash');
  }
  return true;
}
