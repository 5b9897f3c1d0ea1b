import { IMPORT_LIMITS } from '../../src/core/export/json-input';
import { exportW3c, toW3c } from '../../src/core/export/w3c';
import { parseImport, type ParsedImport, type ParseResult } from '../../src/core/export/w3c-import';
import { selectorFor } from '../../src/core/model/selectors';
import { TRANSPORT_TEXT } from './export-fixtures';

function parsed(input: unknown): ParsedImport {
  const result = parseImport(typeof input === 'string' ? input : JSON.stringify(input));
  if (!result.ok) throw new Error(result.error);
  return result;
}

function failure(input: string): string {
  const result: ParseResult = parseImport(input);
  if (result.ok) throw new Error('expected the import to fail');
  // Nothing but the message: no partial result to act on.
  expect(Object.keys(result).sort()).toEqual(['error', 'ok']);
  expect(result.error.split('\n')).toHaveLength(1);
  return result.error;
}

const QUOTE = 'the plan will cost 3.2 billion euros over the next decade.';
const at = TRANSPORT_TEXT.indexOf(QUOTE);
const SEL = selectorFor(TRANSPORT_TEXT, at, at + QUOTE.length);

/** A Hypothesis client JSON export ("Export annotations"), API-shaped annotations. */
const HYPOTHESIS_EXPORT = {
  export_date: '2026-02-10T12:00:00.000Z',
  export_userid: 'acct:factchecker@hypothes.is',
  client_version: '1.1500.0',
  annotations: [
    {
      id: 'Xk3vYqT1Ee6aBcD123eFgH',
      created: '2026-02-01T09:15:22.123456+00:00',
      updated: '2026-02-01T09:20:00.000000+00:00',
      user: 'acct:factchecker@hypothes.is',
      uri: 'https://news.example/transport?utm_source=hn',
      text: 'Needs a **source**. Compare https://audit.example/report',
      tags: ['budget', 'to check'],
      group: '__world__',
      permissions: { read: ['group:__world__'], admin: ['acct:factchecker@hypothes.is'], update: ['acct:factchecker@hypothes.is'], delete: ['acct:factchecker@hypothes.is'] },
      target: [
        {
          source: 'https://news.example/transport?utm_source=hn',
          selector: [
            { type: 'RangeSelector', endOffset: 58, startOffset: 0, endContainer: '/main[1]/article[1]/p[2]', startContainer: '/main[1]/article[1]/p[2]' },
            { type: 'TextPositionSelector', start: 1204, end: 1262 },
            { type: 'TextQuoteSelector', exact: QUOTE, prefix: SEL.quote.prefix, suffix: SEL.quote.suffix },
          ],
        },
      ],
      document: { title: ['Transport plan approved'] },
      links: { html: 'https://hypothes.is/a/Xk3vYqT1Ee6aBcD123eFgH', incontext: 'https://hyp.is/Xk3vYqT1Ee6aBcD123eFgH/news.example/transport', json: 'https://hypothes.is/api/annotations/Xk3vYqT1Ee6aBcD123eFgH' },
      user_info: { display_name: 'Fact Checker' },
      flagged: false,
      hidden: false,
    },
    {
      id: 'PageNote00000000000001',
      created: '2026-02-01T10:00:00.000000+00:00',
      updated: '2026-02-01T10:00:00.000000+00:00',
      user: 'acct:factchecker@hypothes.is',
      uri: 'https://news.example/transport',
      text: 'A page note',
      tags: [],
      target: [{ source: 'https://news.example/transport' }],
      document: { title: ['Transport plan approved'] },
    },
    {
      id: 'Reply00000000000000001',
      created: '2026-02-02T10:00:00.000000+00:00',
      updated: '2026-02-02T10:00:00.000000+00:00',
      user: 'acct:colleague@hypothes.is',
      uri: 'https://news.example/transport',
      text: 'Agreed.',
      tags: [],
      references: ['Xk3vYqT1Ee6aBcD123eFgH'],
      target: [{ source: 'https://news.example/transport' }],
    },
    {
      id: 'Hostile000000000000001',
      created: '2026-02-03T10:00:00.000000+00:00',
      updated: '2026-02-03T10:00:00.000000+00:00',
      user: 'acct:x@hypothes.is',
      uri: 'javascript:alert(1)',
      text: '',
      tags: [],
      target: [{ source: 'javascript:alert(1)', selector: [{ type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' }] }],
    },
  ],
};

describe('Hypothesis JSON export', () => {
  test('annotations import with quote and position selectors, tags, Markdown note, title and dates; page notes, replies and bad URLs are rejected with reasons', () => {
    const result = parsed(HYPOTHESIS_EXPORT);
    expect(result).toMatchObject({ format: 'hypothesis', total: 4, creator: { name: 'Fact Checker', organisation: '' } });
    expect(result.items).toHaveLength(1);
    const [item] = result.items;
    expect(item?.page).toEqual({ key: 'https://news.example/transport', url: 'https://news.example/transport?utm_source=hn', title: 'Transport plan approved' });
    expect(item?.annotation).toEqual({
      id: expect.stringMatching(/^h-[0-9a-f]{20}$/),
      origin: 'user',
      selector: { quote: SEL.quote, position: { start: 1204, end: 1262 } },
      verdict: null,
      note: 'Needs a **source**. Compare https://audit.example/report',
      sources: [],
      tags: ['budget', 'to check'],
      createdAt: '2026-02-01T09:15:22.123456+00:00',
      updatedAt: '2026-02-01T09:20:00.000000+00:00',
    });
    expect(result.rejected).toEqual([
      { index: 1, reason: expect.stringMatching(/no TextQuoteSelector.*page note/) },
      { index: 2, reason: expect.stringMatching(/reply/) },
      { index: 3, reason: expect.stringMatching(/not an http\(s\) URL \(javascript:alert\(1\)\)/) },
    ]);
    // The id is derived from the Hypothesis id, so importing the file again matches the same annotation.
    expect(parsed(HYPOTHESIS_EXPORT).items[0]?.annotation.id).toBe(item?.annotation.id);
  });

  test('a bare array of Hypothesis annotations is read too', () => {
    expect(parsed(HYPOTHESIS_EXPORT.annotations)).toMatchObject({ format: 'hypothesis', total: 4, items: [expect.anything()] });
  });
});

describe('W3C Web Annotations from other tools', () => {
  const target = { source: 'https://news.example/transport?utm_medium=x', selector: [{ type: 'TextQuoteSelector', ...SEL.quote }, { type: 'TextPositionSelector', ...SEL.position }] };
  const annotation = (id: string, body: unknown, extra: object = {}) => ({ '@context': 'http://www.w3.org/ns/anno.jsonld', id, type: 'Annotation', created: '2026-01-01T00:00:00Z', body, target, ...extra });

  test('bodies map by purpose: comments to the note, tagging to tags, assessing to a verdict when it names one, links to sources', () => {
    const result = parsed(
      annotation('https://anno.example/1', [
        { type: 'TextualBody', value: 'First comment', purpose: 'commenting' },
        { type: 'TextualBody', value: 'Mostly False', purpose: 'assessing' },
        { type: 'TextualBody', value: 'Pants on fire', purpose: 'assessing' },
        { type: 'TextualBody', value: '<p>Rich &amp; <b>bold</b></p>', format: 'text/html' },
        { type: 'TextualBody', value: 'economy', purpose: 'tagging' },
        { type: 'SpecificResource', purpose: 'linking', source: 'https://stats.example/q1', 'dcterms:title': 'Q1 statistics' },
        'https://wiki.example/Budget',
        'urn:isbn:123',
        { type: 'SpecificResource', purpose: 'linking', source: 'javascript:alert(1)' },
      ]),
    );
    expect(result.format).toBe('w3c');
    const a = result.items[0]?.annotation;
    expect(a).toMatchObject({
      id: expect.stringMatching(/^w-[0-9a-f]{20}$/),
      origin: 'user',
      verdict: 'mostly-false',
      note: 'First comment\n\nPants on fire\n\nRich & bold',
      tags: ['economy'],
      sources: [
        { url: 'https://stats.example/q1', title: 'Q1 statistics', quote: '', publisher: '' },
        { url: 'https://wiki.example/Budget', title: '', quote: '', publisher: '' },
      ],
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
    });
    expect(result.items[0]?.page.key).toBe('https://news.example/transport');
    expect(result.warnings.map((w) => w.reason)).toEqual([expect.stringMatching(/urn:isbn:123/), expect.stringMatching(/dropped a source.*javascript:alert/)]);
  });

  test('containers: a single Annotation, an array, an AnnotationPage, a collection with first.items, first as an array, and next pages', () => {
    const a = annotation('urn:a:1', 'note one');
    const b = annotation('urn:a:2', { type: 'TextualBody', value: 'note two' });
    expect(parsed(a).items).toHaveLength(1);
    expect(parsed([a, b]).items).toHaveLength(2);
    expect(parsed({ type: 'AnnotationPage', items: [a, b] }).items).toHaveLength(2);
    expect(parsed({ type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [a] } }).items).toHaveLength(1);
    expect(parsed({ type: 'AnnotationCollection', first: [a, b] }).items).toHaveLength(2);
    expect(parsed({ type: 'AnnotationCollection', first: { items: [a], next: { items: [b] } } }).items).toHaveLength(2);
    expect(failure(JSON.stringify({ type: 'AnnotationCollection', first: 'https://anno.example/page1' }))).toMatch(/is a reference/);
  });

  test('a string body (IRI) that is a web page is a source; bodyValue is a note; ids are stable and differ', () => {
    const one = parsed(annotation('urn:a:1', undefined, { bodyValue: 'Plain note' })).items[0]?.annotation;
    const again = parsed(annotation('urn:a:1', undefined, { bodyValue: 'Plain note' })).items[0]?.annotation;
    const other = parsed(annotation('urn:a:2', undefined, { bodyValue: 'Plain note' })).items[0]?.annotation;
    expect(one?.note).toBe('Plain note');
    expect(one?.id).toBe(again?.id);
    expect(one?.id).not.toBe(other?.id);
  });

  test('without a TextPositionSelector the position is an empty span, and the re-export has only the quote', () => {
    const result = parsed({ type: 'Annotation', id: 'urn:q', target: { source: 'https://news.example/a', selector: { type: 'TextQuoteSelector', exact: 'Hello' } } });
    expect(result.items[0]?.annotation.selector).toEqual({ quote: { exact: 'Hello', prefix: '', suffix: '' }, position: { start: 0, end: 0 } });
    const record = { ...result.items[0]!.page, annotations: { [result.items[0]!.annotation.id]: result.items[0]!.annotation }, updatedAt: '' };
    expect(toW3c([record], { creator: { name: '', organisation: '' }, now: 'x' }).first.items[0]?.target.selector).toEqual([{ type: 'TextQuoteSelector', exact: 'Hello', prefix: '', suffix: '' }]);
  });
});

describe('malformed, truncated, huge and hostile input', () => {
  const good = exportW3c([{ key: 'https://news.example/a', url: 'https://news.example/a', title: 'A', updatedAt: '', annotations: {} }], { creator: { name: '', organisation: '' }, now: '2026-01-01T00:00:00Z' });

  test('empty, truncated and non-JSON files get a clear one-line message and no result', () => {
    expect(failure('')).toMatch(/empty/);
    expect(failure('   \n')).toMatch(/empty/);
    expect(failure(good.slice(0, Math.floor(good.length / 2)))).toMatch(/not valid JSON.*truncated/);
    expect(failure('<html>not json</html>')).toMatch(/not valid JSON/);
  });

  test('JSON that is not an annotation export', () => {
    for (const text of ['null', '42', '"text"', '{"foo": 1}', 'true']) expect(failure(text)).toMatch(/not an annotation export/);
  });

  test('a file over 20 MB, or with over 100,000 annotations, is refused before any work', () => {
    expect(failure(' '.repeat(IMPORT_LIMITS.maxChars + 1))).toMatch(/too large.*20 MB/);
    expect(failure(`[${Array(IMPORT_LIMITS.maxAnnotations + 1).fill('{}').join(',')}]`)).toMatch(/more than 100,000 annotations/);
  });

  test('absurd nesting is refused', () => {
    expect(failure('['.repeat(1_000_000) + ']'.repeat(1_000_000))).toMatch(/nested too deeply/);
  });

  test('__proto__ keys are ignored and cannot become ids; Object.prototype is untouched', () => {
    const hostile = `[{"__proto__": {"polluted": true, "type": "Annotation"}, "type": "Annotation", "id": "urn:p", "target": {"source": "https://news.example/a", "selector": {"type": "TextQuoteSelector", "exact": "Hi", "__proto__": {"x": 1}}}},
      {"type": "Annotation", "factmark:id": "__proto__", "factmark:pageKey": "https://news.example/a", "target": {"source": "https://news.example/a", "selector": {"type": "TextQuoteSelector", "exact": "Hi"}}},
      {"type": "Annotation", "factmark:id": "c 1<script>", "target": {"source": "https://news.example/a", "selector": {"type": "TextQuoteSelector", "exact": "Hi"}}}]`;
    const result = parsed(hostile);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result.items).toHaveLength(1);
    expect(Object.getPrototypeOf(result.items[0])).toBe(Object.prototype);
    expect(result.rejected.map((r) => r.index)).toEqual([1, 2]);
    expect(result.rejected[0]?.reason).toMatch(/unusable annotation id/);
  });

  test('non-http(s) page URLs are rejected with the reason; javascript: and data: links are dropped with a warning', () => {
    const item = (source: string, link: string) => ({ type: 'Annotation', id: `urn:${source}`, body: { type: 'SpecificResource', purpose: 'linking', source: link }, target: { source, selector: { type: 'TextQuoteSelector', exact: 'Hi' } } });
    const result = parsed([item('javascript:alert(1)', 'https://ok.example/'), item('file:///etc/passwd', 'https://ok.example/'), item('https://news.example/a', 'data:text/html,<script>'), item('https://news.example/b', 'JaVaScRiPt:alert(1)')]);
    expect(result.rejected.map((r) => [r.index, r.reason])).toEqual([
      [0, expect.stringMatching(/page's URL is not an http\(s\) URL \(javascript:alert\(1\)\)/)],
      [1, expect.stringMatching(/not an http\(s\) URL \(file:/)],
    ]);
    expect(result.items.map((i) => i.annotation.sources)).toEqual([[], []]);
    expect(result.warnings.map((w) => w.index)).toEqual([2, 3]);
  });

  test('absurdly long fields: quote and note reject the item, context and titles are trimmed, long tags dropped', () => {
    const item = (id: string, exact: string, extra: object = {}) => ({ type: 'Annotation', id, target: { source: 'https://news.example/a', selector: [{ type: 'TextQuoteSelector', exact, prefix: 'p'.repeat(100_000), suffix: 's'.repeat(100_000) }] }, ...extra });
    const result = parsed([
      item('urn:1', 'q'.repeat(IMPORT_LIMITS.maxQuote + 1)),
      item('urn:2', 'ok', { bodyValue: 'n'.repeat(IMPORT_LIMITS.maxNote + 1) }),
      item('urn:3', 'ok', { body: [{ type: 'TextualBody', purpose: 'tagging', value: 't'.repeat(201) }, { type: 'TextualBody', purpose: 'tagging', value: 'fine' }] }),
    ]);
    expect(result.rejected.map((r) => r.reason)).toEqual([expect.stringMatching(/quoted text is longer than 10000/), expect.stringMatching(/note is longer than 50000/)]);
    const kept = result.items[0]?.annotation;
    expect(kept?.selector.quote.prefix).toHaveLength(IMPORT_LIMITS.maxContext);
    expect(kept?.selector.quote.suffix).toHaveLength(IMPORT_LIMITS.maxContext);
    expect(kept?.tags).toEqual(['fine']);
    expect(result.warnings).toEqual([{ index: 2, reason: expect.stringMatching(/tag longer than 200/) }]);
  });

  test('wrong types: non-object items, numbers for text, strings for offsets, bad dates', () => {
    const result = parsed([
      42,
      null,
      'annotation',
      { type: 'Annotation', target: { source: 'https://news.example/a', selector: { type: 'TextQuoteSelector', exact: 7 } } },
      { type: 'Annotation', target: 'https://news.example/a' },
      { type: 'Annotation', id: 5, created: 12345, modified: 'yesterday', body: { value: 9 }, target: { source: 'https://news.example/a', selector: [{ type: 'TextQuoteSelector', exact: 'Hi', prefix: 3 }, { type: 'TextPositionSelector', start: '5', end: 9 }] } },
    ]);
    expect(result.rejected.map((r) => r.index)).toEqual([0, 1, 2, 3, 4]);
    expect(result.rejected[0]?.reason).toBe('not an annotation object');
    expect(result.rejected[3]?.reason).toMatch(/no quoted text/);
    expect(result.rejected[4]?.reason).toMatch(/no TextQuoteSelector/);
    expect(result.items[0]?.annotation).toMatchObject({ selector: { quote: { exact: 'Hi', prefix: '' }, position: { start: 0, end: 0 } }, note: '', createdAt: '', updatedAt: '' });
  });
});

describe('Factmark page keys', () => {
  const item = (key: string) => ({ type: 'Annotation', 'factmark:id': 'c1', 'factmark:pageKey': key, target: { source: 'https://news.example/a?id=7&utm_source=x', selector: { type: 'TextQuoteSelector', exact: 'Hi' } } });

  test('the stored key is kept when it is on the page’s site, else the page URL’s canonical key is used', () => {
    expect(parsed(item('https://www.news.example/a-canonical')).items[0]?.page.key).toBe('https://www.news.example/a-canonical');
    expect(parsed(item('https://bank.example/')).items[0]?.page.key).toBe('https://news.example/a?id=7');
    expect(parsed(item('javascript:alert(1)')).items[0]?.page.key).toBe('https://news.example/a?id=7');
  });
});
