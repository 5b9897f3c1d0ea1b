import { anchorSelector } from '../../src/core/anchoring/anchor';
import { selectorFor } from '../../src/core/model/selectors';

const original = 'Intro line. The army has 500 soldiers there. Other text. The army has 500 soldiers there. End.';
const second = original.lastIndexOf('The army');
const selector = selectorFor(original, second, second + 'The army has 500 soldiers there.'.length);

describe('anchoring a stored selector', () => {
  test('uses the stored position when the quote is still there', () => {
    expect(anchorSelector(original, selector)).toMatchObject({ start: second, method: 'position', confidence: 1 });
  });

  test('finds the quote by context when text was inserted before it, choosing the right repeat', () => {
    const edited = 'A new first paragraph was added. ' + original;
    const anchor = anchorSelector(edited, selector);
    expect(anchor).toMatchObject({ start: second + 33, method: 'quote' });
    expect(edited.slice(anchor!.start, anchor!.end)).toBe(selector.quote.exact);
  });

  test('is an orphan when the quote is gone', () => {
    expect(anchorSelector('Completely different text.', selector)).toBeNull();
  });
});
