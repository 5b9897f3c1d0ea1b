import { scanPage } from '../content/page-scan';
import type { ReasonId } from '../core/claims/score';
import type { PassageSelector } from '../core/model/selectors';
import type { PageNotice } from '../core/model/page-state';
import { UsageError } from './errors';
import { loadDocument } from './load-document';

/** The JSON `factmark scan --json` prints. */
export interface ScanReport {
  title: string;
  url: string;
  bodyText: string;
  /** The article's language as detected from its text (BCP 47 primary subtag; "und" when undetermined). */
  language: string;
  /** Why no claims were looked for: another language than the claim models cover, or not an article. */
  notice: PageNotice | null;
  claims: Array<{ text: string; score: number; reasons: ReasonId[]; selector: PassageSelector }>;
  timingMs: number;
}

/** Finds the article of a file and its claims at the threshold, with the same code as the extension. */
export function scanFile(path: string, threshold: number): ScanReport {
  const { document, url } = loadDocument(path);
  const started = performance.now();
  const scan = scanPage(document, url);
  if (!scan.article) throw new UsageError(`${path}: no article text found`);
  const claims = scan.sentences.filter((sentence) => sentence.score >= threshold).map((claim) => ({ text: claim.text, score: Number(claim.score.toFixed(4)), reasons: claim.reasons, selector: claim.selector }));
  const timingMs = Number((performance.now() - started).toFixed(1));
  return { title: scan.title, url, bodyText: scan.text, language: scan.language?.language ?? 'und', notice: scan.notice, claims, timingMs };
}

/** The human-readable form of a scan. */
export function formatScan(report: ScanReport): string {
  const lines = [`${report.title}`, `language: ${report.language}`, `${report.claims.length} claims (${report.timingMs} ms)`, ''];
  if (report.notice?.kind === 'language') lines.push(`No automatic claims: the article is in "${report.notice.language}"; claim finding covers English.`, '');
  if (report.notice?.kind === 'not-article') lines.push(`No automatic claims: this looks like a ${report.notice.reason === 'front' ? 'home or section page' : report.notice.reason === 'search' ? 'page of search results' : 'video page'}, not an article.`, '');
  report.claims.forEach((claim, i) => {
    lines.push(`${i + 1}. [${Math.round(claim.score * 100)}%] ${claim.text}`);
    if (claim.reasons.length > 0) lines.push(`   reasons: ${claim.reasons.join(', ')}`);
  });
  return lines.join('\n');
}
