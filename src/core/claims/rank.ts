/**
 * The most check-worthy first: rank order, the two highlight strengths and the "Top claims"
 * rule. Pure, so the extension, the popup and the command line agree.
 */
import { runToEnd } from '../steps';

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

/** Claims looked at between two pauses of the resumable ranking (a huge article has over 50,000). */
const CLAIMS_PER_STEP = 2048;

/**
 * The strength of each claim's highlight. Strong: among the `topClaimLimit(sentenceCount)`
 * best-ranked claims of the page AND scoring at least `strongFloor` (the model's high-precision
 * operating point), so a page of weak claims gets no strong highlight just by ranking. Every
 * other claim, the reader's own included, is light.
 */
export function claimStrengths(claims: readonly RankableClaim[], sentenceCount: number, strongFloor: number): Map<string, ClaimStrength> {
  return runToEnd(claimStrengthsSteps(claims, sentenceCount, strongFloor));
}

/**
 * `claimStrengths` as a resumable computation (see core/steps.ts), pausing every few thousand
 * claims. Only whether a claim ranks within the limit matters, not its rank: claims under the
 * floor are never strong and rank after those over it, so the limit-th best score among the
 * latter (a numeric sort of their scores) is the cut; claims scoring above it are strong, and
 * of those scoring exactly the cut the first in reading order (then list order, as the stable
 * rank order has it) fill the places left. The same strengths as ranking every claim.
 */
export function* claimStrengthsSteps(claims: readonly RankableClaim[], sentenceCount: number, strongFloor: number): Generator<void, Map<string, ClaimStrength>> {
  const limit = topClaimLimit(sentenceCount);
  const over: number[] = [];
  for (let at = 0; at < claims.length; at++) {
    if (at % CLAIMS_PER_STEP === CLAIMS_PER_STEP - 1) yield;
    const score = (claims[at] as RankableClaim).score;
    if (score !== null && score >= strongFloor) over.push(at);
  }
  const strong = new Uint8Array(claims.length);
  const scoreOf = (at: number) => (claims[at] as RankableClaim).score as number;
  if (over.length <= limit) {
    for (const at of over) strong[at] = 1;
  } else if (limit > 0) {
    yield;
    const scores = Float64Array.from(over, scoreOf).sort();
    const cut = scores[over.length - limit] as number;
    yield;
    const tied: number[] = [];
    let places = limit;
    for (const at of over) {
      if (scoreOf(at) > cut) {
        strong[at] = 1;
        places--;
      } else if (scoreOf(at) === cut) tied.push(at);
    }
    yield;
    // A stable sort: equal starts keep list order.
    tied.sort((a, b) => (claims[a] as RankableClaim).selector.position.start - (claims[b] as RankableClaim).selector.position.start);
    for (const at of tied.slice(0, Math.max(0, places))) strong[at] = 1;
  }
  const strengths = new Map<string, ClaimStrength>();
  for (let at = 0; at < claims.length; at++) {
    if (at % CLAIMS_PER_STEP === CLAIMS_PER_STEP - 1) yield;
    strengths.set((claims[at] as RankableClaim).id, strong[at] ? 'strong' : 'light');
  }
  return strengths;
}

/** The claims with their strength set, in the order given. */
export function withStrengths<T extends RankableClaim>(claims: readonly T[], sentenceCount: number, strongFloor: number): Array<T & { strength: ClaimStrength }> {
  return runToEnd(withStrengthsSteps(claims, sentenceCount, strongFloor));
}

/** `withStrengths` as a resumable computation, pausing every few thousand claims, for ranking a huge article in short tasks. */
export function* withStrengthsSteps<T extends RankableClaim>(claims: readonly T[], sentenceCount: number, strongFloor: number): Generator<void, Array<T & { strength: ClaimStrength }>> {
  const strengths = yield* claimStrengthsSteps(claims, sentenceCount, strongFloor);
  const out: Array<T & { strength: ClaimStrength }> = [];
  for (let at = 0; at < claims.length; at++) {
    if (at % CLAIMS_PER_STEP === CLAIMS_PER_STEP - 1) yield;
    const claim = claims[at] as T;
    out.push({ ...claim, strength: strengths.get(claim.id) ?? 'light' });
  }
  return out;
}
