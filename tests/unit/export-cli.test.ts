import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/index';
import { exportW3c, type W3cCollection } from '../../src/core/export/w3c';
import { library, OPTIONS } from './export-fixtures';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, (t) => out.push(t), (t) => err.push(t));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const HYPOTHESIS = {
  export_date: '2026-02-10T12:00:00.000Z',
  export_userid: 'acct:checker@hypothes.is',
  client_version: '1.1500.0',
  annotations: [
    {
      id: 'AbCdEf0123456789ghIJkl',
      created: '2026-02-01T09:15:22.123456+00:00',
      updated: '2026-02-01T09:20:00.000000+00:00',
      user: 'acct:checker@hypothes.is',
      uri: 'https://news.example/h',
      text: 'Check, "this" = wrong',
      tags: ['t1'],
      target: [{ source: 'https://news.example/h', selector: [{ type: 'TextPositionSelector', start: 10, end: 20 }, { type: 'TextQuoteSelector', exact: 'The claim', prefix: 'x ', suffix: ' y' }] }],
      document: { title: ['A page'] },
    },
    { id: 'PageNote', user: 'acct:checker@hypothes.is', uri: 'https://news.example/h', text: 'page note', target: [{ source: 'https://news.example/h' }] },
  ],
};

describe('factmark convert', () => {
  let dir: string;
  let exportPath: string;
  const write = (name: string, content: string | object): string => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'factmark-convert-'));
    exportPath = write('export.jsonld', exportW3c(library(), OPTIONS));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a Factmark export to ClaimReview on stdout, credited to the file’s creator', async () => {
    const { code, out, err } = await run('convert', exportPath, '--to', 'claimreview');
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const reviews = JSON.parse(out) as Array<{ author: unknown; reviewRating: { alternateName: string } }>;
    expect(reviews.map((r) => r.reviewRating.alternateName)).toEqual(['Misleading', 'Mostly false', 'True', 'Unverifiable']);
    expect(reviews[0]?.author).toEqual({ '@type': 'Organization', name: 'Check Desk', employee: { '@type': 'Person', name: 'Ana Reviewer' } });
  });

  test('--organisation and --reviewer override the file', async () => {
    const { out } = await run('convert', exportPath, '--to', 'claimreview', '--organisation', 'Other Desk', '--reviewer', 'Bo');
    expect((JSON.parse(out) as Array<{ author: unknown }>)[0]?.author).toEqual({ '@type': 'Organization', name: 'Other Desk', employee: { '@type': 'Person', name: 'Bo' } });
  });

  test('to CSV with --out: the file has the BOM and CRLFs; stdout says what was written', async () => {
    const target = join(dir, 'out.csv');
    const { code, out, err } = await run('convert', exportPath, '--to', 'csv', '--out', target);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toBe(`wrote 8 annotations (factmark → csv) to ${target}`);
    const csv = readFileSync(target, 'utf8');
    expect(csv.startsWith('\uFEFFpage_url,')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(10);
  });

  test('to Markdown and back to W3C: the W3C output has the same annotations', async () => {
    expect((await run('convert', exportPath, '--to', 'markdown')).out).toContain('## [Transport plan approved]');
    const { out } = await run('convert', exportPath, '--to', 'w3c');
    const again = JSON.parse(out) as W3cCollection;
    const original = JSON.parse(exportW3c(library(), OPTIONS)) as W3cCollection;
    expect(again.first.items).toEqual(original.first.items);
  });

  test('a Hypothesis export to CSV: skipped annotations are reported on one stderr line, the rest converted', async () => {
    const { code, out, err } = await run('convert', write('hypothesis.json', HYPOTHESIS), '--to', 'csv');
    expect(code).toBe(0);
    expect(err).toBe('factmark: skipped 1 of 2 annotations: #2: no TextQuoteSelector: a page note, or a highlight without a quoted passage');
    expect(out).toContain('https://news.example/h,A page,The claim,,,"Check, ""this"" = wrong",,t1,2026-02-01T09:15:22.123456+00:00');
  });

  test('ClaimReview without an author or without verdicts says so on stderr', async () => {
    const { err } = await run('convert', write('h2.json', HYPOTHESIS), '--to', 'claimreview');
    expect(err).toMatch(/no claim has a verdict/);
    const anonymous = exportW3c(library(), { ...OPTIONS, creator: { name: '', organisation: '' } });
    expect((await run('convert', write('anon.jsonld', anonymous), '--to', 'claimreview')).err).toMatch(/no author; pass --organisation or --reviewer/);
  });

  test.each([
    ['no --to', () => ['convert', exportPath], /--to is required/],
    ['unknown format', () => ['convert', exportPath, '--to', 'pdf'], /--to must be one of w3c, claimreview, csv, markdown \(got pdf\)/],
    ['unknown option', () => ['convert', exportPath, '--to', 'csv', '--json'], /unknown option --json/],
    ['no file', () => ['convert', '--to', 'csv'], /usage: .*factmark convert/],
    ['missing file', () => ['convert', join(dir, 'missing.jsonld'), '--to', 'csv'], /missing\.jsonld: no such file/],
    ['truncated file', () => ['convert', write('truncated.jsonld', exportW3c(library(), OPTIONS).slice(0, 500)), '--to', 'csv'], /not valid JSON.*truncated/],
    ['not an export', () => ['convert', write('other.json', { hello: 'world' }), '--to', 'csv'], /not an annotation export/],
    ['empty collection', () => ['convert', write('empty.json', []), '--to', 'csv'], /no annotations found/],
    ['nothing usable', () => ['convert', write('bad.json', [{ type: 'Annotation', target: 'https://x.example/' }]), '--to', 'csv'], /none of the 1 annotations can be used \(#1: no TextQuoteSelector/],
    ['unwritable --out', () => ['convert', exportPath, '--to', 'csv', '--out', join(dir, 'no-such-dir', 'x.csv')], /x\.csv: cannot write/],
  ])('%s → one-line error, exit 2', async (_name, argv, message) => {
    const { code, out, err } = await run(...argv());
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err.split('\n')).toHaveLength(1);
  });
});
