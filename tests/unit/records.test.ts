import { applyEdit, isHttpUrl, parsePageRecord, validateEdit } from '../../src/core/model/records';
import { selectorFor } from '../../src/core/model/selectors';

const selector = selectorFor('Alpha beta gamma. Delta 42 percent.', 18, 35);
const page = { key: 'https://example.com/a', url: 'https://example.com/a', title: 'A' };

describe('page records', () => {
  test('an edit creates the record and the annotation, and later edits keep earlier fields', () => {
    const first = applyEdit(null, { page, id: 'c1', origin: 'detected', selector, edit: { verdict: 'false' }, now: '2026-01-01T00:00:00.000Z' });
    const second = applyEdit(first, { page, id: 'c1', origin: 'detected', selector, edit: { note: 'checked' }, now: '2026-01-02T00:00:00.000Z' });
    expect(second.annotations.c1).toMatchObject({ verdict: 'false', note: 'checked', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z' });
    expect(first.annotations.c1?.note).toBe('');
  });

  test('reading tolerates bad annotations and reports how many were skipped', () => {
    const raw = {
      key: 'k',
      url: 'https://example.com/a',
      title: 'A',
      updatedAt: '',
      annotations: {
        good: { id: 'good', selector, verdict: 'mixed', sources: [{ url: 'javascript:alert(1)' }, { url: 'https://ok.example/' }] },
        noSelector: { id: 'noSelector' },
        junk: 42,
      },
    };
    const parsed = parsePageRecord(raw);
    expect(parsed?.rejected).toBe(2);
    expect(parsed?.record.annotations.good?.verdict).toBe('mixed');
    expect(parsed?.record.annotations.good?.sources).toEqual([{ url: 'https://ok.example/', title: '', quote: '', publisher: '' }]);
    expect(parsePageRecord('nonsense')).toBeNull();
    expect(parsePageRecord({ key: 1 })).toBeNull();
  });

  test('only http(s) source URLs are accepted, with a clear message', () => {
    expect(isHttpUrl('https://example.com/x')).toBe(true);
    expect(isHttpUrl('ftp://example.com/x')).toBe(false);
    expect(isHttpUrl('example.com')).toBe(false);
    expect(validateEdit({ sources: [{ url: 'javascript:alert(1)', title: '', quote: '', publisher: '' }] })).toMatch(/http:\/\/ or https:\/\//);
    expect(validateEdit({ sources: [{ url: 'https://example.com', title: '', quote: '', publisher: '' }] })).toBeNull();
  });
});
