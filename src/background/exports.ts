import { EXPORT_FILE_TYPES, exportAs, type ExportFormat } from '../core/export';
import { allReviews, KNOWN_SHARD_KEYS } from '../core/known/known-store';
import type { KnownReview } from '../core/known/review';
import { downloadText, localStorage } from '../platform/browser';
import { allPages, getPage, getSettings } from './store';

/** A file name for an export: factmark-<scope>-<date>.<extension>. */
function fileName(format: ExportFormat, scope: string, now: string): string {
  const safeScope = scope.replace(/^https?:\/\//, '').replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').slice(0, 60) || 'page';
  return `factmark-${safeScope}-${now.slice(0, 10)}.${EXPORT_FILE_TYPES[format].extension}`;
}

/**
 * Builds an export of one page (key) or the whole library (key null) and downloads it. It runs
 * in the background, so a download started from the popup survives the popup closing.
 */
export async function downloadExport(format: ExportFormat, key: string | null): Promise<{ fileName: string; claims: number }> {
  const now = new Date().toISOString();
  const [settings, records] = await Promise.all([getSettings(), key === null ? allPages() : getPage(key).then((record) => (record ? [record] : []))]);
  const claims = records.reduce((sum, record) => sum + Object.keys(record.annotations).length, 0);
  // The library's exports carry the collected fact-checks too (W3C and ClaimReview).
  const reviews: KnownReview[] = key === null && (format === 'w3c' || format === 'claimreview') ? allReviews(await localStorage.get([...KNOWN_SHARD_KEYS])).reviews : [];
  if (claims === 0 && reviews.length === 0) throw new Error('There is nothing to export yet: give a claim a verdict, a note or a source first.');
  const text = exportAs(format, records, { creator: { name: settings.reviewerName, organisation: settings.organisation }, now }, reviews);
  const name = fileName(format, key ?? 'library', now);
  await downloadText(name, EXPORT_FILE_TYPES[format].mediaType, text);
  return { fileName: name, claims };
}
