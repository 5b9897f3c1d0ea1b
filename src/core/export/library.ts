/** What every exporter shares: its options, the claim order, and the verdicts' English names and scores. */

import type { Annotation, PageRecord } from '../model/annotation';
import type { VerdictId } from '../model/verdicts';

/** Who the export is attributed to (the reviewerName and organisation settings); either may be empty. */
export interface Creator {
  name: string;
  organisation: string;
}

/** Options of every export: the attribution and the export time (ISO 8601), passed in to keep exports pure. */
export interface ExportOptions {
  creator: Creator;
  now: string;
}

/** One claim of the library with the page it belongs to. */
export interface ClaimEntry {
  page: PageRecord;
  annotation: Annotation;
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every claim of the library: pages by key, claims by position in the page, then id. A fixed
 * order (independent of the order pages were read from storage) makes exports reproducible,
 * which the W3C round trip relies on.
 */
export function claimsOf(library: readonly PageRecord[]): ClaimEntry[] {
  return [...library]
    .sort((a, b) => byString(a.key, b.key))
    .flatMap((page) =>
      Object.values(page.annotations)
        .sort((a, b) => a.selector.position.start - b.selector.position.start || a.selector.position.end - b.selector.position.end || byString(a.id, b.id))
        .map((annotation) => ({ page, annotation })),
    );
}

/**
 * English verdict names. Exports are documents for other people and tools, not UI, so they use
 * one fixed language (the same words as extension/_locales/en) rather than the reader's locale.
 */
export const VERDICT_LABELS: Record<VerdictId, string> = {
  true: 'True',
  'mostly-true': 'Mostly true',
  mixed: 'Mixed',
  'mostly-false': 'Mostly false',
  false: 'False',
  misleading: 'Misleading',
  unverifiable: 'Unverifiable',
  'not-a-claim': 'Not a claim',
};

/**
 * Numeric score of each verdict on a 1 (false) to 5 (true) scale, used by ClaimReview's
 * ratingValue and the CSV score column. `misleading` scores 2 like `mostly-false`: the claim
 * leaves a false impression even if parts are accurate. `unverifiable` has no place on a
 * true–false scale and `not-a-claim` is no rating at all, so both are null (no number).
 */
export const VERDICT_SCORES: Record<VerdictId, number | null> = {
  true: 5,
  'mostly-true': 4,
  mixed: 3,
  'mostly-false': 2,
  false: 1,
  misleading: 2,
  unverifiable: null,
  'not-a-claim': null,
};

/** Best and worst score of the scale above. */
export const SCORE_RANGE = { best: 5, worst: 1 } as const;

/** The verdict a free-text rating names (an id or English label, any case, spaces or hyphens), or null. */
export function verdictFromText(text: string): VerdictId | null {
  const wanted = text.trim().toLowerCase().replace(/[\s_]+/g, '-');
  for (const [id, label] of Object.entries(VERDICT_LABELS) as Array<[VerdictId, string]>) {
    if (wanted === id || wanted === label.toLowerCase().replace(/\s+/g, '-')) return id;
  }
  return null;
}
