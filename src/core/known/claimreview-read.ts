/**
 * Reads schema.org ClaimReview as publishers write it, which is often messily: JSON-LD objects,
 * arrays, `@graph`s, reviews nested in an article's `review` or `mainEntity`, DataFeeds, and
 * microdata turned into the same shape (microdata.ts). Ratings come as objects or lists, with
 * -1 for "no scale" and numbers as strings; `appearance` may be a bare URL; authors may be
 * strings. What can be read is kept; each review that cannot be used, and each part left out,
 * is reported in words.
 */
import { isHttpUrl } from '../model/records';
import { reviewId, type KnownReview, type ReviewOrigin } from './review';
import { verdictForRating } from './verdict-map';

/** A problem with one review: which one (from 1, in document order) and what. */
export interface ReviewIssue {
  review: number;
  reason: string;
}

/** What reading found. */
export interface ReviewReading {
  reviews: KnownReview[];
  /** Reviews that could not be used. */
  skipped: ReviewIssue[];
  /** Parts of used reviews that were left out. */
  notes: ReviewIssue[];
}

/** Where the reviews are read: the page (its URL and canonical key) or an imported file. */
export interface ReadContext {
  origin: ReviewOrigin;
  /** The page's URL: a review without its own `url` is the page's. */
  pageUrl?: string;
  pageKey?: string;
  now: string;
}

type Loose = Record<string, unknown>;

const MAX_CLAIM = 2_000;
const MAX_TEXT = 500;
const MAX_DEPTH = 12;

function isObject(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function many(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** The schema.org type names of a node, without prefixes ("schema:ClaimReview", "https://schema.org/ClaimReview"). */
export function typesOf(node: Loose): string[] {
  return many(node['@type'] ?? node.type)
    .filter((type): type is string => typeof type === 'string')
    .map((type) => type.replace(/^.*[/#:]/, ''));
}

/** A property by its plain name or a prefixed one ("schema:claimReviewed"). */
function prop(node: Loose, name: string): unknown {
  if (node[name] !== undefined) return node[name];
  for (const key of Object.keys(node)) if (key.endsWith(`:${name}`) || key.endsWith(`/${name}`)) return node[key];
  return undefined;
}

/** Plain text of a value: a string, a number, a JSON-LD value object, or the first of a list. */
function textOf(value: unknown): string {
  for (const item of many(value)) {
    if (typeof item === 'string' && item.trim() !== '') return item.replace(/\s+/g, ' ').trim();
    if (typeof item === 'number' && Number.isFinite(item)) return String(item);
    if (isObject(item) && item['@value'] !== undefined) return textOf(item['@value']);
  }
  return '';
}

function capped(text: string, max = MAX_TEXT): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A number, or a number written as a string; -1 ("no scale") and anything else give undefined. */
function ratingNumber(value: unknown): number | undefined {
  const text = textOf(value);
  if (text === '') return undefined;
  const number = Number(text);
  return Number.isFinite(number) && number !== -1 ? number : undefined;
}

/** The name and URL of an author, organisation or person, given as an object, a list or a bare name. */
function agentOf(value: unknown): { name: string; url?: string } | null {
  for (const item of many(value)) {
    if (typeof item === 'string' && item.trim()) return isHttpUrl(item.trim()) ? { name: '', url: item.trim() } : { name: capped(item.trim()) };
    if (!isObject(item)) continue;
    const name = textOf(prop(item, 'name')) || textOf(prop(item, 'alternateName'));
    const url = textOf(prop(item, 'url')) || textOf(item['@id']);
    if (name || isHttpUrl(url)) return { name: capped(name), ...(isHttpUrl(url) ? { url } : {}) };
  }
  return null;
}

/** A date as given, or its calendar day when it is an ISO date-time. */
function dateOf(value: unknown): string {
  const text = textOf(value);
  return /^\d{4}-\d\d-\d\d/.test(text) ? text.slice(0, 10) : capped(text, 60);
}

/** Every node typed ClaimReview in a JSON-LD value, in document order, looking through graphs, lists, feeds and nesting. */
export function findClaimReviews(data: unknown): Loose[] {
  const found: Loose[] = [];
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number): void => {
    if (depth > MAX_DEPTH || value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    const node = value as Loose;
    if (typesOf(node).includes('ClaimReview')) {
      found.push(node);
      return;
    }
    for (const child of Object.values(node)) visit(child, depth + 1);
  };
  visit(data, 0);
  return found;
}

/** The rating: as published (alternateName, else name) and its numbers; the first usable of a list. */
function ratingOf(value: unknown): { label: string; value?: number; best?: number; worst?: number } | null {
  let numeric: { label: string; value?: number; best?: number; worst?: number } | null = null;
  for (const item of many(value)) {
    if (typeof item === 'string' && item.trim()) return { label: capped(item.trim(), 200) };
    if (!isObject(item)) continue;
    const label = textOf(prop(item, 'alternateName')) || textOf(prop(item, 'name'));
    const rating = { label: capped(label, 200), value: ratingNumber(prop(item, 'ratingValue')), best: ratingNumber(prop(item, 'bestRating')), worst: ratingNumber(prop(item, 'worstRating')) };
    if (label) return rating;
    numeric ??= rating;
  }
  return numeric;
}

/** Where the claim appeared: URLs of `appearance` and `firstAppearance`, objects or bare strings. */
function appearancesOf(item: Loose): string[] {
  const urls: string[] = [];
  for (const value of [...many(prop(item, 'firstAppearance')), ...many(prop(item, 'appearance'))]) {
    const url = typeof value === 'string' ? value.trim() : isObject(value) ? textOf(prop(value, 'url')) || textOf(value['@id']) : '';
    if (isHttpUrl(url) && !urls.includes(url)) urls.push(url);
  }
  return urls.slice(0, 20);
}

/** One ClaimReview node as a known review, or the reason it cannot be used. */
export function readClaimReview(node: Loose, context: ReadContext, note: (reason: string) => void): KnownReview | string {
  const item = many(prop(node, 'itemReviewed')).find(isObject) ?? null;
  let claim = textOf(prop(node, 'claimReviewed'));
  if (!claim && item) claim = textOf(prop(item, 'name')) || textOf(prop(item, 'text'));
  if (!claim) return 'no claimReviewed: the claim it reviews is not given';
  if (claim.length > MAX_CLAIM) return `claimReviewed is longer than ${MAX_CLAIM} characters`;
  const ownUrl = textOf(prop(node, 'url')) || textOf(node['@id']);
  const url = isHttpUrl(ownUrl) ? ownUrl : context.pageUrl && isHttpUrl(context.pageUrl) ? context.pageUrl : '';
  if (!url) return ownUrl ? `its url is not a web address (${capped(ownUrl, 60)})` : 'no url: the fact-check it comes from is not given';
  if (ownUrl && !isHttpUrl(ownUrl)) note(`its url "${capped(ownUrl, 60)}" is not a web address; the page's address was used`);
  const rating = ratingOf(prop(node, 'reviewRating'));
  if (!rating) note('no reviewRating: kept without a rating');
  else if (!rating.label) note('reviewRating has no alternateName or name: kept without a verdict');
  const author = agentOf(prop(node, 'author')) ?? agentOf(prop(node, 'publisher'));
  if (!author) note('no author: the reviewer is not named');
  const review: KnownReview = {
    id: reviewId(url, claim),
    claim,
    rating: rating?.label ?? '',
    verdict: rating?.label ? verdictForRating(rating.label) : null,
    url,
    reviewer: author?.name ?? '',
    origin: context.origin,
    addedAt: context.now,
  };
  if (rating?.value !== undefined) review.ratingValue = rating.value;
  if (rating?.best !== undefined) review.bestRating = rating.best;
  if (rating?.worst !== undefined) review.worstRating = rating.worst;
  if (author?.url) review.reviewerUrl = author.url;
  const title = textOf(prop(node, 'headline')) || textOf(prop(node, 'name'));
  if (title && title !== claim) review.title = capped(title);
  const date = dateOf(prop(node, 'datePublished'));
  if (date) review.datePublished = date;
  if (item) {
    const claimant = agentOf(prop(item, 'author'));
    if (claimant?.name) review.claimant = claimant.name;
    const claimDate = dateOf(prop(item, 'datePublished'));
    if (claimDate) review.claimDate = claimDate;
    const appearances = appearancesOf(item);
    if (appearances.length > 0) review.appearances = appearances;
  }
  if (context.pageKey) review.collectedFrom = context.pageKey;
  return review;
}

/** Reads every ClaimReview in JSON-LD values (each a parsed script or a microdata item). */
export function readClaimReviews(values: readonly unknown[], context: ReadContext): ReviewReading {
  const reading: ReviewReading = { reviews: [], skipped: [], notes: [] };
  const ids = new Set<string>();
  let number = 0;
  for (const value of values) {
    for (const node of findClaimReviews(value)) {
      const review = ++number;
      const result = readClaimReview(node, context, (reason) => reading.notes.push({ review, reason }));
      if (typeof result === 'string') reading.skipped.push({ review, reason: result });
      else if (!ids.has(result.id)) {
        ids.add(result.id);
        reading.reviews.push(result);
      }
    }
  }
  return reading;
}
