/**
 * The most check-worthy first: rank order, the two highlight strengths and the "Top claims"
 * rule. Pure, so the extension, the popup and the command line agree.
 */

/** How strongly a claim is highlighted: strong for the page's top claims, light for the rest. */
export type ClaimStrength = 'strong' | 'light';

/** Share of a page's sentences that may be top claims ("at most about a fifth"). */
export const TOP_SHARE = 0.2;

/** What ranking needs of a claim: its id, its score (null for the reader's own) and where it starts. */
export interface RankableClaim {
  id: string;
  score: number | null;
  selector: { position: { start: number } };
}

/**
 * Check-worthiness order: higher score first; equal scores in reading order; claims without a
 * score (added by the reader) after every scored one, in reading order.
 */
export function compareByCheckWorthiness(a: RankableClaim, b: RankableClaim): number {
  if (a.score !== b.score) {
    if (a.score === null) return 1;
    if (b.score === null) return -1;
    return b.score - a.score;
  }
  return a.selector.position.start - b.selector.position.start;
}

/** Reading order: by position in the page's text, ties by id so the order is total. */
export function compareByReadingOrder(a: RankableClaim, b: RankableClaim): number {
  return a.selector.position.start - b.selector.position.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** 1-based rank of every scored claim by check-worthiness (1 = most check-worthy); unscored claims get none. */
export function rankClaims(claims: readonly RankableClaim[]): Map<string, number> {
  const ranks = new Map<string, number>();
  const scored = claims.filter((claim) => claim.score !== null);
  // compareByCheckWorthiness on plain numbers: the same stable order, a few times faster on 50,000 claims.
  const scores = Float64Array.from(scored, (claim) => claim.score ?? 0);
  const starts = Float64Array.from(scored, (claim) => claim.selector.position.start);
  const order = scored.map((_, i) => i);
  order.sort((a, b) => ((scores[a] as number) !== (scores[b] as number) ? (scores[b] as number) - (scores[a] as number) : (starts[a] as number) - (starts[b] as number)));
  order.forEach((at, i) => ranks.set((scored[at] as RankableClaim).id, i + 1));
  return ranks;
}

/** How many claims a page of `sentenceCount` sentences may call top claims: a fifth, rounded, at least one. */
export function topClaimLimit(sentenceCount: number): number {
  return sentenceCount <= 0 ? 0 : Math.max(1, Math.round(sentenceCount * TOP_SHARE));
}

/**
 * The strength of each claim's highlight. Strong: among the `topClaimLimit(sentenceCount)`
 * best-ranked claims of the page AND scoring at least `strongFloor` (the model's high-precision
 * operating point), so a page of weak claims gets no strong highlight just by ranking. Every
 * other claim, the reader's own included, is light.
 */
export function claimStrengths(claims: readonly RankableClaim[], sentenceCount: number, strongFloor: number): Map<string, ClaimStrength> {
  const limit = topClaimLimit(sentenceCount);
  // Claims under the floor are never strong and always rank after those over it, so only the
  // latter are ranked: the same ranks for them, and a much shorter sort on a huge page.
  const ranks = rankClaims(claims.filter((claim) => claim.score !== null && claim.score >= strongFloor));
  const strengths = new Map<string, ClaimStrength>();
  for (const claim of claims) {
    const rank = ranks.get(claim.id);
    const strong = rank !== undefined && rank <= limit && claim.score !== null && claim.score >= strongFloor;
    strengths.set(claim.id, strong ? 'strong' : 'light');
  }
  return strengths;
}

/** The claims with their strength set, in the order given. */
export function withStrengths<T extends RankableClaim>(claims: readonly T[], sentenceCount: number, strongFloor: number): Array<T & { strength: ClaimStrength }> {
  const strengths = claimStrengths(claims, sentenceCount, strongFloor);
  return claims.map((claim) => ({ ...claim, strength: strengths.get(claim.id) ?? 'light' }));
}
