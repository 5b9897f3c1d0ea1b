import { sameSummary } from '../model/library';
import { pageStorageKey, parseStoredPage } from '../model/records';
import { parseShard, shardKeyOf, type SummaryShard } from '../model/summaries';
import { indexPage, type IndexedPage } from './search';

/** One answer of library.search-index: the readable pages, and the keys that had none. */
export interface SearchIndexBatch {
  /** Pages read from their records (the truth), with full haystacks. */
  pages: IndexedPage[];
  /** Keys without a stored record (deleted meanwhile, or a summary left by a stopped delete). */
  missing: string[];
  /** Keys whose record could not be read. */
  unreadable: string[];
}

/**
 * Indexes the pages with these canonical keys from `items`, which holds their records and,
 * when summaries are to be checked, their summary shards. `stale` lists the keys whose
 * summary disagrees with the record, for repair (meaningless when the shards were not read).
 */
export function indexBatch(keys: readonly string[], items: Readonly<Record<string, unknown>>): SearchIndexBatch & { stale: string[] } {
  const shards = new Map<string, SummaryShard>();
  const summaryOf = (key: string) => {
    const storageKey = shardKeyOf(key);
    let shard = shards.get(storageKey);
    if (!shard) {
      shard = parseShard(items[storageKey]).summaries;
      shards.set(storageKey, shard);
    }
    return shard.get(key);
  };
  const batch: SearchIndexBatch & { stale: string[] } = { pages: [], missing: [], unreadable: [], stale: [] };
  for (const key of new Set(keys)) {
    const raw = items[pageStorageKey(key)];
    const summary = summaryOf(key);
    if (raw === undefined) {
      batch.missing.push(key);
      if (summary) batch.stale.push(key);
      continue;
    }
    const parsed = parseStoredPage(key, raw);
    if (!parsed) {
      batch.unreadable.push(key);
      continue;
    }
    const page = indexPage(parsed.record);
    batch.pages.push(page);
    if (!summary || !sameSummary(summary, page.entry)) batch.stale.push(key);
  }
  return batch;
}

/** Pages per library.search-index request while the library loads the full text. */
export const TEXT_BATCH_SIZE = 500;

/** The keys in batches of `size`, in their order (the list's, newest first: likeliest searched first). */
export function textBatches(keys: readonly string[], size = TEXT_BATCH_SIZE): string[][] {
  const batches: string[][] = [];
  for (let start = 0; start < keys.length; start += size) batches.push(keys.slice(start, start + size));
  return batches;
}
