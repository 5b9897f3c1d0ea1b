import { restoredRecord } from '../../src/core/library/restore';
import type { Annotation, PageRecord } from '../../src/core/model/annotation';
import { selectorFor } from '../../src/core/model/selectors';

function annotation(id: string, note: string, updatedAt: string): Annotation {
  return { id, origin: 'detected', selector: selectorFor('Some claim.', 0, 11), verdict: 'false', note, sources: [], tags: [], createdAt: updatedAt, updatedAt };
}

const deleted = {
  key: 'https://example.com/a',
  url: 'https://example.com/a',
  title: 'Old title',
  updatedAt: '2026-01-02T00:00:00.000Z',
  annotations: { a: annotation('a', 'first', '2026-01-01T00:00:00.000Z'), b: annotation('b', 'second', '2026-01-02T00:00:00.000Z') },
  futureField: { kept: true },
} as PageRecord;

describe('restoring a deleted page', () => {
  test('with nothing stored since, the deleted record comes back as it was, unknown fields included', () => {
    const restored = restoredRecord(deleted, null);
    expect(restored).toBe(deleted);
    expect(JSON.stringify(restored)).toBe(JSON.stringify(deleted));
  });

  test('work done on the page since the delete is kept, and wins where ids collide', () => {
    const current: PageRecord = {
      key: deleted.key,
      url: deleted.url,
      title: 'New title',
      updatedAt: '2026-01-05T00:00:00.000Z',
      annotations: { b: annotation('b', 'redone', '2026-01-05T00:00:00.000Z'), c: annotation('c', 'new', '2026-01-05T00:00:00.000Z') },
    };
    const restored = restoredRecord(deleted, current);
    expect(Object.keys(restored.annotations).sort()).toEqual(['a', 'b', 'c']);
    expect(restored.annotations.a?.note).toBe('first');
    expect(restored.annotations.b?.note).toBe('redone');
    expect(restored.title).toBe('New title');
    expect(restored.updatedAt).toBe('2026-01-05T00:00:00.000Z');
    expect((restored as PageRecord & { futureField?: unknown }).futureField).toEqual({ kept: true });
  });
});
