import { fnv1a } from '../../src/core/hash';
import { normaliseForId, SentenceRepeats } from '../../src/core/claims/repeats';

/** The counting the scan did before: a map from every normalised text to its count. */
function occurrencesByMap(text: string, spans: Array<[number, number]>): number[] {
  const seen = new Map<string, number>();
  return spans.map(([start, end]) => {
    const key = text.slice(start, end).replace(/\s+/g, ' ').trim().toLowerCase();
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return occurrence;
  });
}

function occurrencesByRepeats(text: string, spans: Array<[number, number]>): number[] {
  const repeats = new SentenceRepeats(text);
  return spans.map(([start, end]) => {
    const key = normaliseForId(text.slice(start, end));
    return repeats.occurrence(key, fnv1a(key), start, end);
  });
}

/** Spans of the sentences of `parts` joined by single spaces. */
function layout(parts: string[]): { text: string; spans: Array<[number, number]> } {
  const spans: Array<[number, number]> = [];
  let text = '';
  for (const part of parts) {
    if (text) text += ' ';
    spans.push([text.length, text.length + part.length]);
    text += part;
  }
  return { text, spans };
}

describe('normaliseForId', () => {
  test.each(['Plain text here.', '  Leading and trailing  ', 'Tab\there.', 'No\u00a0break space.', 'Line\nbreak.', 'Two  spaces.', '\u2003Em space\u2003.', 'ÀÉÎ Őő.'])('folds %j as the regex fold did', (text) => {
    expect(normaliseForId(text)).toBe(text.replace(/\s+/g, ' ').trim().toLowerCase());
  });
});

describe('SentenceRepeats', () => {
  test('counts repeats of the same normalised text, whatever its spacing or case', () => {
    const { text, spans } = layout(['Yes.', 'The rate rose 5%.', 'yes.', 'The  rate rose\t5%.', 'No.', 'YES.', 'The rate rose 5%.']);
    expect(occurrencesByRepeats(text, spans)).toEqual([0, 0, 1, 1, 0, 2, 2]);
    expect(occurrencesByRepeats(text, spans)).toEqual(occurrencesByMap(text, spans));
  });

  test('tells apart different texts with the same hash', () => {
    const [a, b] = ['claim 462789.', 'claim 679192.'];
    expect(fnv1a(a)).toBe(fnv1a(b));
    const { text, spans } = layout([a, b, b, a, a, b]);
    expect(occurrencesByRepeats(text, spans)).toEqual([0, 0, 1, 1, 2, 2]);
  });

  test('tells apart texts whose different hashes share a slot', () => {
    const [a, b] = ['claim 288934.', 'claim 678010.'];
    expect(fnv1a(a)).not.toBe(fnv1a(b));
    expect(fnv1a(a) & 0x3fffffff).toBe(fnv1a(b) & 0x3fffffff);
    const { text, spans } = layout([a, b, a, b, b]);
    expect(occurrencesByRepeats(text, spans)).toEqual([0, 0, 1, 1, 2]);
  });

  test('gives the same counts as a map of every text on many sentences', () => {
    const parts: string[] = [];
    for (let i = 0; i < 3000; i++) parts.push(`Sentence ${(i * 7919) % 1000} ${i % 3 === 0 ? 'Again' : 'again'}.`);
    const { text, spans } = layout(parts);
    expect(occurrencesByRepeats(text, spans)).toEqual(occurrencesByMap(text, spans));
  });
});
