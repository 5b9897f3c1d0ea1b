import type { PageRecord } from './annotation';
import type { HighlightState } from './verdicts';

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

/** Summarises a page record for the library list. */
export function libraryEntry(record: PageRecord): LibraryEntry {
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
  return { key: record.key, url: record.url, title: record.title, site, updatedAt: record.updatedAt, total: annotations.length, counts };
}
