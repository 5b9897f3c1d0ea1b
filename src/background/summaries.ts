/**
 * Writes page records and their summary shards. Call inside the write queue: the shards are
 * read, changed and written back.
 */
import type { PageRecord } from '../core/model/annotation';
import { pageStorageKey } from '../core/model/records';
import { pageChanges, shardKeyOf, type StorageChanges } from '../core/model/summaries';
import { localStorage } from '../platform/browser';
import { outboxChanges, pagesIn } from './sync/outbox';

function storageError(error: unknown): Error {
  return new Error(`Could not save to browser storage: ${error instanceof Error ? error.message : String(error)}. Your earlier annotations are unchanged.`);
}

/** The stored record of a page (raw, unparsed) and the stored summary shard it belongs to, in one read. */
export async function readWithShard(key: string): Promise<{ stored: unknown; shards: Record<string, unknown> }> {
  const storageKey = pageStorageKey(key);
  const shardKey = shardKeyOf(key);
  const items = await localStorage.get([storageKey, shardKey]);
  return { stored: items[storageKey], shards: { [shardKey]: items[shardKey] } };
}

/**
 * Applies storage changes: removals first, then everything else in ONE set. A worker stopped
 * in between leaves summaries without records (the library drops and repairs them), never a
 * record without its summary. For a reader in a team the changed pages go into the outbox in
 * the same set (before a removal, so a stop cannot lose a deletion).
 */
export async function applyChanges(changes: StorageChanges): Promise<void> {
  try {
    const outbox = await outboxChanges((keys) => localStorage.get(keys), pagesIn(changes.set, changes.remove));
    if (changes.remove.length > 0) {
      if (Object.keys(outbox).length > 0) await localStorage.set(outbox);
      await localStorage.remove(changes.remove);
    }
    const set = { ...changes.set, ...outbox };
    if (Object.keys(set).length > 0) await localStorage.set(set);
  } catch (error) {
    throw storageError(error);
  }
}

/** Stores records and their summaries in one set; `shards` holds the current stored shards when already read. */
export async function storePages(records: readonly PageRecord[], shards?: Record<string, unknown>): Promise<void> {
  const current = shards ?? (await localStorage.get([...new Set(records.map((record) => shardKeyOf(record.key)))]));
  await applyChanges(pageChanges(current, records));
}

/** Removes a page's record, then its summary. */
export async function dropPage(key: string, shards: Record<string, unknown>): Promise<void> {
  await applyChanges(pageChanges(shards, [], [key]));
}
