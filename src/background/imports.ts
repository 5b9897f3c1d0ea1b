import { parseImport, planImport, type ImportPlan, type ImportSummary, type ParsedImport } from '../core/export';
import type { ReviewImportSummary } from '../core/export/import-summary';
import { parseJson } from '../core/export/json-input';
import { KNOWN_SHARD_KEYS, mergeReviews, type ReviewMerge } from '../core/known/known-store';
import { readReviewFile, type ReviewFile } from '../core/known/review-import';
import { localStorage } from '../platform/browser';
import { allPages, replaceRecordsAtomically } from './store';

/** A file read for import: its annotations, its fact-checks, or both (a Factmark W3C export with collected reviews). */
interface ImportFile {
  annotations: ParsedImport | null;
  reviews: Extract<ReviewFile, { kind: 'reviews' }> | null;
}

const EMPTY_PLAN: ImportPlan = { new: 0, updated: 0, duplicatesSkipped: 0, keptLocalNewer: 0, conflicts: [], rejected: [], warnings: [], records: [] };

function summarise(file: ImportFile, plan: ImportPlan, merge: ReviewMerge | null): ImportSummary {
  const summary: ImportSummary = {
    format: file.annotations?.format ?? file.reviews?.format ?? '',
    total: file.annotations?.total ?? 0,
    new: plan.new,
    updated: plan.updated,
    duplicatesSkipped: plan.duplicatesSkipped,
    keptLocalNewer: plan.keptLocalNewer,
    rejected: plan.rejected.slice(0, 50),
    warnings: plan.warnings.length,
    pages: plan.records.length,
  };
  if (file.reviews && merge) {
    const reviews: ReviewImportSummary = {
      format: file.reviews.format,
      total: file.reviews.total,
      new: merge.new,
      updated: merge.updated,
      duplicatesSkipped: merge.duplicatesSkipped,
      rejected: file.reviews.reading.skipped.slice(0, 50).map((issue) => ({ index: issue.review - 1, reason: issue.reason })),
    };
    summary.reviews = reviews;
  }
  return summary;
}

/** Reads the file: annotations, fact-checks, or both; throws the one-line reason when it is neither. */
function parsed(text: string, now: string): ImportFile {
  const json = parseJson(text);
  if (!json.ok) {
    // Not one JSON document: maybe JSON Lines of fact-checks.
    const lines = /^\s*\{/.test(text) ? readReviewFile(text, undefined, now) : { kind: 'none' as const };
    if (lines.kind === 'reviews') return { annotations: null, reviews: lines };
    throw new Error(json.error);
  }
  const reviews = readReviewFile(text, json.data, now);
  const data = json.data as Record<string, unknown> | null;
  const withAnnotations = reviews.kind === 'none' || (typeof data === 'object' && data !== null && !Array.isArray(data) && data['factmark:knownClaims'] !== undefined);
  let annotations: ParsedImport | null = null;
  if (withAnnotations) {
    const result = parseImport(text);
    if (!result.ok) throw new Error(result.error);
    annotations = result;
  }
  return { annotations, reviews: reviews.kind === 'reviews' ? reviews : null };
}

/** A dry run: what importing the file would do, changing nothing. */
export async function previewImport(text: string): Promise<ImportSummary> {
  const now = new Date().toISOString();
  const file = parsed(text, now);
  const plan = file.annotations ? planImport(await allPages(), file.annotations, now) : EMPTY_PLAN;
  let merge: ReviewMerge | null = null;
  if (file.reviews) {
    merge = mergeReviews(await localStorage.get([...KNOWN_SHARD_KEYS]), file.reviews.reading.reviews);
  }
  return summarise(file, plan, merge);
}

/** Imports the file: planned again against current storage and written in one atomic write. */
export async function commitImport(text: string): Promise<ImportSummary> {
  const now = new Date().toISOString();
  const file = parsed(text, now);
  return replaceRecordsAtomically((existing, items) => {
    const plan = file.annotations ? planImport(existing, file.annotations, now) : EMPTY_PLAN;
    const merge = file.reviews ? mergeReviews(items, file.reviews.reading.reviews) : null;
    return { records: plan.records, result: summarise(file, plan, merge), alsoSet: merge?.set ?? {} };
  });
}
