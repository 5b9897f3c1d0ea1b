import { filterCounts, matchesFilter, verdictSummary } from '../../src/core/model/claim-filters';
import type { ClaimView } from '../../src/core/model/page-state';
import { selectorFor } from '../../src/core/model/selectors';
import { parseInline, parseNote } from '../../src/core/text/markdown';
import type { VerdictId } from '../../src/core/model/verdicts';

function claim(id: string, verdict: VerdictId | null, options: { anchored?: boolean; origin?: 'user' | 'detected'; stored?: boolean } = {}): ClaimView {
  const selector = selectorFor('Some claim text here.', 0, 10);
  const stored = options.stored ?? verdict !== null;
  return {
    id,
    text: 'Some claim',
    score: 0.9,
    reasons: [],
    selector,
    anchored: options.anchored ?? true,
    annotation: stored ? { id, origin: options.origin ?? 'detected', selector, verdict, note: '', sources: [], tags: [], createdAt: '', updatedAt: '' } : null,
  };
}

describe('popup filters and summary', () => {
  const claims = [claim('a', null), claim('b', 'false'), claim('c', null, { origin: 'user', stored: true }), claim('d', 'true', { anchored: false }), claim('e', 'false')];

  test('each filter keeps the right claims', () => {
    expect(claims.filter((c) => matchesFilter(c, 'unreviewed')).map((c) => c.id)).toEqual(['a', 'c']);
    expect(claims.filter((c) => matchesFilter(c, 'reviewed')).map((c) => c.id)).toEqual(['b', 'd', 'e']);
    expect(claims.filter((c) => matchesFilter(c, 'mine')).map((c) => c.id)).toEqual(['c']);
    expect(claims.filter((c) => matchesFilter(c, 'orphans')).map((c) => c.id)).toEqual(['d']);
    expect(filterCounts(claims)).toEqual({ all: 5, top: 0, unreviewed: 2, reviewed: 3, mine: 1, orphans: 1 });
  });

  test('the summary counts by verdict in display order', () => {
    expect(verdictSummary(claims)).toEqual([['unreviewed', 2], ['true', 1], ['false', 2]]);
  });
});

describe('the safe Markdown subset of notes', () => {
  test('renders emphasis, code and http(s) links as data', () => {
    expect(parseInline('**Bold** and *em* and `x` see [report](https://example.org/r) or https://example.com/a.')).toEqual([
      { kind: 'strong', text: 'Bold' },
      { kind: 'text', text: ' and ' },
      { kind: 'em', text: 'em' },
      { kind: 'text', text: ' and ' },
      { kind: 'code', text: 'x' },
      { kind: 'text', text: ' see ' },
      { kind: 'link', text: 'report', href: 'https://example.org/r' },
      { kind: 'text', text: ' or ' },
      { kind: 'link', text: 'https://example.com/a', href: 'https://example.com/a' },
      { kind: 'text', text: '.' },
    ]);
  });

  test('never makes links of other schemes, and keeps markup as text', () => {
    expect(parseInline('[click](javascript:alert(1)) <img src=x onerror=alert(1)>')).toEqual([{ kind: 'text', text: '[click](javascript:alert(1)) <img src=x onerror=alert(1)>' }]);
  });

  test('splits paragraphs on blank lines and keeps single line breaks', () => {
    expect(parseNote('one\ntwo\n\nthree')).toEqual([[{ kind: 'text', text: 'one' }, { kind: 'break' }, { kind: 'text', text: 'two' }], [{ kind: 'text', text: 'three' }]]);
  });
});
