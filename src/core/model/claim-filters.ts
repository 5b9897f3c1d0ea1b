import type { ClaimView } from './page-state';
import { VERDICT_IDS, type HighlightState } from './verdicts';

/** The popup's claim filters. */
export const CLAIM_FILTERS = ['all', 'top', 'unreviewed', 'reviewed', 'mine', 'orphans'] as const;

/** One of the claim filters. */
export type ClaimFilter = (typeof CLAIM_FILTERS)[number];

/** The verdict state a claim shows. */
export function stateOf(claim: ClaimView): HighlightState {
  return claim.annotation?.verdict ?? 'unreviewed';
}

/** True when a claim passes a filter. */
export function matchesFilter(claim: ClaimView, filter: ClaimFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'top':
      // The page's top claims are the strongly highlighted ones (see claimStrengths).
      return claim.strength === 'strong';
    case 'unreviewed':
      return claim.anchored && stateOf(claim) === 'unreviewed';
    case 'reviewed':
      return stateOf(claim) !== 'unreviewed';
    case 'mine':
      return claim.annotation?.origin === 'user';
    case 'orphans':
      return !claim.anchored;
  }
}

/** How many claims each filter would show. */
export function filterCounts(claims: readonly ClaimView[]): Record<ClaimFilter, number> {
  const counts = { all: 0, top: 0, unreviewed: 0, reviewed: 0, mine: 0, orphans: 0 } as Record<ClaimFilter, number>;
  for (const claim of claims) for (const filter of CLAIM_FILTERS) if (matchesFilter(claim, filter)) counts[filter]++;
  return counts;
}

/** Claims per verdict state, in the verdicts' display order, leaving out empty ones. */
export function verdictSummary(claims: readonly ClaimView[]): Array<[HighlightState, number]> {
  const counts = new Map<HighlightState, number>();
  for (const claim of claims) counts.set(stateOf(claim), (counts.get(stateOf(claim)) ?? 0) + 1);
  return (['unreviewed', ...VERDICT_IDS] as HighlightState[]).filter((state) => counts.has(state)).map((state) => [state, counts.get(state) ?? 0]);
}
