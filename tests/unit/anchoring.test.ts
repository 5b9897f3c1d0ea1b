import { anchorAll, anchorSelector, createAnchorer, type AnchorTarget } from '../../src/core/anchoring/anchor';
import { sideSimilarity } from '../../src/core/anchoring/context';
import { normaliseText, toOriginalSpan } from '../../src/core/anchoring/normalise';
import { selectorFor } from '../../src/core/model/selectors';

const ARTICLE = [
  'The city council met on Tuesday evening to discuss the new budget.',
  'Officials said the transit authority will receive 42 million dollars next year, up from 35 million.',
  'Residents who spoke at the meeting asked for more frequent buses on weekends.',
  'The mayor promised a decision before the end of the month.',
  'Critics argued that the plan ignores the maintenance backlog in the northern districts.',
].join(' ');

/** The selector a reviewer would have stored for `quote` in `text`. */
function storedFor(text: string, quote: string, occurrence = 0): AnchorTarget & ReturnType<typeof selectorFor> {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`not in text: ${quote}`);
  return selectorFor(text, at, at + quote.length);
}

const CLAIM = 'Officials said the transit authority will receive 42 million dollars next year, up from 35 million.';

describe('a. position', () => {
  test('the stored position still holds the quote: confidence 1', () => {
    const selector = storedFor(ARTICLE, CLAIM);
    expect(anchorSelector(ARTICLE, selector)).toEqual({ start: selector.position.start, end: selector.position.end, confidence: 1, method: 'position' });
  });

  test('a repeat that slid into the old offsets loses to the copy whose context agrees', () => {
    const quote = 'The vote was delayed.';
    const original = `Budget news. ${quote} The council will meet again. Transit news. ${quote} Riders are angry.`;
    const selector = storedFor(original, quote, 1);
    // Cut text before the second copy so that the first copy now sits exactly at the stored offset.
    const shift = selector.position.start - original.indexOf(quote);
    const edited = `${'x'.repeat(shift - 1)} ${original}`;
    expect(edited.slice(selector.position.start, selector.position.end)).toBe(quote);
    const anchor = anchorSelector(edited, selector);
    expect(anchor?.start).toBe(edited.lastIndexOf(quote));
    expect(anchor?.method).toBe('quote');
  });
});

describe('b. exact quote', () => {
  test('a repeated quote is attached to the copy whose context agrees', () => {
    const quote = 'The mayor promised a decision.';
    const original = `Housing: rents rose again. ${quote} Tenants were not convinced. Parks: two playgrounds will close. ${quote} Parents protested.`;
    const selector = storedFor(original, quote, 1);
    const edited = `A new introduction paragraph appears here. ${original}`;
    const anchor = anchorSelector(edited, selector);
    expect(anchor).toMatchObject({ start: edited.lastIndexOf(quote), method: 'quote' });
    expect(anchor?.confidence).toBeGreaterThan(0.95);
  });

  test('a unique sentence still attaches when its context was rewritten (moved paragraph)', () => {
    const selector = storedFor(ARTICLE, CLAIM);
    const moved = `Completely new opening words. ${CLAIM} Entirely new closing words follow here.`;
    const anchor = anchorSelector(moved, selector);
    expect(anchor).toMatchObject({ start: moved.indexOf(CLAIM), end: moved.indexOf(CLAIM) + CLAIM.length, method: 'quote' });
  });

  test('a short quote whose context is gone is not guessed, even when it occurs once', () => {
    const selector = storedFor(ARTICLE, 'buses');
    expect(anchorSelector('We took buses to the stadium, then walked home through the park.', selector)).toBeNull();
  });

  test('a bare quote (no context, no position) attaches only when it is unambiguous', () => {
    expect(createAnchorer(ARTICLE).anchor({ quote: { exact: CLAIM } })).toMatchObject({ start: ARTICLE.indexOf(CLAIM), method: 'quote' });
    expect(createAnchorer(`${CLAIM} Later: ${CLAIM}`).anchor({ quote: { exact: CLAIM } })).toBeNull();
  });
});

describe('c. normalised text', () => {
  test('whitespace changes: spaces doubled, line breaks, no-break spaces, even a space removed at a block edge', () => {
    const selector = storedFor(ARTICLE, CLAIM);
    const reflowed = ARTICLE.replace('Officials said the', 'Officials  said\n      the').replace('42 million', '42\u00a0million').replace('budget. Officials', 'budget.Officials');
    const anchor = anchorSelector(reflowed, selector);
    expect(anchor?.method).toBe('normalised');
    expect(reflowed.slice(anchor!.start, anchor!.end)).toBe('Officials  said\n      the transit authority will receive 42\u00a0million dollars next year, up from 35 million.');
  });

  test('quote styles, dashes and ellipses', () => {
    const original = 'Before it. “It’s a disaster – a total one…” she said. After it.';
    const quote = '“It’s a disaster – a total one…” she said.';
    const selector = storedFor(original, quote);
    const edited = 'Before it. "It\'s a disaster -- a total one..." she said. After it.';
    const anchor = anchorSelector(edited, selector);
    expect(anchor?.method).toBe('normalised');
    expect(edited.slice(anchor!.start, anchor!.end)).toBe('"It\'s a disaster -- a total one..." she said.');
  });

  test('offsets map back through the normalised copy', () => {
    const normalised = normaliseText('a \u2014 b\u2026 c');
    expect(normalised.text).toBe('a-b...c');
    expect(toOriginalSpan(normalised, 3, 6)).toEqual({ start: 5, end: 6 });
    expect(toOriginalSpan(normalised, 0, 7)).toEqual({ start: 0, end: 8 });
  });
});

describe('d. fuzzy', () => {
  test('a changed number inside the quote', () => {
    const selector = storedFor(ARTICLE, CLAIM);
    const edited = `An editor's note was added at the top. ${ARTICLE.replace('42 million', '44 million')}`;
    const anchor = anchorSelector(edited, selector);
    expect(anchor?.method).toBe('fuzzy');
    expect(edited.slice(anchor!.start, anchor!.end)).toBe(CLAIM.replace('42', '44'));
    expect(anchor!.confidence).toBeGreaterThan(0.5);
    expect(anchor!.confidence).toBeLessThan(0.9);
  });

  test('a changed word inside, plus edited words next to the quote and restyled whitespace', () => {
    const selector = storedFor(ARTICLE, CLAIM);
    const edited = ARTICLE.replace('new budget.', 'revised budget.').replace('will receive', 'would  receive').replace('Residents who', 'People who');
    const anchor = anchorSelector(edited, selector);
    expect(anchor?.method).toBe('fuzzy');
    expect(edited.slice(anchor!.start, anchor!.end)).toBe(CLAIM.replace('will receive', 'would  receive'));
  });

  test('an edited quote whose stored context is only whitespace attaches when it is the only candidate', () => {
    const indent = `\n${' '.repeat(40)}`;
    const page = `Intro paragraph here.${indent}${CLAIM}${indent}Closing paragraph here.`;
    const selector = storedFor(page, CLAIM);
    expect(selector.quote.prefix.trim()).toBe('');
    expect(selector.quote.suffix.trim()).toBe('');
    const edited = page.replace('42 million', '44 million');
    expect(createAnchorer(edited).anchor(selector)).toMatchObject({ start: selector.position.start, method: 'fuzzy' });
    // Two lookalikes and nothing stored to choose between them: orphan.
    const twice = `${edited}\n   \n${CLAIM.replace('42 million', '41 million')}`;
    expect(createAnchorer(twice).anchor(selector)).toBeNull();
  });

  // Every word of these texts occurs hundreds of times, so single words cannot narrow the search:
  // with 16 words, word pairs can; with 4, even pairs are too common and the search falls back
  // to the stored position's window or, without one, to the bounded whole-text search.
  test.each([
    ['word pairs', 16, true],
    ['the stored position', 4, true],
    ['the whole-text search', 4, false],
  ])('a quote of only very common words is still found (via %s)', (_path, vocabulary, withPosition) => {
    const words = ['the', 'of', 'and', 'to', 'in', 'a', 'is', 'that', 'for', 'it', 'was', 'on', 'with', 'as', 'be', 'at'].slice(0, vocabulary as number);
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    const sentences = Array.from({ length: 800 }, () => `${Array.from({ length: 12 }, () => words[next() % words.length]).join(' ')}.`);
    const text = sentences.join(' ');
    const quote = sentences[400] as string;
    const selector = storedFor(text, quote);
    const at = selector.position.start;
    const edited = `${text.slice(0, at)}${quote.replace(/^\S+/, 'zebra')}${text.slice(at + quote.length)}`;
    const anchor = createAnchorer(edited).anchor(withPosition ? selector : { quote: selector.quote });
    expect(anchor).toMatchObject({ method: 'fuzzy' });
    expect(Math.abs(anchor!.start - at)).toBeLessThanOrEqual(6);
  });
});

describe('e. orphans: never attach to the wrong text', () => {
  test('the quote is gone', () => {
    const selector = storedFor(ARTICLE, CLAIM);
    expect(anchorSelector(ARTICLE.replace(CLAIM, ''), selector)).toBeNull();
    expect(anchorSelector('Completely different text about another subject entirely.', selector)).toBeNull();
  });

  test('the same sentence with a different number AND different context elsewhere stays an orphan', () => {
    // Whether this is "the claim, edited, with its neighbours rewritten" or "the claim deleted,
    // and a lookalike about another year" cannot be told apart from the text. Attaching would
    // show the reviewer's verdict on a claim they never judged, so it is an orphan.
    const selector = storedFor(ARTICLE, CLAIM);
    const lookalike = CLAIM.replace('42 million', '47 million');
    const other = `Last year's report was different. ${lookalike} Nobody objected at the time.`;
    expect(anchorSelector(other, selector)).toBeNull();
  });

  test('an edited one-sentence paragraph that moved re-attaches: its old neighbours are still on the page', () => {
    const paragraphs = ['The city council met on Tuesday evening to discuss the new budget.', CLAIM, 'Residents who spoke at the meeting asked for more frequent buses on weekends.', 'The mayor promised a decision before the end of the month.'];
    const original = paragraphs.join('\n');
    const selector = storedFor(original, CLAIM);
    const edited = CLAIM.replace('42 million', '47 million');
    const moved = [paragraphs[0], paragraphs[2], paragraphs[3], edited].join('\n');
    expect(anchorSelector(moved, selector)).toMatchObject({ start: moved.indexOf(edited), end: moved.indexOf(edited) + edited.length, method: 'fuzzy' });
    // Paragraphs inserted on both sides of it: the same.
    const surrounded = [paragraphs[0], 'An editor added this paragraph after publication.', edited, 'And this one too, with further reporting.', paragraphs[2], paragraphs[3]].join('\n');
    expect(anchorSelector(surrounded, selector)).toMatchObject({ start: surrounded.indexOf(edited), method: 'fuzzy' });
  });

  test('a deleted sentence is not taken for a caption that repeats most of it', () => {
    const quote = '“When you get a freeze and a thaw, the ground around the water mains expands and contracts, and puts external pressure on the pipes,” Mr. Georgelis said.';
    const caption = '“When you get a freeze and a thaw, the ground around the water mains expands and contracts, and puts external pressure on the pipes,” said Tasos Georgelis of the city’s water department.';
    const original = `A water main broke in Manhattan in 2014. ${caption}\nThe city replaces about 60 miles of pipe a year.\n${quote}\nAlong the city’s streets, crews work through the night.`;
    const selector = storedFor(original, quote);
    const deleted = original.replace(`${quote}\n`, '');
    expect(anchorSelector(deleted, selector)).toBeNull();
  });

  test('a moved, edited sentence among sentences made on the same pattern attaches to its own only', () => {
    const films = ['Princess Cyd', 'Get Out', 'Lady Bird', 'The Florida Project'].map((title) => `${title} is currently streaming on Netflix and available to digitally rent on Google Play and YouTube.`);
    const reviews = ['A quiet film about a summer in Chicago.', 'A horror film that is also a satire.', 'A comedy about leaving home.', 'A story of a motel near a theme park.'];
    const original = films.map((line, i) => `${reviews[i]}\n${line}`).join('\n');
    const quote = films[0] as string;
    const selector = storedFor(original, quote);
    const edited = quote.replace('digitally', 'also');
    const moved = `${original.replace(`${quote}\n`, '')}\n${edited}`;
    expect(anchorSelector(moved, selector)).toMatchObject({ start: moved.indexOf(edited), method: 'fuzzy' });
    // Deleted instead: the other films' lines share all but the title; none is taken.
    expect(anchorSelector(original.replace(`${quote}\n`, ''), selector)).toBeNull();
  });

  test('the same lookalike where the claim used to be (its context agrees) is the edited claim', () => {
    const selector = storedFor(ARTICLE, CLAIM);
    const edited = ARTICLE.replace(CLAIM, CLAIM.replace('42 million', '47 million'));
    expect(anchorSelector(edited, selector)).toMatchObject({ start: selector.position.start, method: 'fuzzy' });
  });

  test('a sentence rewritten beyond a quarter of its characters is an orphan even in place', () => {
    const selector = storedFor(ARTICLE, CLAIM);
    const rewritten = ARTICLE.replace(CLAIM, 'The transit authority gets 42 million next year; last year it had 35 million, officials said.');
    expect(anchorSelector(rewritten, selector)).toBeNull();
  });

  test('two equally good fuzzy matches are ambiguous', () => {
    const original = `Intro one. ${CLAIM} Outro.`;
    const selector = storedFor(original, CLAIM);
    const edited = `Intro one. ${CLAIM.replace('42', '43')} Outro. Intro one. ${CLAIM.replace('42', '41')} Outro.`;
    expect(anchorSelector(edited, selector)).toBeNull();
  });
});

describe('the API', () => {
  test('anchorAll shares one anchorer and agrees with single calls', () => {
    const edited = `Preface. ${ARTICLE.replace('42 million', '44 million').replace('Tuesday', 'Wednesday')}`;
    const quotes = ['The city council met on Tuesday evening to discuss the new budget.', CLAIM, 'The mayor promised a decision before the end of the month.'];
    const selectors = quotes.map((q) => storedFor(ARTICLE, q));
    const all = anchorAll(edited, selectors);
    expect(all).toEqual(selectors.map((s) => anchorSelector(edited, s)));
    expect(all.map((a) => a?.method)).toEqual(['fuzzy', 'fuzzy', 'quote']);
  });

  test('a quote without a position selector, and an empty quote', () => {
    const { quote } = storedFor(ARTICLE, CLAIM);
    expect(createAnchorer(ARTICLE).anchor({ quote })).toMatchObject({ start: ARTICLE.indexOf(CLAIM), method: 'quote', confidence: 1 });
    expect(createAnchorer(ARTICLE).anchor({ quote: { exact: '  ' } })).toBeNull();
  });

  test('context similarity tolerates an insertion next to the quote', () => {
    expect(sideSimilarity('abcdefghij', 'abcdefghij')).toBe(1);
    expect(sideSimilarity('abcdefghij', 'XXabcdefghij')).toBeCloseTo(0.8);
    expect(sideSimilarity('abcdefghij', 'zyxwvutsrq')).toBe(0);
  });
});
