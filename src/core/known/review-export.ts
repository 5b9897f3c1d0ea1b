/**
 * Collected fact-checks in the library's exports: as schema.org ClaimReview items, written as
 * they were published (their own URL, author, rating and dates), so an import gives back the
 * same reviews. The W3C export carries them under `factmark:knownClaims`.
 */
import type { KnownReview } from './review';

/** A collected review as a ClaimReview JSON-LD item. */
export interface PublishedClaimReview {
  '@context': 'https://schema.org';
  '@type': 'ClaimReview';
  url: string;
  claimReviewed: string;
  name?: string;
  datePublished?: string;
  author?: { '@type': 'Organization'; name?: string; url?: string };
  reviewRating?: { '@type': 'Rating'; alternateName?: string; ratingValue?: number; bestRating?: number; worstRating?: number };
  itemReviewed?: { '@type': 'Claim'; author?: { '@type': 'Person'; name: string }; datePublished?: string; appearance?: Array<{ '@type': 'CreativeWork'; url: string }> };
}

/** One review as a ClaimReview item. */
export function toPublishedClaimReview(review: KnownReview): PublishedClaimReview {
  const item: PublishedClaimReview = { '@context': 'https://schema.org', '@type': 'ClaimReview', url: review.url, claimReviewed: review.claim };
  if (review.title) item.name = review.title;
  if (review.datePublished) item.datePublished = review.datePublished;
  if (review.reviewer || review.reviewerUrl) item.author = { '@type': 'Organization', ...(review.reviewer ? { name: review.reviewer } : {}), ...(review.reviewerUrl ? { url: review.reviewerUrl } : {}) };
  if (review.rating || review.ratingValue !== undefined) {
    item.reviewRating = {
      '@type': 'Rating',
      ...(review.rating ? { alternateName: review.rating } : {}),
      ...(review.ratingValue !== undefined ? { ratingValue: review.ratingValue } : {}),
      ...(review.bestRating !== undefined ? { bestRating: review.bestRating } : {}),
      ...(review.worstRating !== undefined ? { worstRating: review.worstRating } : {}),
    };
  }
  if (review.claimant || review.claimDate || review.appearances?.length) {
    item.itemReviewed = {
      '@type': 'Claim',
      ...(review.claimant ? { author: { '@type': 'Person' as const, name: review.claimant } } : {}),
      ...(review.claimDate ? { datePublished: review.claimDate } : {}),
      ...(review.appearances?.length ? { appearance: review.appearances.map((url) => ({ '@type': 'CreativeWork' as const, url })) } : {}),
    };
  }
  return item;
}

/** Reviews in a fixed order (by URL, then claim), so exports are reproducible. */
export function sortedReviews(reviews: readonly KnownReview[]): KnownReview[] {
  return [...reviews].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : a.claim < b.claim ? -1 : a.claim > b.claim ? 1 : 0));
}
