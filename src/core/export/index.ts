/** Export and import of the library in the formats fact-checkers' tools use; pure, for the UI and the CLI. */

import type { KnownReview } from '../known/review';
import { sortedReviews, toPublishedClaimReview } from '../known/review-export';
import type { PageRecord } from '../model/annotation';
import { exportClaimReview as exportClaimReviewItems, toClaimReviews as claimReviewsOf } from './claimreview';
import { exportCsv } from './csv';
import type { ExportOptions } from './library';
import { exportMarkdown } from './markdown';
import { exportW3c, toW3c as w3cOf } from './w3c';

export { exportClaimReview, toClaimReview, toClaimReviews, CLAIMREVIEW_FIELDS, missingClaimReviewFields, type ClaimReview, type ClaimReviewField } from './claimreview';
export { exportCsv, CSV_COLUMNS } from './csv';
export { planImport, type ImportConflict, type ImportPlan } from './import-plan';
export type { ImportSummary } from './import-summary';
export { IMPORT_LIMITS } from './json-input';
export { claimsOf, VERDICT_LABELS, VERDICT_SCORES, verdictFromText, type Creator, type ExportOptions } from './library';
export { exportMarkdown } from './markdown';
export { exportW3c, toW3c, FACTMARK_VOCAB, type W3cAnnotation, type W3cCollection } from './w3c';
export { describeIssue, parseImport, type ImportedItem, type ImportFormat, type ImportIssue, type ParsedImport, type ParseResult } from './w3c-import';

/** The export formats, as the CLI's --to and the UI name them. */
export const EXPORT_FORMATS = ['w3c', 'claimreview', 'csv', 'markdown'] as const;

/** One of the export formats. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** File name extension and media type of each format, for downloads. */
export const EXPORT_FILE_TYPES: Record<ExportFormat, { extension: string; mediaType: string }> = {
  w3c: { extension: 'jsonld', mediaType: 'application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"' },
  claimreview: { extension: 'json', mediaType: 'application/ld+json' },
  csv: { extension: 'csv', mediaType: 'text/csv;charset=utf-8' },
  markdown: { extension: 'md', mediaType: 'text/markdown;charset=utf-8' },
};

/**
 * The library as a file's text in the given format. Collected fact-checks (`reviews`) are part
 * of the W3C (under `factmark:knownClaims`) and ClaimReview exports.
 */
export function exportAs(format: ExportFormat, library: readonly PageRecord[], options: ExportOptions, reviews: readonly KnownReview[] = []): string {
  switch (format) {
    case 'w3c':
      return reviews.length === 0 ? exportW3c(library, options) : `${JSON.stringify({ ...w3cOf(library, options), 'factmark:knownClaims': sortedReviews(reviews).map(toPublishedClaimReview) }, null, 2)}\n`;
    case 'claimreview':
      return reviews.length === 0 ? exportClaimReviewItems(library, options) : `${JSON.stringify([...claimReviewsOf(library, options), ...sortedReviews(reviews).map(toPublishedClaimReview)], null, 2)}\n`;
    case 'csv':
      return exportCsv(library);
    case 'markdown':
      return exportMarkdown(library, options);
  }
}
