/**
 * Matching a page's sentences against everything Factmark knows was checked: collected or
 * imported fact-checks, and the reader's own verdicts on other pages. Pure: the background
 * builds the index from storage and answers the content script with these matches.
 */
import type { PageRecord } from '../model/annotation';
import type { VerdictId } from '../model/verdicts';
import { textFragmentUrl } from '../export/claimreview';
import { VERDICT_LABELS } from '../export/library';
import { KnownClaimIndex, type KnownIndexData, type MatchableClaim } from './matcher';
import { RankCache } from './rank-cache';
import type { KnownReview } from './review';

/** A sentence of the page already fact-checked, as the card and the popup show it. */
export interface KnownMatch {
  /** The review's id, or `own:<page key>:<annotation id>` for the reader's own verdict. */
  id: string;
  /** The matched claim, as the fact-check words it. */
  claim: string;
  /** The rating as published. */
  rating: string;
  /** The mapped verdict; null when the rating is not in the table ("unrated"). */
  verdict: VerdictId | null;
  reviewer: string;
  url: string;
  /** The fact-check's date (published, else when the claim was made), YYYY-MM-DD or as given. */
  date: string;
  title?: string;
  /** Match probability in [0, 1]. */
  score: number;
  /** True for the reader's own verdict on another page. */
  own: boolean;
}

/** A known claim with where it comes from (the page it was read on, or the page of the reader's verdict). */
export interface KnownEntry {
  match: Omit<KnownMatch, 'score'>;
  /** Canonical key of the page it belongs to, so it is not matched on that page itself. */
  pageKey?: string;
}

/** Sentences of one page matched per request; the rest of a huge page's are not sent (nor matched). */
export const MAX_MATCH_QUERIES = 5_000;

/** How a request's matches are chosen and credited. */
export interface MatchOptions {
  /** Best matches kept per query (3 unless given). */
  limit?: number;
  /** Who the reader's own verdicts are credited to now (the reviewer name or organisation setting); the name given to ownVerdictEntries unless given. */
  ownReviewer?: string;
}

/** A sentence (or annotation) to match. */
export interface MatchQuery {
  id: string;
  text: string;
}

/** The entry of a collected or imported review. */
export function reviewEntry(review: KnownReview): KnownEntry {
  return {
    match: { id: review.id, claim: review.claim, rating: review.rating, verdict: review.verdict, reviewer: review.reviewer, url: review.url, date: review.datePublished ?? review.claimDate ?? '', own: false, ...(review.title ? { title: review.title } : {}) },
    ...(review.collectedFrom ? { pageKey: review.collectedFrom } : {}),
  };
}

/** The reader's verdicts (other than "not a claim") as entries, credited to `reviewer`. */
export function ownVerdictEntries(records: readonly PageRecord[], reviewer: string): KnownEntry[] {
  const entries: KnownEntry[] = [];
  for (const record of records) {
    for (const annotation of Object.values(record.annotations)) {
      if (!annotation.verdict || annotation.verdict === 'not-a-claim') continue;
      const claim = annotation.selector.quote.exact.replace(/\s+/g, ' ').trim();
      entries.push({
        match: { id: `own:${record.key}:${annotation.id}`, claim, rating: VERDICT_LABELS[annotation.verdict], verdict: annotation.verdict, reviewer, url: textFragmentUrl(record.url, claim), date: annotation.updatedAt.slice(0, 10), own: true, ...(record.title ? { title: record.title } : {}) },
        pageKey: record.key,
      });
    }
  }
  return entries;
}

/** What the index holds of each entry: the claim, and a fact-check's headline (not the title of the reader's page). */
export function matchableClaims(entries: readonly KnownEntry[]): MatchableClaim[] {
  return entries.map((entry) => ({ claim: entry.match.claim, ...(entry.match.title && !entry.match.own ? { title: entry.match.title } : {}) }));
}

/**
 * Resolves in a new task, after whatever else is queued: a message to ourselves, which (unlike
 * setTimeout from a timer) browsers do not delay by 4 ms after a few nested pauses.
 */
function nextTask(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      channel.port2.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** An index over known entries. */
export class KnownMatcher {
  private readonly index: KnownClaimIndex;
  /** True when the index came from `stored` (or another matcher) rather than being built. */
  readonly loaded: boolean;
  /** Rankings of recently matched sentences by this index. */
  private readonly rankings: RankCache;

  /**
   * Indexes the entries, or loads `stored`: an index saved by `indexData`, or the matcher of
   * earlier entries whose index (and rankings) it then shares, for the same claims and
   * headlines in the same order (which the caller checks with knownIndexFingerprint). One that
   * does not fit is rebuilt, never used.
   */
  constructor(private readonly entries: readonly KnownEntry[], stored?: KnownIndexData | KnownMatcher | null) {
    if (stored instanceof KnownMatcher && stored.size === entries.length) {
      this.index = stored.index;
      this.rankings = stored.rankings;
      this.loaded = true;
      return;
    }
    let index: KnownClaimIndex | null = null;
    const data = stored instanceof KnownMatcher ? null : stored;
    if (data) {
      try {
        index = new KnownClaimIndex({ data, size: entries.length });
      } catch {
        index = null;
      }
    }
    this.loaded = index !== null;
    this.index = index ?? new KnownClaimIndex(matchableClaims(entries));
    this.rankings = new RankCache();
  }

  /** The index's arrays, to store. */
  indexData(): KnownIndexData {
    return this.index.toData();
  }

  /** Approximate bytes held by the index's arrays. */
  indexBytes(): number {
    return this.index.bytes();
  }

  /** Known claims in the index. */
  get size(): number {
    return this.entries.length;
  }

  /**
   * The best few matches of each query at or above the threshold, leaving out entries that
   * belong to `pageKey` (a fact-check page does not flag its own claims) and repeats of the
   * same claim text. Queries without a match are left out of the result.
   */
  match(queries: readonly MatchQuery[], threshold: number, pageKey: string, options: MatchOptions = {}): Record<string, KnownMatch[]> {
    const out: Record<string, KnownMatch[]> = {};
    for (const query of queries) this.matchOne(query, threshold, pageKey, options, out);
    return out;
  }

  /**
   * `match` in slices of about `sliceMs` milliseconds, awaiting `pause` (by default the next task) between them, so that a
   * long page never holds the thread in one long task (other messages and tabs get their turn).
   */
  async matchInSlices(queries: readonly MatchQuery[], threshold: number, pageKey: string, options: MatchOptions & { sliceMs?: number; pause?: () => Promise<void> } = {}): Promise<Record<string, KnownMatch[]>> {
    const { sliceMs = 15, pause = nextTask } = options;
    const out: Record<string, KnownMatch[]> = {};
    let sliceStart = performance.now();
    for (const query of queries) {
      if (performance.now() - sliceStart > sliceMs) {
        await pause();
        sliceStart = performance.now();
      }
      this.matchOne(query, threshold, pageKey, options, out);
    }
    return out;
  }

  private matchOne(query: MatchQuery, threshold: number, pageKey: string, { limit = 3, ownReviewer }: MatchOptions, out: Record<string, KnownMatch[]>): void {
    const matches: KnownMatch[] = [];
    const claims = new Set<string>();
    for (const hit of this.rankings.get(query.text, (text) => this.index.rank(text, 10))) {
      if (hit.score < threshold || matches.length >= limit) break;
      const entry = this.entries[hit.index] as KnownEntry;
      const key = entry.match.claim.toLowerCase();
      if (entry.pageKey === pageKey || claims.has(key)) continue;
      claims.add(key);
      matches.push({ ...entry.match, ...(entry.match.own && ownReviewer !== undefined ? { reviewer: ownReviewer } : {}), score: Math.round(hit.score * 1000) / 1000 });
    }
    if (matches.length > 0) out[query.id] = matches;
  }
}
