// The word index that the exact and fuzzy steps look things up in, and the ordinal-based windows:
// a passage re-flowed with much more whitespace, and edited, is still found where it is.
import { anchorAll } from '../../src/core/anchoring/anchor';
import { WordIndex, wordKey, wordsOf } from '../../src/core/anchoring/word-index';
import { selectorFor } from '../../src/core/model/selectors';

describe('WordIndex', () => {
  const text = 'The Mayor said: the budget, THE budget!  Ünïcode façade — 42 façades, 42x.';
  const index = new WordIndex(text);

  test('keys ignore case, in any script', () => {
    expect(wordKey('The')).toBe(wordKey('the'));
    expect(wordKey('FAÇADE')).toBe(wordKey('façade'));
    expect(wordKey('façade')).not.toBe(wordKey('facade'));
    expect(index.count(wordKey('the'))).toBe(3);
    expect(index.count(wordKey('façade'))).toBe(1);
    expect(index.count(wordKey('missing'))).toBe(0);
  });

  test('words are runs of letters and digits; offsets and ordinals point at them', () => {
    expect(wordsOf('42x, über-cool').map((w) => [w.offset, w.length])).toEqual([[0, 3], [5, 4], [10, 4]]);
    expect(index.offsets(wordKey('budget'))).toEqual([text.indexOf('budget'), text.lastIndexOf('budget')]);
    const [first] = index.ordinals(wordKey('mayor'));
    expect(first).toBe(1);
    expect(text.slice(index.startOf(1), index.endOf(1))).toBe('Mayor');
    expect(index.startOf(-3)).toBe(0);
    expect(index.endOf(index.size + 5)).toBe(text.length);
  });

  test('pairs of adjacent words are found from either side', () => {
    expect(index.pairOrdinals(wordKey('the'), wordKey('budget'))).toEqual([3, 5]);
    expect(index.pairOrdinals(wordKey('budget'), wordKey('the'))).toEqual([4]);
    expect(index.pairOrdinals(wordKey('the'), wordKey('nothing'))).toEqual([]);
  });

  test('ordinals do not move when whitespace and punctuation styles change', () => {
    const reflowed = new WordIndex('The  Mayor\n      said:\u00a0“the budget”');
    expect(reflowed.ordinals(wordKey('budget'))[0]).toBe(new WordIndex('The Mayor said: "the budget"').ordinals(wordKey('budget'))[0]);
  });
});

describe('windows from word ordinals', () => {
  const sentences = Array.from({ length: 400 }, (_, i) => `Report ${i} noted that the regional office in district ${i * 7} filed ${i + 3} complaints about delayed payments.`);
  const original = sentences.join(' ');
  const quote = 'Inspectors from the national audit agency found that 1,284 invoices had been paid twice during the spring.';
  const text = `${original.slice(0, 30_000)} ${quote} ${original.slice(30_000)}`;

  test('a quote re-flowed with eight spaces and a line break per space, and one word edited, is found in its place', () => {
    const selector = selectorFor(text, text.indexOf(quote), text.indexOf(quote) + quote.length);
    const reflow = (s: string) => s.replace(/ /g, '\n        ');
    const editedQuote = reflow(quote.replace('twice', 'three times'));
    const edited = `${reflow(original.slice(0, 30_000))}\n        ${editedQuote}\n        ${reflow(original.slice(30_000))}`;
    const [anchor] = anchorAll(edited, [selector]);
    expect(anchor?.method).toBe('fuzzy');
    expect(edited.slice(anchor?.start, anchor?.end)).toBe(editedQuote);
  });

  test('a sentence that is gone is an orphan, though its template repeats 400 times', () => {
    const selector = selectorFor(text, text.indexOf(quote), text.indexOf(quote) + quote.length);
    expect(anchorAll(original, [selector])).toEqual([null]);
  });
});
