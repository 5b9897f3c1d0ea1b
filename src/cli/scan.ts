import { scanPage } from '../core/scan/page-scan';
import { claimStrengths, rankClaims, type ClaimStrength } from '../core/claims/rank';
import { STRONG_FLOOR, type ReasonId } from '../core/claims/score';
import type { PassageSelector } from '../core/model/selectors';
import type { PageNotice } from '../core/model/page-state';
import { UsageError } from './errors';
import { loadDocument } from './load-document';

/** The JSON `factmark scan --json` prints. */
export interface ScanReport {
  title: string;
  url: string;
  bodyText: string;
  /** Claims in reading order; `rank` 1 is the most check-worthy, `strength` is how the extension highlights it. */
  claims: Array<{ text: string; score: number; rank: number; strength: ClaimStrength; reasons: ReasonId[]; selector: PassageSelector }>;
  /** The article's language as detected from its text (BCP 47 primary subtag; "und" when undetermined). */
  language: string;
  /** Why no claims were looked for: another language than the claim models cover, or not an article. */
  notice: PageNotice | null;
  timingMs: number;
}

/** Finds the article of a file and its claims at the threshold, with the same code as the extension. */
export function scanFile(path: string, threshold: number): ScanReport {
  const { document, url } = loadDocument(path);
  const started = performance.now();
  const scan = scanPage(document, url);
  if (!scan.article) throw new UsageError(`${path}: no article text found`);
  const detected = scan.sentences.filter((sentence) => sentence.score >= threshold);
  const ranks = rankClaims(detected);
  const strengths = claimStrengths(detected, scan.sentences.length, STRONG_FLOOR);
  const claims = detected.map((claim) => ({ text: claim.text, score: Number(claim.score.toFixed(4)), rank: ranks.get(claim.id) ?? 0, strength: strengths.get(claim.id) ?? 'light', reasons: claim.reasons, selector: claim.selector }));
  const timingMs = Number((performance.now() - started).toFixed(1));
  return { title: scan.title, url, bodyText: scan.text, language: scan.language?.language ?? 'und', notice: scan.notice, claims, timingMs };
}

/** The human-readable form of a scan. */
export function formatScan(report: ScanReport): string {
  const strong = report.claims.filter((claim) => claim.strength === 'strong').length;
  const lines = [`${report.title}`, `language: ${report.language}`, `${report.claims.length} claims, ${strong} strong (${report.timingMs} ms)`, ''];
  if (report.notice?.kind === 'language') lines.push(`No automatic claims: the article is in "${report.notice.language}"; claim finding covers English.`, '');
  if (report.notice?.kind === 'not-article') lines.push(`No automatic claims: this looks like a ${report.notice.reason === 'front' ? 'home or section page' : report.notice.reason === 'search' ? 'page of search results' : 'video page'}, not an article.`, '');
  report.claims.forEach((claim, i) => {
    lines.push(`${i + 1}. [${Math.round(claim.score * 100)}%, rank ${claim.rank}${claim.strength === 'strong' ? ', strong' : ''}] ${claim.text}`);
    if (claim.reasons.length > 0) lines.push(`   reasons: ${claim.reasons.join(', ')}`);
  });
  return lines.join('\n');
}
