import { findArticle } from '../core/article/find-article';
import { detectClaims } from '../core/claims/detect';
import type { ReasonId } from '../core/claims/score';
import type { PassageSelector } from '../core/model/selectors';
import { buildTextIndex } from '../core/text/text-index';
import { UsageError } from './errors';
import { loadDocument } from './load-document';

/** The JSON `factmark scan --json` prints. */
export interface ScanReport {
  title: string;
  url: string;
  bodyText: string;
  claims: Array<{ text: string; score: number; reasons: ReasonId[]; selector: PassageSelector }>;
  timingMs: number;
}

/** Finds the article of a file and its claims at the threshold, with the same code as the extension. */
export function scanFile(path: string, threshold: number): ScanReport {
  const { document, url } = loadDocument(path);
  const started = performance.now();
  const article = findArticle(document);
  if (!article) throw new UsageError(`${path}: no article text found`);
  const index = buildTextIndex(article.root);
  const claims = detectClaims(index, article.isArticleText, threshold, article.isCaption).map((claim) => ({ text: claim.text, score: Number(claim.score.toFixed(4)), reasons: claim.reasons, selector: claim.selector }));
  const timingMs = Number((performance.now() - started).toFixed(1));
  return { title: document.title || article.title, url, bodyText: index.text, claims, timingMs };
}

/** The human-readable form of a scan. */
export function formatScan(report: ScanReport): string {
  const lines = [`${report.title}`, `${report.claims.length} claims (${report.timingMs} ms)`, ''];
  report.claims.forEach((claim, i) => {
    lines.push(`${i + 1}. [${Math.round(claim.score * 100)}%] ${claim.text}`);
    if (claim.reasons.length > 0) lines.push(`   reasons: ${claim.reasons.join(', ')}`);
  });
  return lines.join('\n');
}
