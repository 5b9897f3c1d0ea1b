/**
 * The ClaimReviews a page publishes: every `<script type="application/ld+json">` block and every
 * microdata item, read by claimreview-read.ts. A block that is not valid JSON is reported and
 * the others still read.
 */
import { readClaimReviews, type ReviewReading } from './claimreview-read';
import { microdataItems } from './microdata';

/** Caps against pages that publish absurd amounts of JSON-LD. */
const MAX_BLOCKS = 100;
const MAX_BLOCK_CHARS = 2_000_000;

/** A cheap test before reading: does the page mention ClaimReview at all? */
export function mentionsClaimReview(doc: Document): boolean {
  if (doc.querySelector('[itemtype*="ClaimReview" i]')) return true;
  for (const script of doc.querySelectorAll('script[type="application/ld+json" i]')) if ((script.textContent ?? '').includes('ClaimReview')) return true;
  return false;
}

/** What reading a page found, with the JSON-LD blocks that could not be parsed counted apart. */
export interface PageReviewReading extends ReviewReading {
  badBlocks: number;
}

/** Reads the page's ClaimReviews. */
export function readPageReviews(doc: Document, pageUrl: string, pageKey: string, now: string): PageReviewReading {
  const values: unknown[] = [];
  let badBlocks = 0;
  const blocks = [...doc.querySelectorAll('script[type="application/ld+json" i]')].slice(0, MAX_BLOCKS);
  for (const script of blocks) {
    const text = script.textContent ?? '';
    if (!text.includes('ClaimReview') || text.length > MAX_BLOCK_CHARS) continue;
    try {
      values.push(JSON.parse(text, (key, value: unknown) => (key === '__proto__' ? undefined : value)));
    } catch {
      badBlocks++;
    }
  }
  values.push(...microdataItems(doc).filter((item) => JSON.stringify(item['@type'] ?? '').includes('ClaimReview')));
  const reading = readClaimReviews(values, { origin: 'page', pageUrl, pageKey, now });
  return { ...reading, badBlocks };
}
