import { corpusScore, matchShingles, pagePrecision, pageRecall } from '../../src/core/article/shingle-score';

describe('benchmark shingle scoring', () => {
  test('counts shingles with their multiplicity, normalised per page', () => {
    const match = matchShingles('a b c d e', 'a b c d x');
    expect(match.tp).toBeCloseTo(1 / 3);
    expect(match.fp).toBeCloseTo(1 / 3);
    expect(match.fn).toBeCloseTo(1 / 3);
    expect(pagePrecision(matchShingles('one two three four', 'one two three four'))).toBe(1);
    expect(pageRecall(matchShingles('one two three four five', ''))).toBe(0);
    expect(pagePrecision(matchShingles('one two three four five', ''))).toBe(0);
    // Words are Unicode runs of letters, digits and underscores; punctuation and spacing do not matter.
    expect(pagePrecision(matchShingles('Привет, мир: это тест', 'Привет мир это тест'))).toBe(1);
  });

  test('corpus figures average pages, F1 is the harmonic mean of the averages', () => {
    const score = corpusScore([matchShingles('a b c d', 'a b c d'), matchShingles('a b c d e', '')]);
    expect(score.precision).toBeCloseTo(0.5);
    expect(score.recall).toBeCloseTo(0.5);
    expect(score.f1).toBeCloseTo(0.5);
  });
});
