/** Adopting a known fact-check for a claim on this page: its verdict, and the fact-check as a source. */
import type { Annotation, AnnotationEdit, Source } from '../model/annotation';
import { VERDICT_LABELS } from '../export/library';
import type { KnownMatch } from './known-matches';

/** The fact-check as a source of the claim. */
export function matchSource(match: KnownMatch): Source {
  return { url: match.url, title: match.title || `Fact-check: ${match.rating || 'unrated'}`, quote: match.claim, publisher: match.reviewer };
}

/**
 * The edit that adopts a match: the mapped verdict (an unrated fact-check leaves the verdict as
 * it is) and the fact-check added to the sources, unless a source with its URL is there already.
 */
export function adoptEdit(annotation: Annotation | null, match: KnownMatch): AnnotationEdit {
  const sources = annotation?.sources ?? [];
  const edit: AnnotationEdit = sources.some((source) => source.url === match.url) ? {} : { sources: [...sources, matchSource(match)] };
  if (match.verdict) edit.verdict = match.verdict;
  return edit;
}

/** "Already fact-checked: False — PolitiFact, 2019-10-30": the rating as published, else the verdict's name. */
export function knownHeadline(match: KnownMatch): string {
  const rating = match.rating || (match.verdict ? VERDICT_LABELS[match.verdict] : 'no rating');
  const by = [match.reviewer, match.date].filter((part) => part !== '').join(', ');
  return by ? `${rating} — ${by}` : rating;
}
