import { evaluateSegmenter, factmarkSentences } from '../../src/cli/eval-segmenter';
import { SEGMENT_CASES } from '../../src/cli/segment-cases';

describe('sentence boundaries: Golden Rules and news cases', () => {
  const result = evaluateSegmenter();

  test('Factmark passes at least 95 % of the cases, and more than Intl.Segmenter on the same cases', () => {
    console.log(`segmenter: Factmark ${result.factmark.passed}/${result.cases}${result.intlSegmenter ? `, Intl.Segmenter ${result.intlSegmenter.passed}/${result.cases}` : ''}`);
    expect(result.cases).toBeGreaterThanOrEqual(70);
    expect(result.factmark.rate).toBeGreaterThanOrEqual(0.95);
    if (result.intlSegmenter) expect(result.factmark.passed).toBeGreaterThan(result.intlSegmenter.passed);
  });

  // The news cases are what the claims depend on: each one must pass.
  test.each(SEGMENT_CASES.filter((item) => item.group === 'news').map((item) => [item.name, item] as const))('news: %s', (_name, item) => {
    expect(factmarkSentences(item.text)).toEqual(item.sentences);
  });

  test('every case has its sentences in its text, in order', () => {
    for (const item of SEGMENT_CASES) {
      let from = 0;
      for (const sentence of item.sentences) {
        const at = item.text.indexOf(sentence, from);
        expect(at).toBeGreaterThanOrEqual(0);
        from = at + sentence.length;
      }
    }
  });
});
