import { foldText, indexPage, LibrarySearchIndex, matchesTerms, pageHaystack, queryTerms } from '../../src/core/library/search';
import type { Annotation, PageRecord } from '../../src/core/model/annotation';
import { selectorFor } from '../../src/core/model/selectors';
import type { VerdictId } from '../../src/core/model/verdicts';

function annotation(id: string, text: string, extra: Partial<Annotation> = {}): Annotation {
  return {
    id,
    origin: 'detected',
    selector: selectorFor(text, 0, text.length),
    verdict: null,
    note: '',
    sources: [],
    tags: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}

function page(key: string, updatedAt: string, annotations: Annotation[], title = key): PageRecord {
  return { key, url: `https://news.example/${key}`, title, updatedAt, annotations: Object.fromEntries(annotations.map((a) => [a.id, a])) };
}

const cafe = page('cafe', '2026-03-01T00:00:00.000Z', [
  annotation('a1', 'The Café Müller chain opened 40 new shops in São Paulo.', {
    verdict: 'mostly-true',
    note: 'Confirmed with the company’s annual report.',
    sources: [{ url: 'https://reports.example/annual-2025', title: 'Annual Report 2025', quote: 'forty openings', publisher: 'Reuters' }],
    tags: ['retail', 'Brazil'],
  }),
]);
const troops = page('troops', '2026-03-03T00:00:00.000Z', [
  annotation('b1', 'Russia sent 100 troops to Venezuela last week.', { verdict: 'false', note: 'No public record of a troop increase.', tags: ['defence'] }),
  annotation('b2', 'The ministry said the flight carried aid.', { verdict: null }),
]);
const budget = page('budget', '2026-03-02T00:00:00.000Z', [annotation('c1', 'The budget deficit fell to 3.1% of GDP.', { verdict: 'mixed', sources: [{ url: 'https://stats.example/gdp', title: '', quote: '', publisher: 'Office for Budget Responsibility' }] })]);

function searchKeys(index: LibrarySearchIndex, query: string, state?: Parameters<LibrarySearchIndex['search']>[1]): string[] {
  return index.search(query, state).map((entry) => entry.key);
}

describe('folding', () => {
  test('lowercases and strips accents, ligatures and special letters', () => {
    expect(foldText('Café Müller São Paulo ÉCOLE')).toBe('cafe muller sao paulo ecole');
    expect(foldText('Straße Ærø Œuvre Łódź ﬁnal')).toBe('strasse aero oeuvre lodz final');
    expect(foldText('company’s “quote” 2019–2020')).toBe('company\'s "quote" 2019-2020');
  });

  test('query words are folded, stripped of clinging punctuation, de-duplicated, longest first', () => {
    expect(queryTerms('  Russia,  TROOPS (Venezuela) russia ')).toEqual(['venezuela', 'russia', 'troops']);
    expect(queryTerms('   ')).toEqual([]);
    expect(queryTerms('U.S.')).toEqual(['u.s']);
  });
});

describe('haystacks', () => {
  test('hold claims, notes, source url/title/quote/publisher, tags and the title, each word once', () => {
    const haystack = pageHaystack(cafe);
    for (const word of ['cafe', 'muller', 'sao', 'annual', 'company\'s', 'https://reports.example/annual-2025', 'forty', 'reuters', 'retail', 'brazil']) {
      expect(haystack.split(' ')).toContain(word);
    }
    const words = haystack.split(' ');
    expect(new Set(words).size).toBe(words.length);
  });

  test('every query word must occur (AND), as a substring of a word', () => {
    const haystack = pageHaystack(troops);
    expect(matchesTerms(haystack, ['russia', 'troop'])).toBe(true);
    expect(matchesTerms(haystack, ['russia', 'brazil'])).toBe(false);
    // Words never run into each other: "week the" is not "weekthe".
    expect(matchesTerms(haystack, ['weekthe'])).toBe(false);
  });
});

describe('the search index', () => {
  const index = new LibrarySearchIndex();
  beforeEach(() => index.replaceAll([cafe, troops, budget].map(indexPage)));

  test('lists every page newest first for an empty query', () => {
    expect(searchKeys(index, '')).toEqual(['troops', 'budget', 'cafe']);
    expect(searchKeys(index, '   ')).toEqual(['troops', 'budget', 'cafe']);
  });

  test('matches accent-free and differently-cased queries', () => {
    expect(searchKeys(index, 'cafe muller')).toEqual(['cafe']);
    expect(searchKeys(index, 'SÃO')).toEqual(['cafe']);
    expect(searchKeys(index, "company's")).toEqual(['cafe']);
  });

  test('matches in notes, sources and tags', () => {
    expect(searchKeys(index, 'public record')).toEqual(['troops']); // note
    expect(searchKeys(index, 'reuters')).toEqual(['cafe']); // source publisher
    expect(searchKeys(index, 'forty openings')).toEqual(['cafe']); // source quote
    expect(searchKeys(index, 'annual-2025')).toEqual(['cafe']); // source url
    expect(searchKeys(index, 'responsibility')).toEqual(['budget']); // publisher of another page
    expect(searchKeys(index, 'defence')).toEqual(['troops']); // tag
    expect(searchKeys(index, 'brazil retail')).toEqual(['cafe']); // two tags
  });

  test('multi-word queries are AND-ed across the whole page', () => {
    expect(searchKeys(index, 'russia aid')).toEqual(['troops']); // words from two claims of one page
    expect(searchKeys(index, 'russia reuters')).toEqual([]);
    expect(searchKeys(index, 'the')).toEqual(['troops', 'budget', 'cafe']);
  });

  test('typing on narrows the previous result and gives the same answer as a fresh search', () => {
    for (const query of ['t', 'tr', 'tro', 'troo', 'troop', 'troops', 'troops ', 'troops r', 'troops ru']) {
      const typed = searchKeys(index, query);
      const fresh = new LibrarySearchIndex();
      fresh.replaceAll([cafe, troops, budget].map(indexPage));
      expect(typed).toEqual(searchKeys(fresh, query));
    }
    // Deleting characters widens again.
    expect(searchKeys(index, 't')).toEqual(['troops', 'budget', 'cafe']);
  });

  test('filters by verdict state', () => {
    expect(searchKeys(index, '', 'false')).toEqual(['troops']);
    expect(searchKeys(index, '', 'unreviewed')).toEqual(['troops']);
    expect(searchKeys(index, '', 'true')).toEqual([]);
    expect(searchKeys(index, 'the', 'mixed')).toEqual(['budget']);
  });

  test('takes incremental updates: upsert keeps newest-first order, remove drops the page', () => {
    expect(searchKeys(index, 'troop')).toEqual(['troops']);
    const edited = page('cafe', '2026-03-04T00:00:00.000Z', [annotation('a1', 'Troop numbers at the café.', { verdict: 'true' as VerdictId })]);
    index.upsert(indexPage(edited));
    expect(index.size).toBe(3);
    expect(searchKeys(index, '')).toEqual(['cafe', 'troops', 'budget']);
    expect(searchKeys(index, 'troop')).toEqual(['cafe', 'troops']);
    expect(searchKeys(index, 'reuters')).toEqual([]);
    expect(index.remove('troops')).toBe(true);
    expect(index.remove('troops')).toBe(false);
    expect(searchKeys(index, 'troop')).toEqual(['cafe']);
  });

  test('searches 10,000 pages with 100,000 annotations within the per-keystroke budget', () => {
    const words = ['minister', 'percent', 'election', 'budget', 'troops', 'vaccine', 'climate', 'border', 'inflation', 'report', 'según', 'déficit', 'millones'];
    const pages: PageRecord[] = [];
    for (let p = 0; p < 10_000; p++) {
      const annotations: Annotation[] = [];
      for (let a = 0; a < 10; a++) {
        const text = `Claim ${p}-${a}: the ${words[(p + a) % words.length]} rose by ${(p * 7 + a) % 97} percent in ${2000 + (a % 25)}, said ${words[(p * 3 + a) % words.length]} officials.`;
        annotations.push(annotation(`p${p}a${a}`, text, { note: a % 3 === 0 ? `checked ${words[a % words.length]} ${p}` : '', tags: a % 4 === 0 ? ['tag' + (p % 50)] : [] }));
      }
      pages.push(page(`page-${p}`, new Date(Date.UTC(2026, 0, 1) + p * 60_000).toISOString(), annotations));
    }
    const big = new LibrarySearchIndex();
    big.replaceAll(pages.map(indexPage));
    const times: number[] = [];
    let query = '';
    for (const char of 'deficit 42 percent') {
      query += char;
      const start = performance.now();
      big.search(query);
      times.push(performance.now() - start);
    }
    expect(big.search('deficit').length).toBeGreaterThan(0);
    expect(Math.max(...times)).toBeLessThan(100);
  });
});
