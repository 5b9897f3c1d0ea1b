// The known-claim matcher on the CheckThat! 2021 2B train and dev splits in one run, with BM25
// beside it, and the flag threshold's precision and recall (run by scripts/eval-match.mjs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { matchSentences, type MatchReport } from '../src/cli/match';
import { MATCH_MODEL } from '../src/core/known/match-scoring';
import { KnownClaimIndex } from '../src/core/known/matcher';
import { parseClaimLines, parseQrels, parseQueries } from '../src/core/known/match-data';
import { corpusHalves, newsSentences } from './match-training';

/** Flags at the threshold: how many sentences were flagged, how many of those at the right claim, and of how many. */
interface FlagFigures {
  flagged: number;
  correct: number;
  sentences: number;
}

function flags(report: MatchReport, relevant: Map<string, Set<string>>, threshold: number): FlagFigures {
  let flagged = 0;
  let correct = 0;
  for (const result of report.results) {
    const top = result.ranked[0];
    if (!top || top.score < threshold) continue;
    flagged++;
    if (relevant.get(result.id)?.has(top.claimId)) correct++;
  }
  return { flagged, correct, sentences: report.results.length };
}

/** Runs both splits and the news sentences; returns printable lines. */
export function evaluate(dataDir: string, corpusDir: string): string[] {
  const claims = parseClaimLines(readFileSync(join(dataDir, 'politifact-claims.jsonl'), 'utf8'));
  const started = performance.now();
  const index = new KnownClaimIndex(claims);
  const buildMs = performance.now() - started;
  const threshold = MATCH_MODEL.threshold;
  const lines = [`${claims.length} known claims, index built in ${buildMs.toFixed(0)} ms; flag threshold ${threshold} (chosen on train)`, '', '| split | sentences | BM25 MAP@5 | BM25 MRR | BM25 P@1 | matcher MAP@5 | matcher MRR | matcher P@1 | MAP@5 gain | flagged | flag precision | flag recall |', '|---|---|---|---|---|---|---|---|---|---|---|---|'];
  for (const split of ['train', 'dev']) {
    const queries = parseQueries(readFileSync(join(dataDir, `queries-${split}.tsv`), 'utf8'));
    const qrels = parseQrels(readFileSync(join(dataDir, `qrels-${split}.tsv`), 'utf8'));
    const report = matchSentences(queries, claims, qrels, 5, index);
    const f = flags(report, qrels, threshold);
    const b = report.bm25 as NonNullable<MatchReport['bm25']>;
    const n = (v: number | undefined) => (v ?? 0).toFixed(4);
    lines.push(`| ${split}${split === 'train' ? ' (fitted on)' : ''} | ${report.n} | ${n(b.map5)} | ${n(b.mrr)} | ${n(b.p1)} | ${n(report.map5)} | ${n(report.mrr)} | ${n(report.p1)} | ${((report.map5 ?? 0) - b.map5).toFixed(4)} | ${f.flagged} | ${f.flagged ? (f.correct / f.flagged).toFixed(3) : '-'} | ${(f.correct / f.sentences).toFixed(3)} |`);
  }
  const halves = corpusHalves(corpusDir);
  for (const [name, pages] of [['train half (used for the threshold)', halves.train], ['other half (never used)', halves.check]] as const) {
    const sentences = newsSentences(corpusDir, pages);
    const wrong = sentences.filter((text) => (index.rank(text, 1)[0]?.score ?? 0) >= threshold);
    lines.push('', `news sentences that repeat no known claim, ${name}: ${wrong.length} of ${sentences.length} flagged (${((1000 * wrong.length) / Math.max(sentences.length, 1)).toFixed(1)} per 1000)`);
    for (const text of wrong.slice(0, 5)) lines.push(`  flagged: ${text.slice(0, 140)}`);
  }
  return lines;
}
