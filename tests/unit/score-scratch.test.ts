import { scoreSentence } from '../../src/core/claims/score';
import { tokenize, tokenizeInto, type Token } from '../../src/core/claims/tokenize';

// Scoring reuses scratch state (a token list, the logit, the reasons' order) from one sentence
// to the next: nothing of one sentence may leak into the next.
const SENTENCES = [
  'Unemployment rose to 7.5% in 2019, the highest level since 1990, the ministry said.',
  'Hello there.',
  '"We will cut taxes by $2 billion," Senator Jane Smith told reporters on Monday.',
  'Russia has sent 100 soldiers and two planes to Caracas, according to officials.',
  'Click here to subscribe.',
];

test('a sentence scores the same whatever was scored before it', () => {
  const alone = SENTENCES.map((s) => {
    const fresh = scoreSentence(s);
    return { score: fresh.score, reasons: [...fresh.reasons] };
  });
  const reversed = [...SENTENCES].reverse().map((s) => scoreSentence(s)).reverse();
  const twice = SENTENCES.map((s) => (scoreSentence(s), scoreSentence(s)));
  expect(reversed).toEqual(alone);
  expect(twice).toEqual(alone);
  expect(alone.some((s) => s.reasons.length > 1)).toBe(true);
});

test('tokenizeInto empties the list it is given and fills it as tokenize does', () => {
  const reused: Token[] = [];
  for (const s of [...SENTENCES, ...SENTENCES]) expect(tokenizeInto(s, reused)).toEqual(tokenize(s));
  expect(tokenizeInto('', reused)).toEqual([]);
});
