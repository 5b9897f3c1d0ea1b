import { indexBatch, type SearchIndexBatch } from '../core/library/index-batch';
import { entryFromSummary, type LibraryEntry } from '../core/model/library';
import { pageStorageKey } from '../core/model/records';
import { parseShard, repairedShards, SHARD_KEYS, shardKeyOf } from '../core/model/summaries';
import { localStorage } from '../platform/browser';
import { ensureMigrated, queue } from './ready';

/** Every page of the library from the summary shards alone (one read), most recently updated first. */
export async function listLibrary(): Promise<LibraryEntry[]> {
  await ensureMigrated();
  const items = await localStorage.get([...SHARD_KEYS]);
  const entries: LibraryEntry[] = [];
  for (const shardKey of SHARD_KEYS) {
    const { summaries, rejected } = parseShard(items[shardKey]);
    for (const [key, summary] of summaries) entries.push(entryFromSummary(key, summary));
    // Left out until its record is next written or read by the library, which rebuilds it.
    for (const key of rejected) console.warn(`Factmark: skipped an unreadable library summary (${key} in ${shardKey}).`);
  }
  return entries.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function recordAndShardKeys(keys: readonly string[]): string[] {
  return [...keys.map(pageStorageKey), ...new Set(keys.map(shardKeyOf))];
}

/**
 * Rewrites the summaries of these pages from their records, in the write queue so no edit
 * lands between the read and the write. Only shards that disagree are written.
 */
async function repairSummaries(keys: readonly string[]): Promise<void> {
  await queue.run(async () => {
    const changes = repairedShards(keys, await localStorage.get(recordAndShardKeys(keys)));
    if (Object.keys(changes).length === 0) return;
    console.warn(`Factmark: repaired the library summary of ${keys.length} page(s).`);
    await localStorage.set(changes);
  });
}

/**
 * The pages with these canonical keys, read from their records (the truth) with search
 * haystacks. With `checkSummaries` the same read takes their summary shards, and summaries
 * that disagree with the records (left by a stopped worker, or by a record written behind the
 * background's back) are repaired on the way. Missing and unreadable records are reported and
 * skipped.
 */
export async function searchIndex(keys: readonly string[], checkSummaries: boolean): Promise<SearchIndexBatch> {
  await ensureMigrated();
  const { stale, ...batch } = indexBatch(keys, await localStorage.get(checkSummaries ? recordAndShardKeys(keys) : keys.map(pageStorageKey)));
  if (checkSummaries && stale.length > 0) await repairSummaries(stale);
  for (const key of batch.unreadable) console.warn(`Factmark: skipped an unreadable page record (${pageStorageKey(key)}).`);
  return batch;
}
