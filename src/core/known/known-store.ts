/**
 * How known fact-checks are stored: 64 shard keys `known:00` … `known:63`, each
 * `{ [reviewId]: CompactReview }` (short keys, see review.ts), the shard being FNV-1a of the
 * review id mod 64 (as the library summary shards). 20,000 reviews take about 8 MB in 64 keys
 * of about 120 KB: an import writes them in one `set` (all or nothing), collecting a page's
 * reviews rewrites one or two shards, and content scripts never read them (matching runs in
 * the background).
 */
import { shardOf } from '../model/summaries';
import { compactReview, parseStoredReview, sameReview, type KnownReview } from './review';

/** Storage key prefix of the known fact-check shards. */
export const KNOWN_KEY_PREFIX = 'known:';

/** Every known shard key, in order. */
export const KNOWN_SHARD_KEYS: readonly string[] = Array.from({ length: 64 }, (_, shard) => `${KNOWN_KEY_PREFIX}${String(shard).padStart(2, '0')}`);

/** The shard key a review is stored under. */
export function knownShardKey(id: string): string {
  return KNOWN_SHARD_KEYS[shardOf(id)] as string;
}

/** A stored shard read leniently: usable reviews, and how many were not. */
export function parseKnownShard(raw: unknown): { reviews: Map<string, KnownReview>; rejected: number } {
  const reviews = new Map<string, KnownReview>();
  let rejected = 0;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { reviews, rejected };
  for (const [id, value] of Object.entries(raw)) {
    const review = parseStoredReview(id, value);
    if (review) reviews.set(id, review);
    else rejected++;
  }
  return { reviews, rejected };
}

/** What merging reviews into storage does. */
export interface ReviewMerge {
  new: number;
  updated: number;
  duplicatesSkipped: number;
  /** The shards to write (whole, in one set). */
  set: Record<string, unknown>;
}

/**
 * Merges incoming reviews into the stored shards (`current` holds those involved; missing ones
 * count as empty). A review already stored with the same content is skipped; a changed one is
 * replaced, keeping when it was first added. Unreadable stored entries are kept as they are.
 */
export function mergeReviews(current: Record<string, unknown>, incoming: readonly KnownReview[]): ReviewMerge {
  const merge: ReviewMerge = { new: 0, updated: 0, duplicatesSkipped: 0, set: {} };
  const shards = new Map<string, Record<string, unknown>>();
  const parsed = new Map<string, Map<string, KnownReview>>();
  for (const review of incoming) {
    const key = knownShardKey(review.id);
    let shard = shards.get(key);
    if (!shard) {
      const raw = current[key];
      shard = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? Object.fromEntries(Object.entries(raw)) : {};
      shards.set(key, shard);
      parsed.set(key, parseKnownShard(raw).reviews);
    }
    const stored = parsed.get(key)?.get(review.id);
    if (stored && sameReview(stored, review)) {
      merge.duplicatesSkipped++;
      continue;
    }
    const next = stored ? { ...review, addedAt: stored.addedAt || review.addedAt } : review;
    shard[review.id] = compactReview(next);
    parsed.get(key)?.set(review.id, next);
    if (stored) merge.updated++;
    else merge.new++;
  }
  for (const [key, shard] of shards) merge.set[key] = shard;
  if (merge.new + merge.updated === 0) merge.set = {};
  return merge;
}

/** Every readable review among storage items (the shards), and how many stored ones were unreadable. */
export function allReviews(items: Record<string, unknown>): { reviews: KnownReview[]; rejected: number } {
  const reviews: KnownReview[] = [];
  let rejected = 0;
  for (const key of KNOWN_SHARD_KEYS) {
    const shard = parseKnownShard(items[key]);
    reviews.push(...shard.reviews.values());
    rejected += shard.rejected;
  }
  return { reviews, rejected };
}
