import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { main } from '../../src/cli/index';
import { findArticle } from '../../src/core/article/find-article';
import { selectorFor } from '../../src/core/model/selectors';
import { buildTextIndex } from '../../src/core/text/text-index';

const PARAGRAPHS = [
  'The regional parliament approved the new transport plan on Thursday after a debate that lasted more than nine hours.',
  'According to the finance ministry, the plan will cost 3.2 billion euros over the next decade, most of it for rail.',
  'Opposition members said the estimate leaves out the cost of maintaining the existing network, which they put at 800 million.',
  'The minister replied that maintenance is funded from a separate budget line and was never part of the proposal.',
  'Work on the first section, between the airport and the city centre, is expected to begin next spring.',
  'Local businesses along the route have asked for compensation during construction, citing lost revenue.',
];

function page(paragraphs: string[]): string {
  return `<!doctype html><html><head><title>Transport plan approved</title></head><body>
    <nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <article><h1>Transport plan approved</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article>
    <footer>Copyright the newspaper</footer></body></html>`;
}

/** The body text the CLI anchors in (same pipeline: findArticle then buildTextIndex). */
function bodyText(html: string): string {
  const article = findArticle(new JSDOM(html).window.document);
  if (!article) throw new Error('no article');
  return buildTextIndex(article.root).text;
}

/** A W3C Web Annotation for `quote` as found in `text`. */
function annotation(id: string, text: string, quote: string): object {
  const start = text.indexOf(quote);
  const { quote: q, position } = selectorFor(text, start, start + quote.length);
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id,
    type: 'Annotation',
    body: { type: 'TextualBody', value: 'Needs a source.' },
    target: { source: 'https://example.org/transport', selector: [{ type: 'TextQuoteSelector', ...q }, { type: 'TextPositionSelector', ...position }] },
  };
}

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, (t) => out.push(t), (t) => err.push(t));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('factmark anchor', () => {
  let dir: string;
  let pagePath: string;
  let original: string;
  const write = (name: string, content: string | object): string => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'factmark-anchor-'));
    original = bodyText(page(PARAGRAPHS));
    // The page changed since the annotations were made: a paragraph added on top, a number edited,
    // and the paragraph that the third annotation quoted was deleted.
    const edited = [`Update: this article was corrected on Friday.`, ...PARAGRAPHS.slice(0, 2).map((p) => p.replace('3.2 billion', '3.4 billion')), ...PARAGRAPHS.slice(3)];
    pagePath = write('page.html', page(edited));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const annotations = () => [
    annotation('urn:a:exact', original, PARAGRAPHS[0] as string),
    annotation('urn:a:edited', original, PARAGRAPHS[1] as string),
    annotation('urn:a:deleted', original, PARAGRAPHS[2] as string),
    { id: 'urn:a:no-quote', type: 'Annotation', target: { source: 'https://example.org/transport', selector: { type: 'CssSelector', value: 'p' } } },
  ];

  test('a JSON array of annotations, --json', async () => {
    const { code, out, err } = await run('anchor', pagePath, write('array.jsonld', annotations()), '--json');
    expect(err).toBe('');
    expect(code).toBe(0);
    const rows = JSON.parse(out) as Array<{ id: string; status: string; exact: string; start: number | null; end: number | null; confidence: number; method: string | null; reason?: string }>;
    expect(rows.map((r) => [r.id, r.status, r.method])).toEqual([
      ['urn:a:exact', 'anchored', 'quote'],
      ['urn:a:edited', 'anchored', 'fuzzy'],
      ['urn:a:deleted', 'orphan', null],
      ['urn:a:no-quote', 'orphan', null],
    ]);
    expect(rows[0]?.exact).toBe(PARAGRAPHS[0]);
    expect(rows[1]?.exact).toBe((PARAGRAPHS[1] as string).replace('3.2 billion', '3.4 billion'));
    const text = bodyText(page([`Update: this article was corrected on Friday.`, ...PARAGRAPHS.slice(0, 2).map((p) => p.replace('3.2 billion', '3.4 billion')), ...PARAGRAPHS.slice(3)]));
    expect(text.slice(rows[1]!.start!, rows[1]!.end!)).toBe(rows[1]?.exact);
    expect(rows[2]).toMatchObject({ exact: PARAGRAPHS[2], start: null, end: null, confidence: 0 });
    expect(rows[3]).toMatchObject({ status: 'orphan', reason: 'no TextQuoteSelector', confidence: 0 });
  });

  test('an AnnotationCollection with an inline first page, single selector objects, human-readable output', async () => {
    const [first, second] = annotations() as Array<{ target: { selector: object[] } }>;
    // A single selector object (not an array) and a target given as an array.
    const single = { ...first, target: [{ source: 'x', selector: first!.target.selector[0] }] };
    const collection = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      total: 2,
      first: { type: 'AnnotationPage', items: [single], next: { type: 'AnnotationPage', items: [second] } },
    };
    const { code, out } = await run('anchor', pagePath, write('collection.jsonld', collection));
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe('2 annotations: 2 anchored, 0 orphans');
    expect(out).toMatch(/urn:a:exact\s+anchored\s+\d\.\d\d\s+quote/);
    expect(out).toMatch(/urn:a:edited\s+anchored\s+\d\.\d\d\s+fuzzy/);
  });

  test.each([
    ['invalid JSON', () => '{"type": "AnnotationCollection", ', /invalid JSON/],
    ['no annotations', () => ({ type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [] } }), /no annotations found/],
    ['no usable selector at all', () => [{ id: 'x', target: 'https://example.org/' }], /none of the 1 annotations has a usable TextQuoteSelector/],
    ['a page given by reference', () => ({ type: 'AnnotationCollection', first: 'https://example.org/page1' }), /is a reference/],
  ])('bad annotations file: %s → one-line error, exit 2', async (_name, content, message) => {
    const { code, out, err } = await run('anchor', pagePath, write('bad.jsonld', content()), '--json');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err.split('\n')).toHaveLength(1);
    expect(err).not.toMatch(/\bat .*:\d+:\d+/); // no stack frame
  });

  test('missing files and wrong arguments → one-line error, exit 2', async () => {
    const annotationsPath = write('ok.jsonld', annotations());
    for (const argv of [
      ['anchor', join(dir, 'missing.html'), annotationsPath],
      ['anchor', pagePath, join(dir, 'missing.jsonld')],
      ['anchor', pagePath],
    ]) {
      const { code, err } = await run(...argv);
      expect(code).toBe(2);
      expect(err.split('\n')).toHaveLength(1);
      expect(err).toMatch(/^factmark: (.*no such file|usage: .*factmark anchor <page\.html> <annotations\.jsonld> \[--json\])/);
    }
  });
});
