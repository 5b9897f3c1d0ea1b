import type { PageRecord } from './annotation';
import { VERDICT_IDS, type HighlightState } from './verdicts';

/** One page in the library list. */
export interface LibraryEntry {
  key: string;
  url: string;
  title: string;
  site: string;
  updatedAt: string;
  total: number;
  counts: Partial<Record<HighlightState, number>>;
}

/** What the library list needs of a page, stored in its summary shard under the page's key. */
export type PageSummary = Omit<LibraryEntry, 'key'>;

const STATES: readonly HighlightState[] = [...VERDICT_IDS, 'unreviewed'];

/** Summarises a page record for the library list (without its key). */
export function pageSummary(record: PageRecord): PageSummary {
  const counts: Partial<Record<HighlightState, number>> = {};
  const annotations = Object.values(record.annotations);
  for (const annotation of annotations) {
    const state: HighlightState = annotation.verdict ?? 'unreviewed';
    counts[state] = (counts[state] ?? 0) + 1;
  }
  let site = '';
  try {
    site = new URL(record.url).hostname;
  } catch {
    site = '';
  }
  return { url: record.url, title: record.title, site, updatedAt: record.updatedAt, total: annotations.length, counts };
}

/** Summarises a page record for the library list. */
export function libraryEntry(record: PageRecord): LibraryEntry {
  return { key: record.key, ...pageSummary(record) };
}

/** The library entry of a stored summary. */
export function entryFromSummary(key: string, summary: PageSummary): LibraryEntry {
  return { key, ...summary };
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

/** Validates a stored summary; null when it is not one (it is then rebuilt from the record). */
export function parsePageSummary(raw: unknown): PageSummary | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const value = raw as Record<string, unknown>;
  const { url, title, site, updatedAt, total, counts } = value;
  if (typeof url !== 'string' || typeof title !== 'string' || typeof site !== 'string' || typeof updatedAt !== 'string') return null;
  if (typeof total !== 'number' || !Number.isInteger(total) || total < 0) return null;
  if (typeof counts !== 'object' || counts === null || Array.isArray(counts)) return null;
  const parsed: Partial<Record<HighlightState, number>> = {};
  for (const [state, count] of Object.entries(counts)) {
    if (!(STATES as readonly string[]).includes(state) || !isCount(count)) return null;
    parsed[state as HighlightState] = count;
  }
  return { url, title, site, updatedAt, total, counts: parsed };
}

/** True when two summaries say the same (key order of the counts aside). */
export function sameSummary(a: PageSummary, b: PageSummary): boolean {
  if (a.url !== b.url || a.title !== b.title || a.site !== b.site || a.updatedAt !== b.updatedAt || a.total !== b.total) return false;
  return STATES.every((state) => (a.counts[state] ?? 0) === (b.counts[state] ?? 0));
}
