/**
 * Known fact-checks in the background: storing the reviews content scripts read on pages, and
 * matching pages' sentences against them and against the reader's own verdicts. Matching runs
 * here, not in each tab: one index (rebuilt when the claims in the stored reviews or verdicts
 * change, and kept in IndexedDB so a restarted worker loads it instead) serves every tab, pages
 * keep their main thread, and only the few sentences that match travel back.
 */
import { knownIndexFingerprint } from '../core/known/index-fingerprint';
import { KnownMatcher, matchableClaims, MAX_MATCH_QUERIES, ownVerdictEntries, reviewEntry, type KnownEntry, type KnownMatch, type MatchQuery } from '../core/known/known-matches';
import { allReviews, KNOWN_KEY_PREFIX, KNOWN_SHARD_KEYS, knownShardKey, mergeReviews } from '../core/known/known-store';
import { compactReview, parseStoredReview, reviewId, type KnownReview } from '../core/known/review';
import type { PageRecord } from '../core/model/annotation';
import { PAGE_KEY_PREFIX, pageStorageKey, parsePageRecord } from '../core/model/records';
import type { Settings } from '../core/model/settings';
import { parseShard, SHARD_KEYS } from '../core/model/summaries';
import { localStorage } from '../platform/browser';
import { clearStoredIndex, loadStoredIndex, storeIndex } from './index-cache';
import { ensureMigrated, queue } from './ready';
import { getSettings } from './store';

/** A result being made or made, kept until forgotten; a failure is forgotten at once, so the next call tries again. */
class Kept<T> {
  private current: Promise<T> | null = null;

  /** The kept result, else `make()`'s, then kept. */
  get(make: () => Promise<T>): Promise<T> {
    if (this.current) return this.current;
    const making = make();
    this.current = making;
    making.catch(() => {
      if (this.current === making) this.current = null;
    });
    return making;
  }

  /** Drops the kept result: what it was made from changed. */
  forget(): void {
    this.current = null;
  }
}

/** The matcher over every known claim, forgotten when what it was built from changes. */
const matcher = new Kept<KnownMatcher>();
/** The stored fact-checks as entries, kept while they do not change (the reader's verdicts change far more often). */
const reviewEntries = new Kept<KnownEntry[]>();
/** The last matcher built and the fingerprint of its claims: rebuilt entries with the same claims keep its index. */
let lastBuilt: { fingerprint: string; matcher: KnownMatcher } | null = null;

// Registered at the top level: a stored change of reviews or verdicts makes the matcher stale.
// (Settings are read on every request: the threshold and the reader's name apply as they are now.)
localStorage.onChanged((keys) => {
  const reviews = keys.some((key) => key.startsWith(KNOWN_KEY_PREFIX));
  if (reviews) reviewEntries.forget();
  if (reviews || keys.some((key) => key.startsWith(PAGE_KEY_PREFIX))) matcher.forget();
});

/** Who the reader's own verdicts are credited to: the organisation, else the reviewer name, else "You". */
function readerCredit(settings: Settings): string {
  return settings.organisation.trim() || settings.reviewerName.trim() || 'You';
}

/** The stored fact-checks' entries, read once until they change. */
function storedReviewEntries(): Promise<KnownEntry[]> {
  return reviewEntries.get(async () => {
    const { reviews, rejected } = allReviews(await localStorage.get([...KNOWN_SHARD_KEYS]));
    if (rejected > 0) console.warn(`Factmark: skipped ${rejected} unreadable stored fact-check(s).`);
    return reviews.map(reviewEntry);
  });
}

/** The reader's pages that have a verdict, read from their records (the summaries say which). */
async function pagesWithVerdicts(): Promise<PageRecord[]> {
  const shards = await localStorage.get([...SHARD_KEYS]);
  const keys: string[] = [];
  for (const shardKey of SHARD_KEYS) {
    for (const [key, summary] of parseShard(shards[shardKey]).summaries) {
      if (Object.entries(summary.counts).some(([state, count]) => state !== 'unreviewed' && state !== 'not-a-claim' && (count ?? 0) > 0)) keys.push(key);
    }
  }
  const records: PageRecord[] = [];
  for (let i = 0; i < keys.length; i += 500) {
    const items = await localStorage.get(keys.slice(i, i + 500).map(pageStorageKey));
    for (const raw of Object.values(items)) {
      const parsed = parsePageRecord(raw);
      if (parsed) records.push(parsed.record);
    }
  }
  return records;
}

async function buildMatcher(reading: Promise<Settings>): Promise<KnownMatcher> {
  await ensureMigrated();
  const [reviews, records, settings] = await Promise.all([storedReviewEntries(), pagesWithVerdicts(), reading]);
  const entries = [...reviews, ...ownVerdictEntries(records, readerCredit(settings))];
  if (entries.length === 0) {
    lastBuilt = null;
    void clearStoredIndex().catch(() => undefined);
    return new KnownMatcher(entries);
  }
  const fingerprint = knownIndexFingerprint(matchableClaims(entries));
  // A verdict or note changed, not the claims: the index (and the rankings it gave) still fit.
  if (lastBuilt?.fingerprint === fingerprint) return new KnownMatcher(entries, lastBuilt.matcher);
  lastBuilt = null; // not kept alive while another index is loaded or built
  // A background that was stopped loads the index it built before, if the claims are the same.
  const stored = await loadStoredIndex(fingerprint).catch((error: unknown) => {
    console.warn('Factmark: the stored known-claim index could not be read; rebuilding it.', error);
    return null;
  });
  const built = new KnownMatcher(entries, stored);
  lastBuilt = { fingerprint, matcher: built };
  if (!built.loaded) void storeIndex(fingerprint, built.indexData()).catch((error: unknown) => console.warn('Factmark: the known-claim index could not be stored; it will be rebuilt after a restart.', error));
  return built;
}

/** The current matcher, built when missing or stale (with the settings being read, for the reader's name). */
function currentMatcher(reading: Promise<Settings>): Promise<KnownMatcher> {
  return matcher.get(() => buildMatcher(reading));
}

/** Matches of a page's sentences and annotations, at the reader's threshold. */
export async function matchKnown(pageKey: string, queries: readonly MatchQuery[]): Promise<Record<string, KnownMatch[]>> {
  // One settings read serves both the threshold and, when the index is rebuilt, the reader's name.
  const reading = getSettings();
  const [index, settings] = await Promise.all([currentMatcher(reading), reading]);
  if (index.size === 0) return {};
  return index.matchInSlices(queries.slice(0, MAX_MATCH_QUERIES), settings.knownThreshold, pageKey, { ownReviewer: readerCredit(settings) });
}

/** Stores reviews read on a page, merged by id, in the write queue. */
export async function collectReviews(reviews: readonly KnownReview[]): Promise<{ new: number; updated: number; duplicatesSkipped: number }> {
  await ensureMigrated();
  // Read from a page by a content script: checked again here, through the stored form, ids recomputed.
  const checked = reviews.slice(0, 500).flatMap((review) => {
    const parsed = typeof review === 'object' && review !== null ? parseStoredReview('x', compactReview(review)) : null;
    return parsed && parsed.claim.length <= 2_000 ? [{ ...parsed, id: reviewId(parsed.url, parsed.claim), origin: 'page' as const }] : [];
  });
  if (checked.length === 0) return { new: 0, updated: 0, duplicatesSkipped: 0 };
  return queue.run(async () => {
    const keys = [...new Set(checked.map((review) => knownShardKey(review.id)))];
    const merge = mergeReviews(await localStorage.get(keys), checked);
    if (Object.keys(merge.set).length > 0) await localStorage.set(merge.set);
    return { new: merge.new, updated: merge.updated, duplicatesSkipped: merge.duplicatesSkipped };
  });
}

/** How many fact-checks are stored. */
export async function countReviews(): Promise<{ reviews: number }> {
  await ensureMigrated();
  return { reviews: allReviews(await localStorage.get([...KNOWN_SHARD_KEYS])).reviews.length };
}

/** Removes every stored fact-check. */
export async function clearReviews(): Promise<{ removed: number }> {
  await ensureMigrated();
  return queue.run(async () => {
    const { reviews } = allReviews(await localStorage.get([...KNOWN_SHARD_KEYS]));
    await localStorage.remove([...KNOWN_SHARD_KEYS]);
    return { removed: reviews.length };
  });
}
