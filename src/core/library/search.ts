/**
 * Full-text search of the library. Each page gets one compact "haystack": the folded
 * (lowercase, accent-free) words of its title, address, claims, notes, sources and tags, each
 * distinct word once. A query is split into words that must all occur (AND), each as a
 * substring of some word of the page. The index keeps the pages newest first, takes
 * incremental updates, and narrows the previous result while the reader keeps typing. A page
 * known only from its library summary is "partial": its title and address are searchable at
 * once, the rest when its record has been read.
 */
import type { PageRecord } from '../model/annotation';
import { libraryEntry, type LibraryEntry } from '../model/library';
import type { HighlightState } from '../model/verdicts';
import { foldText, queryTerms } from './fold';

/** One page as the library page searches it: its summary and its haystack. */
export interface IndexedPage {
  entry: LibraryEntry;
  haystack: string;
  /** True while only the summary is known: the haystack then holds just the title and address. */
  partial?: boolean;
}

/** Folding and query splitting live in fold.ts; re-exported for the library's callers. */
export { foldText, queryTerms } from './fold';

function haystackOf(parts: readonly string[]): string {
  // One fold over the page's whole text is cheaper than folding word by word.
  const words = new Set(foldText(parts.join('\n')).split(/\s+/));
  words.delete('');
  return [...words].join(' ');
}

/** The searchable text of a page record, folded, each distinct word once, separated by spaces. */
export function pageHaystack(record: PageRecord): string {
  const parts: string[] = [record.title, record.url];
  for (const annotation of Object.values(record.annotations)) {
    parts.push(annotation.selector.quote.exact, annotation.note);
    for (const source of annotation.sources) parts.push(source.url, source.title, source.quote, source.publisher);
    for (const tag of annotation.tags) parts.push(tag);
  }
  return haystackOf(parts);
}

/** A page record as the index wants it. */
export function indexPage(record: PageRecord): IndexedPage {
  return { entry: libraryEntry(record), haystack: pageHaystack(record) };
}

/**
 * A page known so far only from its summary. Its haystack (title and address) is part of the
 * full one, so the page can only gain matches when its record arrives.
 */
export function summaryPage(entry: LibraryEntry): IndexedPage {
  return { entry, haystack: haystackOf([entry.title, entry.url]), partial: true };
}

/** True when every term occurs in the haystack. */
export function matchesTerms(haystack: string, terms: readonly string[]): boolean {
  for (const term of terms) if (!haystack.includes(term)) return false;
  return true;
}

/** Restricts results to pages with at least one claim in a state; 'all' keeps every page. */
export type StateFilter = HighlightState | 'all';

function matchesState(entry: LibraryEntry, state: StateFilter): boolean {
  return state === 'all' || (entry.counts[state] ?? 0) > 0;
}

/** Newest first; pages updated at the same moment in key order, so the order is stable. */
function compareNewestFirst(a: IndexedPage, b: IndexedPage): number {
  if (a.entry.updatedAt !== b.entry.updatedAt) return a.entry.updatedAt < b.entry.updatedAt ? 1 : -1;
  return a.entry.key < b.entry.key ? -1 : a.entry.key > b.entry.key ? 1 : 0;
}

interface LastSearch {
  version: number;
  folded: string;
  state: StateFilter;
  results: IndexedPage[];
}

/** The library's search index: every page, newest first, searchable in a few milliseconds. */
export class LibrarySearchIndex {
  private readonly pages = new Map<string, IndexedPage>();
  private ordered: IndexedPage[] = [];
  private last: LastSearch | null = null;
  private partials = 0;
  /** Changes whenever the set of pages changes; cached results belong to one version. */
  version = 0;

  /** How many pages the index holds. */
  get size(): number {
    return this.pages.size;
  }

  /** How many of them are partial (known from their summary only). */
  get partialCount(): number {
    return this.partials;
  }

  /** The indexed page with this canonical key. */
  get(key: string): IndexedPage | undefined {
    return this.pages.get(key);
  }

  /** Replaces the whole content of the index. */
  replaceAll(pages: readonly IndexedPage[]): void {
    this.pages.clear();
    this.partials = 0;
    this.upsertMany(pages);
  }

  /** Adds or replaces many pages at once: one sort instead of one insertion each. */
  upsertMany(pages: readonly IndexedPage[]): void {
    for (const page of pages) this.put(page);
    this.ordered = [...this.pages.values()].sort(compareNewestFirst);
    this.changed();
  }

  /** Adds a page or replaces its earlier version. */
  upsert(page: IndexedPage): void {
    this.removeFromOrder(page.entry.key);
    this.put(page);
    // Binary search for the insertion point keeps the order without re-sorting everything.
    let low = 0;
    let high = this.ordered.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareNewestFirst(this.ordered[middle] as IndexedPage, page) <= 0) low = middle + 1;
      else high = middle;
    }
    this.ordered.splice(low, 0, page);
    this.changed();
  }

  /** Removes a page; returns whether it was there. */
  remove(key: string): boolean {
    if (!this.removeFromOrder(key)) return false;
    if (this.pages.get(key)?.partial) this.partials--;
    this.pages.delete(key);
    this.changed();
    return true;
  }

  /** Every page, newest first. */
  all(): readonly IndexedPage[] {
    return this.ordered;
  }

  /**
   * The pages matching a query (all of its words) and a state filter, newest first. While
   * the reader types on (the new query extends the last one) only the last results are
   * searched again, since a longer query can only match fewer pages.
   */
  search(query: string, state: StateFilter = 'all'): LibraryEntry[] {
    const folded = foldText(query).replace(/^\s+/, '');
    const terms = queryTerms(query);
    const last = this.last;
    const narrowing = last !== null && last.version === this.version && last.state === state && folded.startsWith(last.folded);
    const pool = narrowing ? last.results : this.ordered;
    const results = terms.length === 0 && state === 'all' ? this.ordered : pool.filter((page) => matchesState(page.entry, state) && matchesTerms(page.haystack, terms));
    this.last = { version: this.version, folded, state, results };
    return results.map((page) => page.entry);
  }

  /** Sets a page in the map, keeping the partial count; the caller keeps the order. */
  private put(page: IndexedPage): void {
    if (this.pages.get(page.entry.key)?.partial) this.partials--;
    if (page.partial) this.partials++;
    this.pages.set(page.entry.key, page);
  }

  private removeFromOrder(key: string): boolean {
    const existing = this.pages.get(key);
    if (!existing) return false;
    const at = this.ordered.indexOf(existing);
    if (at >= 0) this.ordered.splice(at, 1);
    return true;
  }

  private changed(): void {
    this.version++;
    this.last = null;
  }
}
