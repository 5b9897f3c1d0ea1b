import fs from 'node:fs';
import path from 'node:path';
import { decodeBase64 } from '../../src/core/claims/model';
import { DEFAULT_THRESHOLD, SENSITIVITY_THRESHOLDS, scoreSentence } from '../../src/core/claims/score';
import { tokenize } from '../../src/core/claims/tokenize';

const high = (text: string): void => {
  expect(scoreSentence(text).score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
};
const low = (text: string): void => {
  expect(scoreSentence(text).score).toBeLessThan(DEFAULT_THRESHOLD);
};

describe('scoreSentence', () => {
  test('scores lie in [0, 1] and thresholds are ordered fewer > balanced > more', () => {
    for (const text of ['', '?', 'Unemployment rose to 8 percent in 2009.', 'x'.repeat(5000)]) {
      const { score } = scoreSentence(text);
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
    expect(SENSITIVITY_THRESHOLDS.fewer).toBeGreaterThan(SENSITIVITY_THRESHOLDS.balanced);
    expect(SENSITIVITY_THRESHOLDS.balanced).toBeGreaterThan(SENSITIVITY_THRESHOLDS.more);
    expect(DEFAULT_THRESHOLD).toBe(SENSITIVITY_THRESHOLDS.balanced);
  });

  test('clear factual claims with numbers score above the default threshold', () => {
    high('Unemployment rose to 8 percent in 2009.');
    high('The company said its profits fell 12% last year.');
    high('Congress passed the bill in 2010 by a vote of 219 to 212.');
    high('Crime fell by 20 percent in New York between 1990 and 2000.');
    high('About 500 soldiers take part in the military exercises until March 20.');
  });

  test('questions, opinions, predictions, calls to action and boilerplate score below it', () => {
    low('What are we going to do about the economy?');
    low('Do you really believe that?');
    low('I think we should invest more in our schools.');
    low('This is a great country.');
    low('We will win this election.');
    low('You should vote for me.');
    low('Sign up for our newsletter');
    low('Sign up for our newsletter to get the latest news.');
    low('Follow Frances Martel on Facebook and Twitter.');
    low('Please let us know if you are having issues with commenting.');
    low('Maduro Envoy in Moscow Suggests ‘Expanded’ Russian Troop Presence in Venezuela');
  });

  test('a percentage gives the quantity reason, first', () => {
    const { reasons } = scoreSentence('Exports rose 12% in 2018.');
    expect(reasons[0]).toBe('quantity');
    expect(reasons).toContain('date');
  });

  test('"X said" gives the attribution reason', () => {
    expect(scoreSentence('Smith said the plan would cost 3 billion dollars.').reasons).toContain('attribution');
    expect(scoreSentence('According to the report, crime fell by a third.').reasons).toContain('attribution');
  });

  test('other cue reasons', () => {
    expect(scoreSentence('The deficit is bigger than it was in 1990.').reasons).toEqual(expect.arrayContaining(['comparison', 'date']));
    expect(scoreSentence('Prices rose because the central bank printed money.').reasons).toContain('causal');
    expect(scoreSentence('The Supreme Court ruled that the law was unconstitutional.').reasons).toContain('official');
    expect(scoreSentence('Russia has deployed troops to Venezuela since 2018.').reasons).toContain('actor');
  });

  test('reasons are unique and boilerplate has none', () => {
    const { reasons } = scoreSentence('Last week, Pompeo said that 92,000 agents were sent to Venezuela, more than in 2017.');
    expect(new Set(reasons).size).toBe(reasons.length);
    expect(scoreSentence('Subscribe to our newsletter for 50% off.').reasons).toEqual([]);
  });

  test('names carry no lexical weight: swapping one name for another leaves the score unchanged', () => {
    const a = scoreSentence('Obama cut Medicare spending by 5 percent in 2012.');
    const b = scoreSentence('Maduro cut Petrocaribe spending by 5 percent in 2012.');
    expect(b.score).toBe(a.score);
    expect(b.reasons).toEqual(a.reasons);
  });

  test('very long inputs (thousands of distinct features) still score', () => {
    const words = Array.from({ length: 4000 }, (_, i) => `w${i.toString(36)}x${i % 7 === 0 ? ' 42' : ''}`).join(' ');
    const { score } = scoreSentence(`${words}.`);
    expect(score).toBeGreaterThanOrEqual(0);
    expect(score).toBeLessThanOrEqual(1);
  });

  test('repeating a feature does not add weight (binary features)', () => {
    const once = scoreSentence('The rate rose to 5 percent.');
    expect(scoreSentence('The rate rose to 5 percent. The rate rose to 5 percent.').score).toBeCloseTo(once.score, 1);
  });

  test('scoring is deterministic and independent of call order', () => {
    const text = 'The minimum wage has not been raised since 2009.';
    const first = scoreSentence(text);
    scoreSentence('Something else entirely, with Names and 12 numbers?');
    expect(scoreSentence(text)).toEqual(first);
  });
});

describe('tokenize', () => {
  test('maps content to coarse classes', () => {
    const syms = tokenize('Last week, U.S. Secretary of State Mike Pompeo said 92,000 troops cost $5 billion (12%) in 2019.').map((t) => t.sym);
    expect(syms).toEqual(['last', 'week', 'ENT', 'ENT+', 'of', 'ENT', 'ENT+', 'ENT+', 'said', 'NUM', 'troops', '~', '$', 'NUM', 'billion', 'NUM', '%', 'in', 'YEAR']);
  });

  test('a capitalised first word is a name only when a name or a verb follows', () => {
    expect(tokenize('Pompeo said so.')[0]?.sym).toBe('ENT');
    expect(tokenize('Unemployment rose.')[0]?.sym).toBe('~tion');
    expect(tokenize('Health care costs rose.')[0]?.sym).toBe('~');
  });
});

describe('model file', () => {
  const file = path.resolve(__dirname, '../../src/core/claims/model.json');
  test('is at most 1 MB', () => {
    expect(fs.statSync(file).size).toBeLessThanOrEqual(1_000_000);
  });

  test('base64 decoding matches Node', () => {
    for (const bytes of [[], [0], [1, 2], [255, 254, 253], [...Array(300).keys()].map((i) => (i * 37) % 256)]) {
      const b64 = Buffer.from(bytes).toString('base64');
      expect([...decodeBase64(b64)]).toEqual(bytes);
    }
  });
});

describe('model loading', () => {
  test('the weights are decoded on the first score, once, not when the module loads', () => {
    jest.isolateModules(() => {
      const actual = jest.requireActual<typeof import('../../src/core/claims/model')>('../../src/core/claims/model');
      const decodeModel = jest.fn(actual.decodeModel);
      jest.doMock('../../src/core/claims/model', () => ({ ...actual, decodeModel }));
      const fresh = jest.requireActual<typeof import('../../src/core/claims/score')>('../../src/core/claims/score');
      expect(decodeModel).not.toHaveBeenCalled();
      const text = 'Unemployment fell to 3.1 percent in May, the lowest rate since 1976.';
      const first = fresh.scoreSentence(text);
      fresh.scoreSentence('The council met on Tuesday.');
      expect(decodeModel).toHaveBeenCalledTimes(1);
      // The same model as the one loaded with the rest of the suite.
      expect(first).toEqual(scoreSentence(text));
    });
  });
});
