// An edited quote whose paragraph moved, when the stored context runs past the end (or start) of
// that paragraph: the part of the context inside the paragraph travels with the quote, the rest
// stays behind. Both parts are still on the page, so the quote re-attaches; when the part that
// stayed behind is gone too, nothing shows the page is the same page, and it stays an orphan.
import { anchorSelector, type AnchorTarget } from '../../src/core/anchoring/anchor';
import { selectorFor } from '../../src/core/model/selectors';

function storedFor(text: string, quote: string): AnchorTarget {
  const at = text.indexOf(quote);
  if (at < 0 || text.indexOf(quote, at + 1) >= 0) throw new Error(`not once in text: ${quote}`);
  return selectorFor(text, at, at + quote.length);
}

/** Moves paragraph `from` to the end (or, with `toFront`, the start) of the list. */
function moved(paragraphs: readonly string[], from: number, replacement: string, toFront = false): string {
  const rest = paragraphs.filter((_, i) => i !== from);
  return (toFront ? [replacement, ...rest] : [...rest, replacement]).join('\n');
}

const QUOTE = 'The harbour board said its new dredger will remove 80,000 cubic metres of silt from the eastern channel this winter.';
const EDITED = QUOTE.replace('eastern', 'northern');
const BEFORE = 'The harbour board met on Monday to review the dredging contract and its costs.';
const AFTER = 'Fishermen asked whether the western moorings would stay open during the works.';
const LAST = 'A final vote on the contract is expected in March, after a public consultation.';

describe('an edited quote whose paragraph moved, with context reaching past its paragraph', () => {
  test('the suffix runs into the next paragraph: the sentence after the quote moved with it', () => {
    const paragraphs = [BEFORE, `${QUOTE} Work starts soon.`, AFTER, LAST];
    const selector = storedFor(paragraphs.join('\n'), QUOTE);
    const page = moved(paragraphs, 1, `${EDITED} Work starts soon.`);
    expect(anchorSelector(page, selector)).toMatchObject({ start: page.indexOf(EDITED), end: page.indexOf(EDITED) + EDITED.length, method: 'fuzzy' });
  });

  test('the prefix runs into the previous paragraph: the sentence before the quote moved with it', () => {
    const paragraphs = [BEFORE, `Work starts soon. ${QUOTE}`, AFTER, LAST];
    const selector = storedFor(paragraphs.join('\n'), QUOTE);
    const page = moved(paragraphs, 1, `Work starts soon. ${EDITED}`, false);
    expect(anchorSelector(page, selector)).toMatchObject({ start: page.indexOf(EDITED), end: page.indexOf(EDITED) + EDITED.length, method: 'fuzzy' });
    const toFront = moved([BEFORE, AFTER, `Work starts soon. ${QUOTE}`, LAST], 2, `Work starts soon. ${EDITED}`, true);
    const frontSelector = storedFor([BEFORE, AFTER, `Work starts soon. ${QUOTE}`, LAST].join('\n'), QUOTE);
    expect(anchorSelector(toFront, frontSelector)).toMatchObject({ start: toFront.indexOf(EDITED), method: 'fuzzy' });
  });

  test('the same in text written without spaces (Japanese)', () => {
    const quote = '港湾局は、新しい浚渫船がこの冬に東側の水路から八万立方メートルの土砂を取り除く予定だと、月曜日に発表した。';
    const edited = quote.replace('東側', '北側');
    const paragraphs = ['港湾局は月曜日に会合を開き、浚渫契約とその費用を検討した。', `${quote}工事はまもなく始まる。`, '漁業者は、工事の間も西側の係留地が使えるかどうかを尋ねた。', '契約についての最終的な採決は、意見公募の後、三月に行われる見通しだ。'];
    const selector = storedFor(paragraphs.join('\n'), quote);
    const page = moved(paragraphs, 1, `${edited}工事はまもなく始まる。`);
    expect(anchorSelector(page, selector)).toMatchObject({ start: page.indexOf(edited), end: page.indexOf(edited) + edited.length, method: 'fuzzy' });
  });

  test('when the part of the context that stayed behind is gone as well, it is an orphan', () => {
    const paragraphs = [BEFORE, `${QUOTE} Work starts soon.`, AFTER, LAST];
    const selector = storedFor(paragraphs.join('\n'), QUOTE);
    const rewritten = moved(paragraphs, 1, `${EDITED} Work starts soon.`).replace(AFTER, 'Anglers wanted to know if the old moorings would remain usable.');
    expect(anchorSelector(rewritten, selector)).toBeNull();
    // And a sentence deleted while an edited copy with the same next sentence sits elsewhere, its
    // old neighbours rewritten: no evidence that this is the same page rearranged.
    const elsewhere = ['The harbour board met again on Sunday.', 'The old moorings stay open.', LAST, `${EDITED} Work starts soon.`].join('\n');
    expect(anchorSelector(elsewhere, selector)).toBeNull();
  });
});
