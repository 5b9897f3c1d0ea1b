/**
 * schema.org ClaimReview JSON-LD, one item per reviewed claim (a verdict other than
 * `not-a-claim`), shaped for Google's Fact Check tools. Factmark reviews claims on other
 * people's pages and has no fact-check article of its own, so `url` points at the claim itself
 * (the page with a text fragment); a publisher should replace it with the URL of their article.
 */

import type { Annotation, PageRecord } from '../model/annotation';
import { scriptSafeJson } from './script-safe-json';
import { claimsOf, SCORE_RANGE, VERDICT_LABELS, VERDICT_SCORES, type Creator, type ExportOptions } from './library';

/** How Factmark fills one ClaimReview field: always, when the data has it, or never (with the reason). */
export type FieldAvailability = 'always' | 'when-known' | 'never';

/** One field Google documents for ClaimReview markup. */
export interface ClaimReviewField {
  /** Dotted path in an exported item. */
  path: string;
  level: 'required' | 'recommended';
  availability: FieldAvailability;
  note: string;
}

/**
 * The fields Google's fact-check (ClaimReview) structured-data documentation marks required or
 * recommended, and how this export fills each one. Google lists `author` as recommended;
 * Fact Check Explorer attributes reviews by it, so it is filled whenever a name is set.
 */
export const CLAIMREVIEW_FIELDS: readonly ClaimReviewField[] = [
  { path: 'claimReviewed', level: 'required', availability: 'always', note: 'The quoted claim text.' },
  { path: 'reviewRating', level: 'required', availability: 'always', note: 'A Rating.' },
  { path: 'reviewRating.alternateName', level: 'required', availability: 'always', note: "The verdict's English name; the only rating Google shows." },
  { path: 'url', level: 'required', availability: 'always', note: 'The page with a #:~:text= fragment at the claim; replace with your fact-check article when publishing.' },
  { path: 'author', level: 'recommended', availability: 'when-known', note: 'Organization (organisation setting; the reviewer as its employee), else Person (reviewer name).' },
  { path: 'datePublished', level: 'recommended', availability: 'when-known', note: "Date of the annotation's last edit." },
  { path: 'itemReviewed', level: 'recommended', availability: 'always', note: 'A Claim.' },
  { path: 'itemReviewed.appearance', level: 'recommended', availability: 'always', note: 'The annotated page as a CreativeWork (url, headline).' },
  { path: 'itemReviewed.firstAppearance', level: 'recommended', availability: 'never', note: 'Unknown; Google asks for appearance or firstAppearance, and appearance is given.' },
  { path: 'itemReviewed.author', level: 'recommended', availability: 'never', note: 'Who made the claim is not recorded (the page publisher often only reports it).' },
  { path: 'itemReviewed.datePublished', level: 'recommended', availability: 'never', note: 'When the claim was made is not recorded.' },
  { path: 'reviewRating.ratingValue', level: 'recommended', availability: 'when-known', note: 'true 5, mostly-true 4, mixed 3, mostly-false 2, misleading 2, false 1; none for unverifiable.' },
  { path: 'reviewRating.bestRating', level: 'recommended', availability: 'always', note: '5.' },
  { path: 'reviewRating.worstRating', level: 'recommended', availability: 'always', note: '1.' },
  { path: 'reviewRating.name', level: 'recommended', availability: 'always', note: 'Same as alternateName.' },
];

type Agent = { '@type': 'Person'; name: string } | { '@type': 'Organization'; name: string; employee?: { '@type': 'Person'; name: string } };

/** One exported ClaimReview. */
export interface ClaimReview {
  '@context': 'https://schema.org';
  '@type': 'ClaimReview';
  url: string;
  claimReviewed: string;
  reviewRating: { '@type': 'Rating'; alternateName: string; name: string; ratingValue?: number; bestRating: number; worstRating: number };
  itemReviewed: { '@type': 'Claim'; appearance: Array<{ '@type': 'CreativeWork'; url: string; headline?: string }> };
  author?: Agent;
  datePublished?: string;
  reviewBody?: string;
  citation?: Array<{ '@type': 'CreativeWork'; url: string; name?: string; publisher?: { '@type': 'Organization'; name: string } }>;
}

/** The organisation as author (the fact-check publisher Google asks for), else the reviewer. */
function authorOf(creator: Creator): Agent | undefined {
  const name = creator.name.trim();
  const organisation = creator.organisation.trim();
  if (organisation) return { '@type': 'Organization', name: organisation, ...(name ? { employee: { '@type': 'Person' as const, name } } : {}) };
  return name ? { '@type': 'Person', name } : undefined;
}

/** Percent-encoding for a text directive: also `-`, `,` and `&`, which have meaning there. */
const encodeDirective = (text: string): string => encodeURIComponent(text).replace(/-/g, '%2D');

/** The page URL with a text fragment selecting the claim (start and end words when it is long). */
export function textFragmentUrl(pageUrl: string, exact: string): string {
  const words = exact.trim().split(/\s+/).filter((w) => w !== '');
  const directive = words.length <= 8 ? encodeDirective(words.join(' ')) : `${encodeDirective(words.slice(0, 4).join(' '))},${encodeDirective(words.slice(-4).join(' '))}`;
  return `${pageUrl.replace(/#.*$/s, '')}#:~:text=${directive}`;
}

/** The calendar date of an ISO timestamp, or undefined when it is not one. */
function dateOf(iso: string): string | undefined {
  return /^\d{4}-\d\d-\d\d/.test(iso) && Number.isFinite(Date.parse(iso)) ? iso.slice(0, 10) : undefined;
}

/** One reviewed claim as a ClaimReview; null for claims without a verdict or marked not-a-claim. */
export function toClaimReview(page: PageRecord, annotation: Annotation, creator: Creator): ClaimReview | null {
  const verdict = annotation.verdict;
  if (!verdict || verdict === 'not-a-claim') return null;
  const claim = annotation.selector.quote.exact.replace(/\s+/g, ' ').trim();
  const score = VERDICT_SCORES[verdict];
  const author = authorOf(creator);
  const date = dateOf(annotation.updatedAt);
  const review: ClaimReview = {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: textFragmentUrl(page.url, claim),
    claimReviewed: claim,
    reviewRating: {
      '@type': 'Rating',
      alternateName: VERDICT_LABELS[verdict],
      name: VERDICT_LABELS[verdict],
      ...(score !== null ? { ratingValue: score } : {}),
      bestRating: SCORE_RANGE.best,
      worstRating: SCORE_RANGE.worst,
    },
    itemReviewed: { '@type': 'Claim', appearance: [{ '@type': 'CreativeWork', url: page.url, ...(page.title ? { headline: page.title } : {}) }] },
  };
  if (author) review.author = author;
  if (date) review.datePublished = date;
  if (annotation.note.trim()) review.reviewBody = annotation.note;
  if (annotation.sources.length > 0) {
    review.citation = annotation.sources.map((s) => ({
      '@type': 'CreativeWork' as const,
      url: s.url,
      ...(s.title ? { name: s.title } : {}),
      ...(s.publisher ? { publisher: { '@type': 'Organization' as const, name: s.publisher } } : {}),
    }));
  }
  return review;
}

/** Every reviewed claim of the library as a ClaimReview. */
export function toClaimReviews(library: readonly PageRecord[], options: ExportOptions): ClaimReview[] {
  return claimsOf(library)
    .map(({ page, annotation }) => toClaimReview(page, annotation, options.creator))
    .filter((review): review is ClaimReview => review !== null);
}

/** The ClaimReview export as a JSON file's text: an array of ClaimReview items, safe to paste into a script block. */
export function exportClaimReview(library: readonly PageRecord[], options: ExportOptions): string {
  return `${scriptSafeJson(toClaimReviews(library, options), 2)}\n`;
}

/** Required or recommended fields (paths) that an item lacks. */
export function missingClaimReviewFields(review: ClaimReview, level: ClaimReviewField['level'] = 'required'): string[] {
  return CLAIMREVIEW_FIELDS.filter((field) => field.level === level && field.availability !== 'never' && valueAt(review, field.path) === undefined).map((field) => field.path);
}

/** The value at a dotted path (through the first element of arrays), or undefined. */
export function valueAt(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const part of path.split('.')) {
    if (Array.isArray(current)) current = current[0];
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, part)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}
