import { createHash } from 'node:crypto';
import { planImport } from '../../src/core/export/import-plan';
import { exportW3c, toW3c, type W3cAnnotation } from '../../src/core/export/w3c';
import { parseImport } from '../../src/core/export/w3c-import';
import { annotationUrn, sha1Hex, URL_NAMESPACE, utf8, uuidV5 } from '../../src/core/export/uuid';
import { library, OPTIONS } from './export-fixtures';

const DNS_NAMESPACE = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

function item(id: string): W3cAnnotation {
  const found = toW3c(library(), OPTIONS).first.items.find((a) => a['factmark:id'] === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}

describe('name-based UUIDs', () => {
  test('SHA-1 and UTF-8 match Node for ASCII, non-Latin, emoji, lone surrogates and block-boundary lengths', () => {
    const samples = ['', 'abc', 'Министр 东京 قال 🚀', '\ud800 lone', ...[55, 56, 63, 64, 65, 119, 1000].map((n) => 'x'.repeat(n))];
    for (const text of samples) {
      expect(sha1Hex(text)).toBe(createHash('sha1').update(text, 'utf8').digest('hex'));
      expect(Buffer.from(utf8(text)).equals(Buffer.from(text, 'utf8'))).toBe(true);
    }
  });

  test('version 5 UUIDs match RFC/Python values', () => {
    expect(uuidV5(DNS_NAMESPACE, 'python.org')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
    expect(uuidV5(URL_NAMESPACE, 'https://factmark.dev/ns#')).toBe('43037f76-c1ea-51bc-b94a-ac0d31badbe8');
  });

  test('annotation ids are stable, and differ by page and by annotation', () => {
    const id = annotationUrn('https://news.example/a', 'c1');
    expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(annotationUrn('https://news.example/a', 'c1')).toBe(id);
    expect(annotationUrn('https://news.example/b', 'c1')).not.toBe(id);
    expect(annotationUrn('https://news.example/a', 'c2')).not.toBe(id);
  });
});

describe('W3C Web Annotation export', () => {
  test('an AnnotationCollection with the anno context, a factmark prefix, total and an inline first page', () => {
    const collection = toW3c(library(), OPTIONS);
    expect(collection['@context']).toEqual(['http://www.w3.org/ns/anno.jsonld', { factmark: 'https://factmark.dev/ns#' }]);
    expect(collection).toMatchObject({ type: 'AnnotationCollection', total: 8, generated: OPTIONS.now, first: { type: 'AnnotationPage', startIndex: 0 } });
    expect(collection.id).toMatch(/^urn:uuid:/);
    expect(collection.first.items).toHaveLength(8);
    // Pages by key, claims by position.
    expect(collection.first.items.map((a) => a['factmark:id'])).toEqual(['c3', 'c1', 'c2', 'u-1', 'c-ru', 'c-zh', 'c-ar', 'c-emoji']);
  });

  test('a claim with verdict, note, tags and sources: motivation, bodies, target, Factmark fields', () => {
    const annotation = item('c1');
    expect(annotation).toMatchObject({
      type: 'Annotation',
      id: annotationUrn('https://news.example/transport', 'c1'),
      created: '2026-03-01T10:00:00.000Z',
      modified: '2026-03-02T11:30:00.000Z',
      creator: [
        { type: 'Person', name: 'Ana Reviewer' },
        { type: 'Organization', name: 'Check Desk' },
      ],
      motivation: 'assessing',
      'factmark:id': 'c1',
      'factmark:origin': 'detected',
      'factmark:pageKey': 'https://news.example/transport',
      'factmark:pageTitle': 'Transport plan approved',
    });
    expect(annotation.target.source).toBe('https://news.example/transport?utm_source=feed');
    expect(annotation.target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: 'the plan will cost 3.2 billion euros over the next decade.', prefix: expect.any(String), suffix: expect.any(String) },
      { type: 'TextPositionSelector', start: expect.any(Number), end: expect.any(Number) },
    ]);
    expect(annotation.body).toEqual([
      { type: 'TextualBody', purpose: 'assessing', value: 'Misleading', language: 'en', 'factmark:verdict': 'misleading' },
      { type: 'TextualBody', purpose: 'commenting', value: expect.stringContaining('**ministry**'), format: 'text/markdown' },
      { type: 'TextualBody', purpose: 'tagging', value: 'budget' },
      { type: 'TextualBody', purpose: 'tagging', value: 'transport' },
      {
        type: 'SpecificResource',
        purpose: 'linking',
        source: { id: 'https://audit.example/report', 'dcterms:title': 'Audit report, 2025', 'dcterms:publisher': 'Court of Audit' },
        selector: { type: 'TextQuoteSelector', exact: 'maintenance is funded separately' },
      },
      { type: 'SpecificResource', purpose: 'linking', source: { id: 'https://news.example/older' } },
    ]);
  });

  test('motivation: commenting for a note without verdict, highlighting otherwise; no empty body', () => {
    expect(item('c2').motivation).toBe('commenting');
    expect(item('c3').motivation).toBe('highlighting');
    expect(item('c3').body).toBeUndefined();
    expect(item('u-1')).toMatchObject({ motivation: 'highlighting', 'factmark:origin': 'user' });
  });

  test('creator: a Person, an Organization, or none', () => {
    const only = (name: string, organisation: string) => toW3c(library(), { ...OPTIONS, creator: { name, organisation } }).first.items[0]?.creator;
    expect(only('Ana', '')).toEqual({ type: 'Person', name: 'Ana' });
    expect(only('', 'Desk')).toEqual({ type: 'Organization', name: 'Desk' });
    expect(only(' ', '')).toBeUndefined();
  });

  test('ids do not depend on library order or export time', () => {
    const a = toW3c(library(), OPTIONS).first.items.map((x) => x.id);
    const b = toW3c([...library()].reverse(), { ...OPTIONS, now: '2030-01-01T00:00:00.000Z' }).first.items.map((x) => x.id);
    expect(b).toEqual(a);
    expect(new Set(a).size).toBe(a.length);
  });

  test('round trip: library → W3C → import into an empty library → W3C is identical, and nothing is lost', () => {
    const first = exportW3c(library(), OPTIONS);
    const parsed = parseImport(first);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed).toMatchObject({ format: 'factmark', total: 8, rejected: [], warnings: [], creator: { name: 'Ana Reviewer', organisation: 'Check Desk' } });
    const plan = planImport([], parsed, '2026-04-01T00:00:00.000Z');
    expect(plan.new).toBe(8);
    expect(exportW3c(plan.records, OPTIONS)).toBe(first);
    // Every stored field survives, page by page (only the record's own updatedAt is the import time).
    const strip = (records: typeof plan.records) => records.map(({ updatedAt: _u, ...rest }) => rest).sort((a, b) => a.key.localeCompare(b.key));
    expect(strip(plan.records)).toEqual(strip(library()));
  });
});
