/**
 * CSV export, one row per claim: RFC 4180 (CRLF between records, fields with a comma, quote or
 * line break quoted, quotes doubled), UTF-8 with a byte-order mark because Excel otherwise reads
 * a CSV file in the legacy ANSI code page and garbles every non-Latin character.
 */

import type { PageRecord } from '../model/annotation';
import { claimsOf, VERDICT_LABELS, VERDICT_SCORES } from './library';

/** The header row, in column order. */
export const CSV_COLUMNS = ['page_url', 'page_title', 'claim', 'verdict', 'score', 'note', 'sources', 'tags', 'created', 'updated'] as const;

/** Byte-order mark: lets Excel detect UTF-8. */
const BOM = '\uFEFF';

/**
 * One cell, neutralised against formula injection (OWASP "CSV Injection"): text starting with
 * =, +, -, @, tab or CR would run as a formula in a spreadsheet, so it gets a leading apostrophe,
 * which spreadsheets show as text and hide.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The CSV export: header row and one row per claim; the score is the 1–5 verdict score, empty when there is none. */
export function exportCsv(library: readonly PageRecord[]): string {
  const rows = claimsOf(library).map(({ page, annotation }) => {
    const score = annotation.verdict ? VERDICT_SCORES[annotation.verdict] : null;
    return [
      page.url,
      page.title,
      annotation.selector.quote.exact,
      annotation.verdict ? VERDICT_LABELS[annotation.verdict] : '',
      score === null ? '' : String(score),
      annotation.note,
      // One source per line inside the cell: "url — title".
      annotation.sources.map((s) => (s.title ? `${s.url} — ${s.title}` : s.url)).join('\n'),
      annotation.tags.join('; '),
      annotation.createdAt,
      annotation.updatedAt,
    ];
  });
  return BOM + [[...CSV_COLUMNS], ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
