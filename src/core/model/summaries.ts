/**
 * The library summary (schema version 2): every page's list entry, kept next to its record so
 * the library can list 10,000 pages without reading 10,000 records. Summaries live in a fixed
 * number of shard keys, `library:00` … `library:63`, each `{ [canonicalKey]: PageSummary }`;
 * a page's shard comes from a stable hash of its canonical key. The page record stays the
 * truth: a summary that disagrees with it is rebuilt from it.
 */
import type { PageRecord } from './annotation';
import { pageSummary, parsePageSummary, sameSummary, type PageSummary } from './library';
import { PAGE_KEY_PREFIX, pageStorageKey, parsePageRecord, parseStoredPage } from './records';

/** Storage key prefix of the summary shards. */
export const LIBRARY_KEY_PREFIX = 'library:';

/** How many shards there are. Changing it (or shardOf) needs a migration. */
export const SHARD_COUNT = 64;

/** Summaries of one shard by canonical key; a Map, so no key can collide with Object's own. */
export type SummaryShard = Map<string, PageSummary>;

/** The shard (0 … SHARD_COUNT - 1) a canonical key belongs to: FNV-1a, 32 bit, of its UTF-16 code units. */
export function shardOf(canonicalKey: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < canonicalKey.length; i++) {
    hash ^= canonicalKey.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % SHARD_COUNT;
}

/** The storage key of shard number `shard`. */
export function shardKey(shard: number): string {
  return LIBRARY_KEY_PREFIX + String(shard).padStart(2, '0');
}

/** Every shard key, in shard order. */
export const SHARD_KEYS: readonly string[] = Array.from({ length: SHARD_COUNT }, (_, shard) => shardKey(shard));

/** The storage key of the shard holding this page's summary. */
export function shardKeyOf(canonicalKey: string): string {
  return shardKey(shardOf(canonicalKey));
}

/** A stored shard, read leniently: good summaries are kept, and the keys of bad ones listed. */
export function parseShard(raw: unknown): { summaries: SummaryShard; rejected: string[] } {
  const summaries: SummaryShard = new Map();
  const rejected: string[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { summaries, rejected };
  for (const [key, value] of Object.entries(raw)) {
    const summary = parsePageSummary(value);
    if (summary) summaries.set(key, summary);
    else rejected.push(key);
  }
  return { summaries, rejected };
}

/** A shard as stored: a plain object (fromEntries defines even a `__proto__` key as data). */
export function storedShard(shard: SummaryShard): Record<string, PageSummary> {
  return Object.fromEntries(shard);
}

/** The summary of a stored page record as the library shows it (bad annotations skipped); null when unreadable. */
export function summaryOfStored(raw: unknown): PageSummary | null {
  const parsed = parsePageRecord(raw);
  return parsed ? pageSummary(parsed.record) : null;
}

/** Storage changes: keys to set in one call, keys to remove. */
export interface StorageChanges {
  set: Record<string, unknown>;
  remove: string[];
}

/**
 * What to write so that these records are stored and these pages (canonical keys) dropped,
 * summaries included. `current` holds the stored shards involved (missing ones count as
 * empty). Records are written as given, unknown fields and all. The caller removes first and
 * sets second: a stop in between leaves a summary without a record, which the library drops,
 * never a record the library cannot find.
 */
export function pageChanges(current: Record<string, unknown>, put: readonly PageRecord[], drop: readonly string[] = []): StorageChanges {
  const shards = new Map<string, SummaryShard>();
  const shardFor = (key: string): SummaryShard => {
    const storageKey = shardKeyOf(key);
    let shard = shards.get(storageKey);
    if (!shard) {
      shard = parseShard(current[storageKey]).summaries;
      shards.set(storageKey, shard);
    }
    return shard;
  };
  const set: Record<string, unknown> = {};
  for (const record of put) {
    const summary = summaryOfStored(record);
    if (!summary) throw new Error(`Not a page record: ${String(record.key)}.`);
    set[pageStorageKey(record.key)] = record;
    shardFor(record.key).set(record.key, summary);
  }
  for (const key of drop) shardFor(key).delete(key);
  for (const [storageKey, shard] of shards) set[storageKey] = storedShard(shard);
  return { set, remove: drop.map(pageStorageKey) };
}

/**
 * The shards that disagree with the records of these pages, corrected: a readable record's
 * summary is (re)written, a missing record's summary dropped, and an unreadable record's
 * summary left alone (it is not ours to judge). `items` holds the pages' records and their
 * shards. Empty when everything agrees.
 */
export function repairedShards(keys: readonly string[], items: Record<string, unknown>): Record<string, unknown> {
  const touched = new Map<string, SummaryShard>();
  for (const key of keys) {
    const storageKey = shardKeyOf(key);
    const shard = touched.get(storageKey) ?? parseShard(items[storageKey]).summaries;
    const raw = items[pageStorageKey(key)];
    const stored = shard.get(key);
    if (raw === undefined) {
      if (!shard.delete(key)) continue;
    } else {
      const parsed = parseStoredPage(key, raw);
      const summary = parsed ? pageSummary(parsed.record) : null;
      if (!summary || (stored && sameSummary(stored, summary))) continue;
      shard.set(key, summary);
    }
    touched.set(storageKey, shard);
  }
  const changes: Record<string, unknown> = {};
  for (const [storageKey, shard] of touched) changes[storageKey] = storedShard(shard);
  return changes;
}

/**
 * Every shard rebuilt from the page records among `items`, all SHARD_KEYS present (empty
 * ones too, so the result depends on the records alone). Unreadable records are listed by
 * storage key and left out.
 */
export function buildShards(items: Record<string, unknown>): { shards: Record<string, unknown>; unreadable: string[] } {
  const built = new Map<string, SummaryShard>(SHARD_KEYS.map((key) => [key, new Map()]));
  const unreadable: string[] = [];
  for (const [storageKey, raw] of Object.entries(items)) {
    if (!storageKey.startsWith(PAGE_KEY_PREFIX)) continue;
    const parsed = parseStoredPage(storageKey.slice(PAGE_KEY_PREFIX.length), raw);
    if (!parsed) {
      unreadable.push(storageKey);
      continue;
    }
    built.get(shardKeyOf(parsed.record.key))?.set(parsed.record.key, pageSummary(parsed.record));
  }
  const shards: Record<string, unknown> = {};
  for (const [storageKey, shard] of built) shards[storageKey] = storedShard(shard);
  return { shards, unreadable };
}
