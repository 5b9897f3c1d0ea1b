import type { Migration } from '../schema';
import { buildShards, LIBRARY_KEY_PREFIX, SHARD_KEYS } from '../summaries';

/**
 * v1 → v2: builds the library summary shards from the page records. Every shard is written,
 * empty ones too, so running it again (on v1 or v2 data) gives the same storage; stray
 * `library:` keys that are not shards are removed. Unreadable records are left as they are.
 */
export const buildLibrarySummaries: Migration = {
  name: 'build-library-summaries',
  from: 1,
  to: 2,
  migrate(items) {
    const { shards, unreadable } = buildShards(items);
    const shardKeys = new Set(SHARD_KEYS);
    const remove = Object.keys(items).filter((key) => key.startsWith(LIBRARY_KEY_PREFIX) && !shardKeys.has(key));
    return { set: shards, remove, unreadable };
  },
};
