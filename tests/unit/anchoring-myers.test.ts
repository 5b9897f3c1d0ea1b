// The prepared-pattern search must give exactly what approx-string-match's `search` gives (the
// reference implementation of the same algorithm): same starts, ends and error counts.
import search from 'approx-string-match';
import { ApproxPattern } from '../../src/core/anchoring/myers';
import { random } from '../support/random';

function randomText(next: () => number, length: number, alphabet: string): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)];
  return out;
}

/** The pattern with `edits` random substitutions, insertions and deletions. */
function mutate(next: () => number, pattern: string, edits: number, alphabet: string): string {
  let out = pattern;
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(next() * (out.length + 1));
    const kind = Math.floor(next() * 3);
    const char = alphabet[Math.floor(next() * alphabet.length)] as string;
    if (kind === 0) out = out.slice(0, at) + char + out.slice(at + 1);
    else if (kind === 1) out = out.slice(0, at) + char + out.slice(at);
    else out = out.slice(0, at) + out.slice(at + 1);
  }
  return out;
}

describe('ApproxPattern', () => {
  test.each([
    ['two letters', 'ab'],
    ['prose', 'abcdefghijklmnopqrstuvwxyz ,.'],
    ['non-ASCII', 'aé€“”— ñ'],
  ])('matches approx-string-match on 600 random cases (%s)', (_name, alphabet) => {
    const next = random(alphabet.length * 7919);
    for (let trial = 0; trial < 600; trial++) {
      const pattern = randomText(next, 1 + Math.floor(next() * 150), alphabet);
      const planted = mutate(next, pattern, Math.floor(next() * 12), alphabet);
      const text = randomText(next, Math.floor(next() * 200), alphabet) + planted + randomText(next, Math.floor(next() * 200), alphabet);
      const maxErrors = Math.floor(next() * (pattern.length / 2 + 2));
      expect({ pattern, text, maxErrors, matches: new ApproxPattern(pattern).search(text, maxErrors) }).toEqual({ pattern, text, maxErrors, matches: search(text, pattern, maxErrors) });
    }
  });

  test('one prepared pattern searches many texts', () => {
    const quote = 'The central bank raised its main rate to 4.5 per cent on Thursday.';
    const prepared = new ApproxPattern(quote);
    for (const text of ['Earlier: The central bank raised its key rate to 4.5 per cent on Thursday. Later.', 'nothing like it here', quote]) {
      expect(prepared.search(text, 16)).toEqual(search(text, quote, 16));
    }
  });

  test('an empty pattern matches nothing', () => {
    expect(new ApproxPattern('').search('anything', 3)).toEqual([]);
  });
});
