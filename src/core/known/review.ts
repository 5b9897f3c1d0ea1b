/**
 * A known fact-check: one ClaimReview as collected from a page or imported, kept as published
 * (the rating text) with the verdict it maps to. Stored compactly under short keys in sharded
 * storage (see known-store.ts); `compactReview` / `expandReview` convert, and `parseStoredReview`
 * reads a stored one leniently.
 */
import { shortHash } from '../hash';
import { isHttpUrl } from '../model/records';
import { isVerdictId, type VerdictId } from '../model/verdicts';

/** Where a review came from. */
export type ReviewOrigin = 'page' | 'import';

/** One known fact-check. */
export interface KnownReview {
  /** Stable id: a hash of the fact-check URL and the claim. */
  id: string;
  /** The claim as the fact-checker quotes it (claimReviewed). */
  claim: string;
  /** The rating as published (reviewRating.alternateName, else its name); '' when none. */
  rating: string;
  /** The rating mapped to Factmark's verdicts; null when the label is not in the table. */
  verdict: VerdictId | null;
  /** Numeric rating and its scale, when published (and not -1, "no scale"). */
  ratingValue?: number;
  bestRating?: number;
  worstRating?: number;
  /** The fact-check article. */
  url: string;
  /** The fact-check's headline, when known. */
  title?: string;
  /** Who reviewed it (author name and URL). */
  reviewer: string;
  reviewerUrl?: string;
  /** When the review was published (as given, usually YYYY-MM-DD). */
  datePublished?: string;
  /** Who made the claim, when, and where it appeared (itemReviewed). */
  claimant?: string;
  claimDate?: string;
  appearances?: string[];
  origin: ReviewOrigin;
  /** The page it was collected from (its canonical key), for reviews read on pages. */
  collectedFrom?: string;
  /** When Factmark stored it. */
  addedAt: string;
}

/** The id of a review: the same fact-check of the same claim is one review, wherever it was read. */
export function reviewId(url: string, claim: string): string {
  return `r${shortHash(`${url}\u0000${claim.replace(/\s+/g, ' ').trim().toLowerCase()}`)}${shortHash(claim)}`;
}

/** The stored form: short keys, empty fields left out. */
export type CompactReview = Record<string, string | number | string[]>;

const FIELDS: ReadonlyArray<readonly [keyof KnownReview, string]> = [
  ['claim', 'c'], ['rating', 'r'], ['verdict', 'v'], ['ratingValue', 'n'], ['bestRating', 'nb'], ['worstRating', 'nw'], ['url', 'u'], ['title', 't'],
  ['reviewer', 'a'], ['reviewerUrl', 'au'], ['datePublished', 'd'], ['claimant', 'ca'], ['claimDate', 'cd'], ['appearances', 'ap'], ['origin', 'o'],
  ['collectedFrom', 'f'], ['addedAt', 'at'],
];

/** A review in its stored form (the id is the key it is stored under). */
export function compactReview(review: KnownReview): CompactReview {
  const out: CompactReview = {};
  for (const [field, key] of FIELDS) {
    const value = review[field];
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    out[key] = value as string | number | string[];
  }
  return out;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** A stored review read back; null when it lacks a claim or a usable fact-check URL. */
export function parseStoredReview(id: string, raw: unknown): KnownReview | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const value = raw as Record<string, unknown>;
  const claim = text(value.c);
  const url = text(value.u);
  if (!claim || !url || !isHttpUrl(url)) return null;
  const review: KnownReview = {
    id,
    claim,
    rating: text(value.r) ?? '',
    verdict: isVerdictId(value.v) ? value.v : null,
    url,
    reviewer: text(value.a) ?? '',
    origin: value.o === 'page' ? 'page' : 'import',
    addedAt: text(value.at) ?? '',
  };
  const optional: Array<[keyof KnownReview, unknown]> = [
    ['ratingValue', num(value.n)], ['bestRating', num(value.nb)], ['worstRating', num(value.nw)], ['title', text(value.t)], ['reviewerUrl', text(value.au)],
    ['datePublished', text(value.d)], ['claimant', text(value.ca)], ['claimDate', text(value.cd)], ['collectedFrom', text(value.f)],
  ];
  for (const [field, fieldValue] of optional) if (fieldValue !== undefined) (review as unknown as Record<string, unknown>)[field] = fieldValue;
  if (Array.isArray(value.ap)) {
    const appearances = value.ap.filter((item): item is string => typeof item === 'string' && isHttpUrl(item));
    if (appearances.length > 0) review.appearances = appearances;
  }
  return review;
}

/** True when two reviews say the same (ignoring when and how they were stored). */
export function sameReview(a: KnownReview, b: KnownReview): boolean {
  const strip = (review: KnownReview) => JSON.stringify(compactReview({ ...review, addedAt: '', origin: 'import', collectedFrom: undefined }));
  return strip(a) === strip(b);
}
