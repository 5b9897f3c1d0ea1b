import { segmentSentences, type Span } from '../../src/core/text/segment';
import { isAttributionFragment } from '../../src/core/text/segment-attribution';
import { classifyWordBeforePeriod } from '../../src/core/text/segment-abbreviations';

/** Segments and returns the sentence strings, checking the span invariants on the way. */
function seg(text: string, hardBreaks: readonly number[] = []): string[] {
  const spans = segmentSentences(text, hardBreaks);
  expectValidSpans(text, spans, hardBreaks);
  return spans.map((s) => text.slice(s.start, s.end));
}

function expectValidSpans(text: string, spans: Span[], hardBreaks: readonly number[]): void {
  // Collect violations and assert once, so long inputs do not pay for thousands of expect() calls.
  const problems: string[] = [];
  const breaks = hardBreaks.filter(Number.isInteger);
  let last = 0;
  for (const { start, end } of spans) {
    const body = text.slice(start, end);
    if (start < last || end <= start || end > text.length) problems.push(`bad span ${start}-${end}`);
    if (body.trim() !== body) problems.push(`untrimmed ${JSON.stringify(body)}`);
    if (breaks.some((b) => b > start && b < end)) problems.push(`crosses a hard break: ${JSON.stringify(body)}`);
    last = end;
  }
  expect(problems).toEqual([]);
}

/** Hard breaks at every blank line, as the article extractor reports paragraph ends. */
function paragraphBreaks(text: string): number[] {
  return [...text.matchAll(/\n[ \t]*\n/g)].map((m) => m.index ?? 0);
}

describe('segmentSentences basics', () => {
  it('returns nothing for empty or blank text', () => {
    expect(seg('')).toEqual([]);
    expect(seg('  \n\u00a0 ')).toEqual([]);
  });

  it('splits plain sentences and trims whitespace, including NBSP', () => {
    expect(seg('\u00a0 The vote passed.   It was close!  Was it fair? ')).toEqual([
      'The vote passed.',
      'It was close!',
      'Was it fair?',
    ]);
  });

  it('keeps text without final punctuation as one sentence', () => {
    expect(seg('Breaking news from the capital')).toEqual(['Breaking news from the capital']);
  });

  it('does not split before a lower-case word', () => {
    expect(seg('He left at 5 p.m. and returned. Then he slept.')).toEqual(['He left at 5 p.m. and returned.', 'Then he slept.']);
  });

  it('splits before a digit and before lower-case brand names', () => {
    expect(seg('The bill passed. 35 senators opposed it. iPhone sales fell.')).toEqual([
      'The bill passed.',
      '35 senators opposed it.',
      'iPhone sales fell.',
    ]);
  });
});

describe('abbreviations', () => {
  it.each([
    ['Sen. Ted Cruz and Rep. Ilhan Omar spoke with Gov. Gavin Newsom.'],
    ['Dr. Ruth met Mr. and Mrs. Smith and Ms. Jones at Prof. Lee’s office.'],
    ['Gen. Mark Milley, Lt. Col. Alexander Vindman and Capt. Jane Doe testified.'],
    ['The team played in St. Louis on Jan. 5 and in Boston on Feb. 12.'],
    ['The deadline moved from Aug. 1 to Sept. 30, then to Oct. 15, Nov. 3 and Dec. 31.'],
    ['Martin Luther King Jr. Day is a holiday at Acme Inc. headquarters.'],
    ['Acme Corp. and Smith & Co. Ltd. signed the deal.'],
    ['The case Brown vs. Board of Education and Roe v. Wade changed the law.'],
    ['Bring fruit, e.g. apples, i.e. anything sweet, bread, etc. and water.'],
    ['The meeting ran from 9 a.m. Monday to 5 p.m. Tuesday.'],
    ['The U.N. Security Council and U.K. officials met in the U.S. Capitol.'],
    ['He ranked No. 5 on the list, see p. 12 and Fig. 3 for details.'],
    ['J. R. R. Tolkien wrote it, and George W. Bush read it.'],
    ['J.R.R. Tolkien and F. Scott Fitzgerald were writers.'],
    ['The F.B.I. Director spoke in Washington, D.C. Thursday.'],
    ['She earned a Ph.D. Degree in 2001.'],
  ])('keeps %s whole', (text) => {
    expect(seg(text)).toEqual([text]);
  });

  it('splits after U.S. when a sentence starter follows', () => {
    expect(seg('He moved to the U.S. He then found work.')).toEqual(['He moved to the U.S.', 'He then found work.']);
    expect(seg('Talks stalled in the U.K. But a deal came later.')).toEqual(['Talks stalled in the U.K.', 'But a deal came later.']);
  });

  it('does not split after U.S. when a name continues', () => {
    expect(seg('He moved to the U.S. Army base in Germany.')).toEqual(['He moved to the U.S. Army base in Germany.']);
  });

  it('splits after company suffixes, etc. and a.m. before a sentence starter', () => {
    expect(seg('The buyer was Acme Inc. The price was not disclosed.')).toHaveLength(2);
    expect(seg('They sold apples, pears, etc. The market closed early.')).toHaveLength(2);
    expect(seg('The blast came at 4 a.m. It shook the city.')).toHaveLength(2);
    expect(seg('The vote is set for Jan. In the meantime, talks go on.')).toHaveLength(2);
  });

  it('treats a lone capital before a name as an initial but splits before a starter', () => {
    expect(seg('The fund is called Plan B. It failed.')).toEqual(['The fund is called Plan B.', 'It failed.']);
    expect(seg('John A. Smith and Mary A. Jones won.')).toHaveLength(1);
  });

  it('does not take a sales rep. for a title', () => {
    expect(seg('He worked as a sales rep. Later he ran the firm.')).toHaveLength(2);
  });

  it('treats "no." as a word when no number follows', () => {
    expect(seg('He said no. The talks ended.')).toEqual(['He said no.', 'The talks ended.']);
  });

  it('classifies words before a period', () => {
    expect(classifyWordBeforePeriod('Dr')).toBe('title');
    expect(classifyWordBeforePeriod('No')).toBe('numbered');
    expect(classifyWordBeforePeriod('U.S')).toBe('ambiguous');
    expect(classifyWordBeforePeriod('N.A.T.O')).toBe('ambiguous');
    expect(classifyWordBeforePeriod('3.6')).toBe('regular');
    expect(classifyWordBeforePeriod('example.com')).toBe('regular');
    expect(classifyWordBeforePeriod('rep')).toBe('regular');
  });
});

describe('numbers', () => {
  it.each([
    ['Inflation rose 3.6 percent to 26,438 units worth $1.2bn, up 0.5% from 1.5 million.'],
    ['Version v2.0 shipped at 10:30 on 04.05.2019 for €3.50 each.'],
    ['The U.S.-based firm said growth was 2.5.'],
  ])('keeps %s whole', (text) => {
    expect(seg(text)).toEqual([text]);
  });

  it('splits after a number that ends a sentence', () => {
    expect(seg('Growth hit 3.6. The bank was pleased.')).toEqual(['Growth hit 3.6.', 'The bank was pleased.']);
    expect(seg('It happened in 2019. 2020 was worse.')).toEqual(['It happened in 2019.', '2020 was worse.']);
  });
});

describe('quotations and attribution', () => {
  it('keeps the attribution with the quoted sentence it closes', () => {
    expect(seg('“We analyzed the developments. We agreed to work together,” Arreaza wrote.')).toEqual([
      '“We analyzed the developments.',
      'We agreed to work together,” Arreaza wrote.',
    ]);
  });

  it.each([
    ['"It\'s over," he said.'],
    ['“Is it over?” she asked.'],
    ['"Is it over?" she asked.'],
    ['“Get out!” the officer shouted at them.'],
    ['‘It is done,’ she said.'],
    ['“I don’t know …” he said.'],
  ])('keeps %s whole', (text) => {
    expect(seg(text)).toEqual([text]);
  });

  it('splits after a sentence that ends inside a closing quote', () => {
    expect(seg('He said “no.” Then he left.')).toEqual(['He said “no.”', 'Then he left.']);
    expect(seg('He said "no." Then he left.')).toEqual(['He said "no."', 'Then he left.']);
    expect(seg("He said 'no.' Then he left.")).toEqual(["He said 'no.'", 'Then he left.']);
  });

  it('merges a bare attribution fragment back into the quote', () => {
    expect(seg('“We agreed to work together.” Arreaza wrote.')).toEqual(['“We agreed to work together.” Arreaza wrote.']);
    expect(seg('“Is it over?” She asked.')).toEqual(['“Is it over?” She asked.']);
    expect(seg('“We are leaving!” Foreign Minister Lavrov told reporters.')).toHaveLength(1);
    expect(seg('“It is clear.” Pompeo said in an interview Sunday.')).toHaveLength(1);
    expect(seg('“It is clear.” According to TASS.')).toHaveLength(1);
  });

  it('keeps a real sentence after a quote separate', () => {
    expect(seg('“It is clear.” He said he would resign.')).toHaveLength(2);
    expect(seg('“It is clear.” Lavrov disparaged the claims.')).toHaveLength(2);
    expect(seg('“It is clear.” He wrote a book.')).toHaveLength(2);
  });

  it('does not merge a fragment across a hard break', () => {
    const text = '“We agreed.”\nArreaza wrote.';
    expect(seg(text, [12])).toEqual(['“We agreed.”', 'Arreaza wrote.']);
  });

  it('recognises attribution fragments', () => {
    for (const f of ['Arreaza wrote.', 'he said.', 'she told reporters.', 'Said Smith.', 'The ministry said on Twitter.']) {
      expect(isAttributionFragment(f)).toBe(true);
    }
    for (const f of ['That’s what he said.', 'Prices rose, analysts said.', 'He said he would go.', 'Why did he say?']) {
      expect(isAttributionFragment(f)).toBe(false);
    }
  });

  it('keeps sentences inside a long quote separate but never splits off the closing quote', () => {
    const text = '“The Russians must get out,” Pompeo said. “It’s very clear. We want them out.”';
    expect(seg(text)).toEqual(['“The Russians must get out,” Pompeo said.', '“It’s very clear.', 'We want them out.”']);
  });
});

describe('ellipses', () => {
  it('does not break on an ellipsis followed by lower case', () => {
    expect(seg('He paused… and then he spoke. She waited... and waited.')).toEqual([
      'He paused… and then he spoke.',
      'She waited... and waited.',
    ]);
  });

  it('breaks on an ellipsis followed by a capital', () => {
    expect(seg('We never interfere … However, talks failed... The end.')).toEqual([
      'We never interfere …',
      'However, talks failed...',
      'The end.',
    ]);
  });

  it('does not break on an ellipsis followed by a digit', () => {
    expect(seg('The count went 1, 2… 3 and stopped.')).toHaveLength(1);
  });
});

describe('brackets and dashes', () => {
  it.each([
    ['WASHINGTON (AP) — The Senate voted on Tuesday.'],
    ['LONDON (Reuters) - Prices rose.'],
    ['He said they “was [sic] ready” to go.'],
    ['Senator Ted Cruz (R-TX) spoke, and [Russian] experts listened.'],
    ['The deal – signed in March – collapsed — and nobody knew why.'],
  ])('keeps %s whole', (text) => {
    expect(seg(text)).toEqual([text]);
  });

  it('treats a full sentence in parentheses as its own sentence', () => {
    expect(seg('The mayor resigned. (He declined to comment.) The council met.')).toEqual([
      'The mayor resigned.',
      '(He declined to comment.)',
      'The council met.',
    ]);
  });

  it('keeps a parenthetical sentence’s closing bracket and quote together', () => {
    expect(seg('He left (“for good.”) Nobody followed.')).toEqual(['He left (“for good.”)', 'Nobody followed.']);
  });
});

describe('hard breaks, lines and lists', () => {
  it('ends headings without punctuation at the hard break', () => {
    const text = 'Maduro Envoy in Moscow Suggests Troops\n\nRussia is an ally. It sent troops.';
    expect(seg(text, [38])).toEqual(['Maduro Envoy in Moscow Suggests Troops', 'Russia is an ally.', 'It sent troops.']);
  });

  it('never lets a span cross a hard break, even mid-sentence', () => {
    const text = 'The first half the second half.';
    expect(seg(text, [14])).toEqual(['The first half', 'the second half.']);
  });

  it('tolerates unsorted, duplicate and out-of-range hard breaks', () => {
    const text = 'Title\nBody text here.';
    expect(seg(text, [99, 5, -1, 5, 0, 2.5])).toEqual(['Title', 'Body text here.']);
  });

  it('treats a single newline and runs of spaces as whitespace', () => {
    expect(seg('The committee\nvoted   to approve\r\nthe plan. It passed.')).toEqual([
      'The committee\nvoted   to approve\r\nthe plan.',
      'It passed.',
    ]);
  });

  it('breaks at a blank line inside a block', () => {
    expect(seg('A heading\n\nBody text.\r\n\r\nMore text')).toEqual(['A heading', 'Body text.', 'More text']);
  });

  it('splits bullet and numbered list lines', () => {
    expect(seg('Key points:\n• Prices rose 3.6%\n• Jobs fell\n- Wages stalled\n* Rents rose')).toEqual([
      'Key points:',
      '• Prices rose 3.6%',
      '• Jobs fell',
      '- Wages stalled',
      '* Rents rose',
    ]);
    expect(seg('Steps:\n1. Open the box.\n2. Remove the unit.')).toEqual(['Steps:', '1. Open the box.', '2. Remove the unit.']);
  });

  it('does not take a wrapped number for a list item', () => {
    expect(seg('Sales rose by\n3. Then they fell.')).toEqual(['Sales rose by\n3.', 'Then they fell.']);
  });
});

describe('other scripts and symbols', () => {
  it('splits on full-width stops without spaces', () => {
    expect(seg('今日は晴れ。明日は雨。')).toEqual(['今日は晴れ。', '明日は雨。']);
  });

  it('handles accented capitals and interrobangs', () => {
    expect(seg('Was it real?! Élodie laughed. Ödön agreed.')).toEqual(['Was it real?!', 'Élodie laughed.', 'Ödön agreed.']);
  });

  it('merges stray punctuation into the previous sentence', () => {
    expect(seg('He left. . The end.')).toEqual(['He left. .', 'The end.']);
  });
});

describe('sample article', () => {
  const article = [
    'Maduro Envoy in Moscow Suggests ‘Expanded’ Russian Troop Presence in Venezuela',
    'Russia is Maduro’s most prominent ally. U.S. Secretary of State Mike Pompeo accused the Russians last week.',
    '“We analyzed the recent developments in global geopolitics and aggressions against Venezuela,” Arreaza wrote. “We appreciate his support of our sovereignty and international right.”',
    '“We need to provide for equipment maintenance. This work has been going on since 2001. Currently, a commission of [Russian] specialists is present and, no doubt, it may be expanded,” Arreaza said, according to Russian news agency TASS.',
    'Guaidó, he claimed, answered to “his sponsors in the U.S.” and was “displaying his lack of honor.”',
  ].join('\n\n');

  it('yields whole sentences without fragments or split quotes', () => {
    const sentences = seg(article, paragraphBreaks(article));
    expect(sentences).toEqual([
      'Maduro Envoy in Moscow Suggests ‘Expanded’ Russian Troop Presence in Venezuela',
      'Russia is Maduro’s most prominent ally.',
      'U.S. Secretary of State Mike Pompeo accused the Russians last week.',
      '“We analyzed the recent developments in global geopolitics and aggressions against Venezuela,” Arreaza wrote.',
      '“We appreciate his support of our sovereignty and international right.”',
      '“We need to provide for equipment maintenance.',
      'This work has been going on since 2001.',
      'Currently, a commission of [Russian] specialists is present and, no doubt, it may be expanded,” Arreaza said, according to Russian news agency TASS.',
      'Guaidó, he claimed, answered to “his sponsors in the U.S.” and was “displaying his lack of honor.”',
    ]);
  });

  it('segments long input in one pass', () => {
    const big = article.repeat(200);
    const spans = segmentSentences(big);
    expect(spans.length).toBeGreaterThan(1000);
    expectValidSpans(big, spans, []);
  });
});
