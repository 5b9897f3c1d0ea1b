import { KnownClaimIndex, type RankedClaim } from '../core/known/matcher';
import { parseClaimLines, parseQrels, parseQueries, type ClaimLine, type QuerySentence } from '../core/known/match-data';
import { rankingMetrics, type Qrels, type RankingMetrics } from '../core/known/metrics';
import { UsageError } from './errors';
import { readText } from './load-document';

/** What `factmark match --json` prints. Metrics (ours and BM25's) only when relevance judgements are given. */
export interface MatchReport extends Partial<RankingMetrics> {
  n: number;
  bm25?: RankingMetrics;
  results: Array<{ id: string; ranked: Array<{ claimId: string; score: number }> }>;
}

/** How deep rankings go for MAP@5, MRR and P@1 (MRR counts a hit anywhere in the re-ranked list). */
const EVALUATION_DEPTH = 100;

function parsed<T>(path: string, parse: (text: string) => T): T {
  try {
    return parse(readText(path));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Ranks the claims for each sentence with the shipped matcher and with BM25; pure apart from the index build. */
export function matchSentences(queries: readonly QuerySentence[], claims: readonly ClaimLine[], qrels: Qrels | null, top: number, index: KnownClaimIndex = new KnownClaimIndex(claims)): MatchReport {
  const ids = (ranked: RankedClaim[]) => ranked.map((hit) => (claims[hit.index] as ClaimLine).id);
  const ours = new Map<string, RankedClaim[]>();
  const bm25 = new Map<string, string[]>();
  for (const query of queries) {
    ours.set(query.id, index.rank(query.text, Math.max(top, EVALUATION_DEPTH)));
    if (qrels) bm25.set(query.id, ids(index.rankBm25(query.text, EVALUATION_DEPTH)));
  }
  const results = queries.map((query) => ({ id: query.id, ranked: (ours.get(query.id) ?? []).slice(0, top).map((hit) => ({ claimId: (claims[hit.index] as ClaimLine).id, score: Math.round(hit.score * 1e4) / 1e4 })) }));
  if (!qrels) return { n: queries.length, results };
  const metrics = rankingMetrics(new Map([...ours].map(([id, ranked]) => [id, ids(ranked)])), qrels);
  return { n: queries.length, ...metrics, bm25: rankingMetrics(bm25, qrels), results };
}

/** `factmark match queries.tsv claims.jsonl [--qrels FILE] [--top N]`. */
export function runMatch(positional: string[], flags: Map<string, string | true>): MatchReport {
  const [queriesPath, claimsPath] = positional as [string, string];
  const queries = parsed(queriesPath, parseQueries);
  const claims = parsed(claimsPath, parseClaimLines);
  if (claims.length === 0) throw new UsageError(`${claimsPath}: no claims`);
  const qrelsPath = flags.get('--qrels');
  const qrels = typeof qrelsPath === 'string' ? parsed(qrelsPath, parseQrels) : null;
  const topFlag = flags.get('--top');
  const top = topFlag === undefined ? 10 : Number(topFlag);
  if (!Number.isInteger(top) || top < 1 || top > 1000) throw new UsageError(`--top must be a whole number from 1 to 1000 (got ${String(topFlag)})`);
  return matchSentences(queries, claims, qrels, top);
}

/** The human-readable form. */
export function formatMatch(report: MatchReport): string {
  const lines = [`${report.n} sentences`];
  if (report.map5 !== undefined && report.bm25) {
    lines.push(`matcher  MAP@5 ${report.map5.toFixed(4)}  MRR ${(report.mrr ?? 0).toFixed(4)}  P@1 ${(report.p1 ?? 0).toFixed(4)}`);
    lines.push(`BM25     MAP@5 ${report.bm25.map5.toFixed(4)}  MRR ${report.bm25.mrr.toFixed(4)}  P@1 ${report.bm25.p1.toFixed(4)}`);
  }
  for (const result of report.results.slice(0, 20)) lines.push(`${result.id}: ${result.ranked.slice(0, 3).map((hit) => `${hit.claimId} (${hit.score})`).join(', ')}`);
  if (report.results.length > 20) lines.push(`... and ${report.results.length - 20} more (use --json for all)`);
  return lines.join('\n');
}
