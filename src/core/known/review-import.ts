/**
 * Reading fact-checks from a file for the library's bulk import: a JSON-LD document or array of
 * ClaimReview items, a schema.org DataFeed of them, a Factmark W3C export's `factmark:knownClaims`,
 * or JSON Lines of `{claim, rating, url, ...}` (one fact-check per line, as CheckThat!'s
 * PolitiFact file). Pure: the caller reads the file and stores the result.
 */
import { isHttpUrl } from '../model/records';
import { findClaimReviews, readClaimReviews, type ReviewIssue, type ReviewReading } from './claimreview-read';
import { reviewId, type KnownReview } from './review';
import { verdictForRating } from './verdict-map';

/** Fact-checks in one file at most (a file of more is refused as a whole). */
export const MAX_IMPORTED_REVIEWS = 100_000;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** An ISO date from text such as "stated on October 22, 2019 in a speech", or the text's ISO date; '' when none. */
export function dateIn(text: string): string {
  const iso = /\b(\d{4}-\d\d-\d\d)\b/.exec(text);
  if (iso?.[1]) return iso[1];
  const written = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2}),\s*(\d{4})\b/i.exec(text);
  if (!written) return '';
  const month = MONTHS.indexOf((written[1] as string).toLowerCase()) + 1;
  return `${written[3]}-${String(month).padStart(2, '0')}-${String(written[2]).padStart(2, '0')}`;
}

/** The reviewer a bare URL names: its host without "www.". */
export function siteName(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

function str(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : typeof value === 'number' ? String(value) : '';
}

/** One JSON Lines record as a review, or the reason it cannot be used. */
export function reviewFromLine(record: Record<string, unknown>, now: string): KnownReview | string {
  const claim = str(record.claim ?? record.claimReviewed);
  const url = str(record.url);
  if (!claim) return 'no "claim"';
  if (claim.length > 2_000) return 'the claim is longer than 2000 characters';
  if (!isHttpUrl(url)) return url ? `"url" is not a web address (${url.slice(0, 60)})` : 'no "url" of the fact-check';
  const rating = str(record.rating ?? record.verdict ?? record.alternateName);
  const reviewer = str(record.reviewer ?? record.author ?? record.publisher) || siteName(url);
  const review: KnownReview = { id: reviewId(url, claim), claim, rating, verdict: rating ? verdictForRating(rating) : null, url, reviewer, origin: 'import', addedAt: now };
  const title = str(record.title ?? record.headline);
  if (title) review.title = title.slice(0, 500);
  const claimant = str(record.speaker ?? record.claimant);
  if (claimant) review.claimant = claimant.slice(0, 500);
  const claimDate = dateIn(str(record.claimDate ?? record.date));
  if (claimDate) review.claimDate = claimDate;
  const published = dateIn(str(record.datePublished));
  if (published) review.datePublished = published;
  return review;
}

/** JSON Lines: every non-empty line a JSON object. Null when the text is not that. */
function jsonLines(text: string): unknown[] | null {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length < 1 || !lines[0]?.trim().startsWith('{')) return null;
  const records: unknown[] = [];
  for (const line of lines) {
    try {
      records.push(JSON.parse(line, (key, value: unknown) => (key === '__proto__' ? undefined : value)));
    } catch {
      records.push(undefined);
    }
  }
  // Mostly unparseable lines: not JSON Lines but broken JSON.
  return records.filter((r) => r !== undefined).length * 2 >= records.length ? records : null;
}

/** Reads JSON Lines fact-checks. */
export function readReviewLines(records: readonly unknown[], now: string): ReviewReading {
  const reading: ReviewReading = { reviews: [], skipped: [], notes: [] };
  const ids = new Set<string>();
  records.forEach((record, i) => {
    const issue = (reason: string): ReviewIssue => ({ review: i + 1, reason });
    if (typeof record !== 'object' || record === null || Array.isArray(record)) return void reading.skipped.push(issue('not a JSON object'));
    const result = reviewFromLine(record as Record<string, unknown>, now);
    if (typeof result === 'string') reading.skipped.push(issue(result));
    else if (!ids.has(result.id)) {
      ids.add(result.id);
      reading.reviews.push(result);
    }
  });
  return reading;
}

/** What a file holds: fact-checks (and how they were written), or nothing of the kind. */
export type ReviewFile = { kind: 'reviews'; format: 'claimreview' | 'datafeed' | 'jsonl'; reading: ReviewReading; total: number } | { kind: 'none' };

/** Reads the fact-checks of a file's text (already parsed JSON when the caller has it); `none` when it has none. */
export function readReviewFile(text: string, json: unknown, now: string): ReviewFile {
  if (json === undefined) {
    const records = jsonLines(text);
    if (!records) return { kind: 'none' };
    if (records.length > MAX_IMPORTED_REVIEWS) throw new Error(`The file has more than ${MAX_IMPORTED_REVIEWS.toLocaleString('en')} fact-checks; split it into smaller files.`);
    const reading = readReviewLines(records, now);
    return reading.reviews.length === 0 && !records.some((r) => typeof r === 'object' && r !== null && 'claim' in r) ? { kind: 'none' } : { kind: 'reviews', format: 'jsonl', reading, total: records.length };
  }
  const root = typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : null;
  const source = root && root['factmark:knownClaims'] !== undefined ? root['factmark:knownClaims'] : json;
  const nodes = findClaimReviews(source);
  if (nodes.length === 0) return { kind: 'none' };
  if (nodes.length > MAX_IMPORTED_REVIEWS) throw new Error(`The file has more than ${MAX_IMPORTED_REVIEWS.toLocaleString('en')} fact-checks; split it into smaller files.`);
  const isFeed = root !== null && JSON.stringify(root['@type'] ?? root.type ?? '').includes('DataFeed');
  return { kind: 'reviews', format: isFeed ? 'datafeed' : 'claimreview', reading: readClaimReviews([source], { origin: 'import', now }), total: nodes.length };
}
