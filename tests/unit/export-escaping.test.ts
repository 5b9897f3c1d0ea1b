// Exports are published: ClaimReview and W3C JSON-LD inside <script type="application/ld+json">,
// Markdown in wikis, issue trackers and newsletters. Text planted by a page's author (its title,
// its sentences) or typed by a reviewer must come out as the same text there, never as markup:
// every case below is round-tripped through JSON.parse, an HTML parser and a Markdown renderer.
import { JSDOM } from 'jsdom';
import MarkdownIt from 'markdown-it';
import { parseImport, type ExportFormat } from '../../src/core/export';
import { exportClaimReview } from '../../src/core/export/claimreview';
import { exportMarkdown } from '../../src/core/export/markdown';
import { exportW3c } from '../../src/core/export/w3c';
import { main } from '../../src/cli/index';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { claim, OPTIONS, page } from './export-fixtures';

const HOSTILE = [
  '</script><script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<!-- comment --> & &amp; &lt;b&gt;',
  'line\u2028separator and paragraph\u2029separator',
  '![pixel](https://tracker.example/p.png?u=1)',
  '![](http://tracker.example/a.gif)',
  '[x](javascript:alert(1))',
  '<https://autolink.example/>',
  '<javascript:alert(1)>',
  '[ref]: https://ref.example/\n[ref]',
  '<div onclick="alert(1)">block html</div>',
  '    indented <b>code</b>',
  '`code with <b>` and **bold <i>**',
];

const TEXT = `Before the claim. ${HOSTILE.join(' ')} After the claim.`;

function hostileLibrary() {
  const annotations = HOSTILE.map((text, i) =>
    claim(TEXT, text, `c${i}`, {
      verdict: 'false',
      note: `Note ${text}\nsecond line ${text}`,
      tags: [text.slice(0, 30)],
      sources: [
        { url: 'https://source.example/a_(b)', title: text, quote: text, publisher: text },
        { url: 'javascript:alert(1)', title: `js ${text}`, quote: '', publisher: '' },
      ],
    }),
  );
  return [page('https://page.example/story', `Title ${HOSTILE.join(' ')}`, annotations, 'https://page.example/story?q=<script>')];
}

/** Every string in a JSON value, for comparing what was put in with what comes out. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('JSON-LD exports are safe inside a <script> block', () => {
  test.each([
    ['W3C', (lib: ReturnType<typeof hostileLibrary>) => exportW3c(lib, OPTIONS)],
    ['ClaimReview', (lib: ReturnType<typeof hostileLibrary>) => exportClaimReview(lib, OPTIONS)],
  ])('%s: <, >, &, U+2028 and U+2029 are \\u escapes; JSON.parse gives the same data back', (_name, exporter) => {
    const lib = hostileLibrary();
    const text = exporter(lib);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toContain('\\u003c/script\\u003e');
    expect(text).toContain('\\u2028');
    const parsed: unknown = JSON.parse(text);
    // The same strings as an export without escaping would hold: nothing lost or altered.
    const plain: unknown = JSON.parse(JSON.stringify(parsed));
    expect(parsed).toEqual(plain);
    expect(strings(parsed).join('\n')).toContain('</script><script>alert(1)</script>');
    // Embedded the way ClaimReview is published, the page gets exactly one script, holding it all.
    const html = `<!doctype html><html><head><script type="application/ld+json">${text}</script></head><body></body></html>`;
    const document = new JSDOM(html).window.document;
    expect(document.querySelectorAll('script')).toHaveLength(1);
    expect(document.querySelectorAll('img')).toHaveLength(0);
    expect(JSON.parse(document.querySelector('script')?.textContent ?? '')).toEqual(parsed);
  });

  test('a W3C export with escapes imports back to the same annotations', () => {
    const lib = hostileLibrary();
    const parsed = parseImport(exportW3c(lib, OPTIONS));
    expect(parsed.ok && parsed.items.length).toBe(HOSTILE.length);
    if (!parsed.ok) return;
    expect(parsed.items.map((item) => item.annotation.note)).toEqual(HOSTILE.map((text) => `Note ${text}\nsecond line ${text}`));
  });
});

describe('Markdown export renders as text', () => {
  const renderers = [
    ['CommonMark with raw HTML allowed', new MarkdownIt({ html: true })],
    ['CommonMark, HTML off', new MarkdownIt()],
  ] as const;

  test.each(renderers)('%s: no image, no HTML element the export did not write, links only to http(s)', (_name, md) => {
    const rendered = md.render(exportMarkdown(hostileLibrary(), OPTIONS));
    const document = new JSDOM(`<body>${rendered}</body>`).window.document;
    const allowed = new Set(['H1', 'H2', 'P', 'BLOCKQUOTE', 'STRONG', 'EM', 'CODE', 'A', 'UL', 'LI', 'BR', 'BODY']);
    const tags = new Set([...document.body.querySelectorAll('*')].map((element) => element.tagName));
    expect([...tags].filter((tag) => !allowed.has(tag))).toEqual([]);
    expect(document.querySelectorAll('img, script, div, [onerror], [onclick]')).toHaveLength(0);
    for (const link of document.querySelectorAll('a')) expect(link.getAttribute('href')).toMatch(/^https?:\/\//);
    // The hostile text reads as itself.
    const text = document.body.textContent ?? '';
    expect(text).toContain('![pixel]');
    expect(text).toContain('<img src=x onerror=alert(1)>');
    expect(text).toContain('</script><script>alert(1)</script>');
    expect(text).toContain('&amp; &lt;b&gt;');
  });

  test("a note's ![x](https://...) is an exclamation mark and a link, not an image", () => {
    const lib = [page('https://p.example/', 'P', [claim('A claim here.', 'A claim here.', 'c', { note: 'See ![x](https://tracker.example/p.png) now' })])];
    const rendered = new MarkdownIt().render(exportMarkdown(lib, OPTIONS));
    expect(rendered).not.toContain('<img');
    expect(rendered).toContain('See !<a href="https://tracker.example/p.png">x</a> now');
  });
});

describe('factmark convert writes the same safe text', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'factmark-escape-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each(['w3c', 'claimreview', 'markdown', 'csv'] as ExportFormat[])('--to %s: the same escaping as the extension export', async (format) => {
    const file = join(dir, 'in.jsonld');
    writeFileSync(file, exportW3c(hostileLibrary(), OPTIONS));
    const out: string[] = [];
    const code = await main(['convert', file, '--to', format, '--organisation', 'Desk'], (t) => out.push(t), () => undefined);
    expect(code).toBe(0);
    const text = out.join('\n');
    if (format === 'w3c' || format === 'claimreview') {
      expect(text).not.toMatch(/[<>&\u2028\u2029]/);
      expect(strings(JSON.parse(text)).join('\n')).toContain('</script><script>alert(1)</script>');
    }
    if (format === 'markdown') expect(new MarkdownIt({ html: true }).render(text)).not.toMatch(/<img|<script|<div/);
    if (format === 'csv') {
      // The formula guard: no cell starts with = + - @ once quoted.
      expect(text).not.toMatch(/(^|,|\r\n)"?[=+\-@]/);
    }
  });
});
