import { computeMetrics, parseClaimsCsv, type Metrics } from '../core/claims/evaluate';
import { DEFAULT_THRESHOLD, scoreSentence } from '../core/claims/score';
import { UsageError } from './errors';
import { readText } from './load-document';

/** Scores every row of a labelled CSV at the shipped threshold. */
export function evaluateFile(path: string): Metrics {
  const text = readText(path);
  let rows;
  try {
    rows = parseClaimsCsv(text);
  } catch (error) {
    throw new UsageError(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (rows.length === 0) throw new UsageError(`${path}: no rows to evaluate`);
  return computeMetrics(
    rows.map((row) => ({ label: row.label, score: scoreSentence(row.text).score, source: row.source })),
    DEFAULT_THRESHOLD,
  );
}

function pct(value: number): string {
  return (value * 100).toFixed(1);
}

/** The human-readable form of an evaluation. */
export function formatEvaluation(result: Metrics): string {
  const lines = [`n=${result.n} threshold=${result.threshold}`, `precision ${pct(result.precision)}  recall ${pct(result.recall)}  F1 ${pct(result.f1)}`];
  for (const [source, metrics] of Object.entries(result.perSource)) {
    lines.push(`  ${source}: n=${metrics.n} precision ${pct(metrics.precision)} recall ${pct(metrics.recall)} F1 ${pct(metrics.f1)}`);
  }
  return lines.join('\n');
}
