import { withoutOverlaps } from '../../src/content/highlighter';
import { mergeClaims } from '../../src/core/claims/merge';
import type { ScoredSentence } from '../../src/core/claims/detect';
import type { PageRecord } from '../../src/core/model/annotation';
import type { ClaimView } from '../../src/core/model/page-state';
import { selectorFor } from '../../src/core/model/selectors';

const text = 'First claim has 5 items. Second claim rose 10 percent. Third one fell.';
function sentence(id: string, exact: string, score = 0.9): ScoredSentence {
  const start = text.indexOf(exact);
  return { id, text: exact, start, end: start + exact.length, score, reasons: [], selector: selectorFor(text, start, start + exact.length) };
}

describe('overlapping claims', () => {
  test('a reader’s passage replaces the unreviewed detected sentences it overlaps', () => {
    const sentences = [sentence('a', 'First claim has 5 items.'), sentence('b', 'Second claim rose 10 percent.'), sentence('c', 'Third one fell.')];
    const start = text.indexOf('items.');
    const user = selectorFor(text, start, text.indexOf(' rose'));
    const record: PageRecord = { key: 'k', url: 'u', title: '', updatedAt: '', annotations: { u1: { id: 'u1', origin: 'user', selector: user, verdict: null, note: '', sources: [], tags: [], createdAt: '', updatedAt: '' } } };
    const ids = mergeClaims(text, sentences, 0.5, record).map((view) => view.id);
    expect(ids).toEqual(['u1', 'c']);
  });

  test('highlight ranges never overlap: later ones are clipped, contained ones dropped', () => {
    const view = (id: string, start: number, end: number): ClaimView => ({ id, text: '', score: null, reasons: [], selector: selectorFor(text, start, end), anchored: true, annotation: null });
    const ranges = withoutOverlaps([view('b', 5, 20), view('a', 0, 10), view('c', 12, 15)]);
    expect(ranges.map((r) => [r.claim.id, r.start, r.start + r.length])).toEqual([['a', 0, 10], ['b', 10, 20]]);
  });

  test('a sentence from a picture caption is marked as such in the claim list, stored or not', () => {
    const caption = { ...sentence('a', 'First claim has 5 items.'), caption: true };
    const body = sentence('b', 'Second claim rose 10 percent.');
    const record: PageRecord = { key: 'k', url: 'u', title: '', updatedAt: '', annotations: { a: { id: 'a', origin: 'detected', selector: caption.selector, verdict: 'false', note: '', sources: [], tags: [], createdAt: '', updatedAt: '' } } };
    const views = mergeClaims(text, [caption, body], 0.5, null);
    expect(views.map((view) => [view.id, view.caption ?? false])).toEqual([['a', true], ['b', false]]);
    expect(mergeClaims(text, [caption, body], 0.5, record).find((view) => view.id === 'a')?.caption).toBe(true);
  });
});
