import { claimStrengths, claimStrengthsSteps, compareByCheckWorthiness, compareByReadingOrder, rankClaims, topClaimLimit, withStrengths, withStrengthsSteps, type RankableClaim } from '../../src/core/claims/rank';
import { filterCounts, matchesFilter } from '../../src/core/model/claim-filters';
import type { ClaimView } from '../../src/core/model/page-state';
import { random } from '../support/random';
import { drainSteps } from '../support/steps';

const claim = (id: string, score: number | null, start: number): RankableClaim => ({ id, score, selector: { position: { start } } });

function view(id: string, score: number | null, start: number): ClaimView {
  return { id, text: id, score, reasons: [], selector: { quote: { exact: id, prefix: '', suffix: '' }, position: { start, end: start + 5 } }, anchored: true, annotation: null };
}

/** The definition of the strengths, given the ranks: strong when ranked within the limit and scoring at or over the floor. */
function strengthsFromRanks(claims: RankableClaim[], ranks: Map<string, number>, sentences: number, floor: number): Map<string, string> {
  return new Map(claims.map((c) => [c.id, (ranks.get(c.id) ?? Infinity) <= topClaimLimit(sentences) && c.score !== null && c.score >= floor ? 'strong' : 'light']));
}

describe('rank order', () => {
  test('higher scores first, ties in reading order, the reader’s own (unscored) claims last', () => {
    const claims = [claim('a', 0.6, 0), claim('mine', null, 5), claim('b', 0.9, 10), claim('c', 0.6, 20), claim('d', 0.75, 30), claim('mine2', null, 1)];
    expect([...claims].sort(compareByCheckWorthiness).map((c) => c.id)).toEqual(['b', 'd', 'a', 'c', 'mine2', 'mine']);
    expect([...claims].sort(compareByReadingOrder).map((c) => c.id)).toEqual(['a', 'mine2', 'mine', 'b', 'c', 'd']);
  });

  test('ranks are 1-based over the scored claims only, and follow the order', () => {
    const ranks = rankClaims([claim('a', 0.6, 0), claim('mine', null, 5), claim('b', 0.9, 10), claim('c', 0.6, 20)]);
    expect([...ranks]).toEqual([['b', 1], ['a', 2], ['c', 3]]);
    expect(ranks.has('mine')).toBe(false);
    expect(rankClaims([]).size).toBe(0);
  });
});

describe('strength bands', () => {
  test('top claims are at most about a fifth of the sentences, at least one', () => {
    expect(topClaimLimit(0)).toBe(0);
    expect(topClaimLimit(1)).toBe(1);
    expect(topClaimLimit(4)).toBe(1);
    expect(topClaimLimit(10)).toBe(2);
    expect(topClaimLimit(37)).toBe(7);
    expect(topClaimLimit(100)).toBe(20);
  });

  test('strong: within the page’s top fifth and at or above the floor; everything else light', () => {
    // 10 sentences: at most 2 strong.
    const claims = [claim('a', 0.95, 0), claim('b', 0.93, 10), claim('c', 0.94, 20), claim('d', 0.5, 30), claim('mine', null, 40)];
    const strengths = claimStrengths(claims, 10, 0.8);
    expect(Object.fromEntries(strengths)).toEqual({ a: 'strong', c: 'strong', b: 'light', d: 'light', mine: 'light' });
  });

  test('a page of weak claims gets no strong highlight just by ranking first', () => {
    const strengths = claimStrengths([claim('a', 0.55, 0), claim('b', 0.52, 10)], 5, 0.8);
    expect([...strengths.values()]).toEqual(['light', 'light']);
  });

  test('ranks and strengths equal their definitions (sorting with compareByCheckWorthiness, ranking every scored claim) on random pages with ties', () => {
    // The definition: ranked among all scored claims, strong when within the limit and at or over the floor.
    const reference = (claims: RankableClaim[], sentences: number, floor: number) => {
      const ranks = new Map([...claims].filter((c) => c.score !== null).sort(compareByCheckWorthiness).map((c, i) => [c.id, i + 1]));
      expect(rankClaims(claims)).toEqual(ranks);
      return strengthsFromRanks(claims, ranks, sentences, floor);
    };
    const next = random(7);
    for (let page = 0; page < 200; page++) {
      const count = 1 + Math.floor(next() * 60);
      // Scores on a coarse grid, so ties at and around the floor are common; some claims are the reader's own.
      const claims = Array.from({ length: count }, (_, i) => claim(`c${i}`, next() < 0.1 ? null : Math.round(next() * 20) / 20, Math.floor(next() * 1000)));
      const sentences = count + Math.floor(next() * 100);
      const floor = Math.round(next() * 20) / 20;
      expect(claimStrengths(claims, sentences, floor)).toEqual(reference(claims, sentences, floor));
    }
  });

  test('the cut at the limit-th best score gives the ranked strengths on large pages with many ties at the cut, paused or not', () => {
    const next = random(11);
    for (let page = 0; page < 30; page++) {
      const count = 500 + Math.floor(next() * 6000);
      // Few distinct scores and starts: many claims tie at the cut, on score and on start.
      const claims = Array.from({ length: count }, (_, i) => claim(`c${i}`, next() < 0.05 ? null : Math.round(next() * 8) / 8, Math.floor(next() * 300)));
      // Fewer top places than claims over the floor, so the cut decides.
      const sentences = Math.floor(count * (0.5 + next()));
      const expected = strengthsFromRanks(claims, rankClaims(claims), sentences, 0.5);
      const { value, pauses } = drainSteps(claimStrengthsSteps(claims, sentences, 0.5));
      expect(value).toEqual(expected);
      expect(pauses).toBeGreaterThan(0);
    }
  });

  test('withStrengthsSteps pauses on a long list and gives what withStrengths gives', () => {
    const claims = Array.from({ length: 10_000 }, (_, i) => view(`v${i}`, (i * 7919) % 100 / 100, i * 10));
    const { value, pauses } = drainSteps(withStrengthsSteps(claims, 8_000, 0.8));
    expect(pauses).toBeGreaterThanOrEqual(10);
    expect(value).toEqual(withStrengths(claims, 8_000, 0.8));
    expect(value.filter((c) => c.strength === 'strong')).toHaveLength(topClaimLimit(8_000));
  });

  test('the floor itself counts as strong; withStrengths keeps order and fields', () => {
    const out = withStrengths([view('x', 0.3, 0), view('y', 0.8, 9)], 20, 0.8);
    expect(out.map((c) => [c.id, c.strength, c.text])).toEqual([['x', 'light', 'x'], ['y', 'strong', 'y']]);
  });
});

describe('Top claims filter', () => {
  test('shows exactly the strong claims, and counts them', () => {
    const claims = withStrengths([view('a', 0.95, 0), view('b', 0.6, 10), view('c', 0.9, 20), view('d', 0.85, 30)], 10, 0.8);
    expect(claims.filter((c) => matchesFilter(c, 'top')).map((c) => c.id)).toEqual(['a', 'c']);
    expect(filterCounts(claims).top).toBe(2);
    expect(filterCounts(claims).all).toBe(4);
  });

  test('claims never ranked (no strength) are not top claims', () => {
    expect(matchesFilter(view('a', 0.99, 0), 'top')).toBe(false);
  });
});
