import { planImport } from '../../src/core/export/import-plan';
import { exportW3c } from '../../src/core/export/w3c';
import { parseImport, type ParsedImport } from '../../src/core/export/w3c-import';
import type { PageRecord } from '../../src/core/model/annotation';
import { claim, library, OPTIONS, page, TRANSPORT_TEXT } from './export-fixtures';

const NOW = '2026-04-01T00:00:00.000Z';

function read(records: PageRecord[], extra: unknown[] = []): ParsedImport {
  const collection = JSON.parse(exportW3c(records, OPTIONS)) as { first: { items: unknown[] } };
  collection.first.items.push(...extra);
  const result = parseImport(JSON.stringify(collection));
  if (!result.ok) throw new Error(result.error);
  return result;
}

function edited(key: string, id: string, fields: object): PageRecord[] {
  return library().map((p) => (p.key === key ? { ...p, annotations: { ...p.annotations, [id]: { ...p.annotations[id]!, ...fields } } } : p));
}

describe('import plan', () => {
  const transport = 'https://news.example/transport';

  test('counts new, updated, duplicate, kept-local-newer and rejected, and writes only changed pages', () => {
    const existing = edited(transport, 'c1', { note: 'Local edit made after the export.', updatedAt: '2026-03-10T00:00:00.000Z' });
    const before = JSON.stringify(existing);
    const incomingLibrary = edited(transport, 'c2', { note: 'Newer note from a colleague.', updatedAt: '2026-03-09T00:00:00.000Z' });
    const transportPage = incomingLibrary.find((p) => p.key === transport)!;
    transportPage.annotations.c9 = claim(TRANSPORT_TEXT, 'The regional parliament', 'c9', { verdict: 'true' });
    incomingLibrary.push(page('https://other.example/x', 'Other', [claim(TRANSPORT_TEXT, 'next spring', 'c1', { note: 'Same id, other page' })]));
    const hostile = { type: 'Annotation', id: 'urn:bad', target: { source: 'javascript:alert(1)', selector: { type: 'TextQuoteSelector', exact: 'x' } } };

    const plan = planImport(existing, read(incomingLibrary, [hostile]), NOW);

    // c1: local newer (kept). c2: updated. c9 and the other page: new. Everything else identical.
    expect(plan).toMatchObject({ new: 2, updated: 1, keptLocalNewer: 1, duplicatesSkipped: 6 });
    expect(plan.rejected).toEqual([{ index: 10, reason: expect.stringMatching(/javascript:alert/) }]);
    expect(plan.conflicts).toEqual([{ pageKey: transport, id: 'c1', localUpdatedAt: '2026-03-10T00:00:00.000Z', incomingUpdatedAt: '2026-03-02T11:30:00.000Z' }]);
    expect(plan.records.map((r) => r.key)).toEqual(['https://news.example/transport', 'https://other.example/x']);
    const written = plan.records[0]!;
    expect(written.annotations.c1?.note).toBe('Local edit made after the export.');
    expect(written.annotations.c2?.note).toBe('Newer note from a colleague.');
    expect(written.annotations.c9?.verdict).toBe('true');
    expect(written.annotations.c3).toEqual(existing.find((p) => p.key === transport)!.annotations.c3);
    expect(written.updatedAt).toBe(NOW);
    expect(written.url).toBe('https://news.example/transport?utm_source=feed');
    expect(plan.records[1]).toMatchObject({ key: 'https://other.example/x', title: 'Other', updatedAt: NOW });
    // The library passed in is never changed.
    expect(JSON.stringify(existing)).toBe(before);
  });

  test('re-importing the same export changes nothing', () => {
    const plan = planImport(library(), read(library()), NOW);
    expect(plan).toMatchObject({ new: 0, updated: 0, keptLocalNewer: 0, duplicatesSkipped: 8, records: [] });
  });

  test('the same annotation twice in one file: added once, then a duplicate', () => {
    const parsed = read(library());
    const twice: ParsedImport = { ...parsed, items: [...parsed.items, ...parsed.items] };
    expect(planImport([], twice, NOW)).toMatchObject({ new: 8, duplicatesSkipped: 8 });
  });

  test('undated versions: an undated incoming edit never replaces a dated local one; an undated local one is replaced', () => {
    const parsed = read(edited(transport, 'c2', { note: 'Incoming' }));
    const undatedIncoming: ParsedImport = { ...parsed, items: parsed.items.map((i) => ({ ...i, annotation: { ...i.annotation, updatedAt: '' } })) };
    expect(planImport(library(), undatedIncoming, NOW)).toMatchObject({ updated: 0, keptLocalNewer: 1 });
    const undatedLocal = edited(transport, 'c2', { updatedAt: '' });
    const plan = planImport(undatedLocal, parsed, NOW);
    expect(plan).toMatchObject({ updated: 1, keptLocalNewer: 0 });
    expect(plan.records[0]?.annotations.c2?.note).toBe('Incoming');
  });

  test('an incoming edit at the same time as the local one is applied (only a later local edit wins); created is kept', () => {
    const parsed = read(edited(transport, 'c2', { note: 'Same instant', createdAt: '' }));
    const plan = planImport(library(), parsed, NOW);
    expect(plan.updated).toBe(1);
    expect(plan.records[0]?.annotations.c2).toMatchObject({ note: 'Same instant', createdAt: '2026-03-01T10:00:00.000Z', updatedAt: '2026-03-02T11:30:00.000Z' });
  });

  test('rejections and warnings from parsing are carried into the plan', () => {
    const result = parseImport(JSON.stringify([{ type: 'Annotation', id: 'urn:a', body: 'ftp://x.example/', target: { source: 'https://a.example/', selector: { type: 'TextQuoteSelector', exact: 'A' } } }, 7]));
    if (!result.ok) throw new Error(result.error);
    const plan = planImport([], result, NOW);
    expect(plan).toMatchObject({ new: 1, rejected: [{ index: 1 }], warnings: [{ index: 0 }] });
    // Undated incoming annotations are dated by the import.
    expect(plan.records[0]?.annotations[result.items[0]!.annotation.id]).toMatchObject({ createdAt: NOW, updatedAt: NOW });
  });
});
