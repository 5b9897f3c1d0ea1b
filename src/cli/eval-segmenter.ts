import { segmentSentences } from '../core/text/segment';
import { SEGMENT_CASES, type SegmentCase } from './segment-cases';

/** One segmenter's result on the cases: how many passed and which failed. */
export interface SegmenterScore {
  passed: number;
  total: number;
  rate: number;
  failed: Array<{ name: string; got: string[] }>;
}

/** What `factmark eval-segmenter --json` prints: Factmark's segmenter beside Intl.Segmenter on the same cases. */
export interface SegmenterEvaluation {
  cases: number;
  factmark: SegmenterScore;
  intlSegmenter: SegmenterScore | null;
  byGroup: Record<string, { cases: number; factmark: number; intlSegmenter: number | null }>;
}

/** Factmark's sentences of a text (newlines are block text, as in a page). */
export function factmarkSentences(text: string): string[] {
  return segmentSentences(text).map((span) => text.slice(span.start, span.end));
}

/** Intl.Segmenter's English sentences of a text, trimmed, empty ones dropped; null when the runtime has no Segmenter. */
export function intlSentences(text: string): string[] | null {
  if (typeof Intl.Segmenter !== 'function') return null;
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  return [...segmenter.segment(text)].map((part) => part.segment.trim()).filter((sentence) => sentence !== '');
}

function score(cases: readonly SegmentCase[], split: (text: string) => string[] | null): SegmenterScore | null {
  let passed = 0;
  const failed: SegmenterScore['failed'] = [];
  for (const item of cases) {
    const got = split(item.text);
    if (got === null) return null;
    if (got.length === item.sentences.length && got.every((sentence, i) => sentence === item.sentences[i])) passed++;
    else failed.push({ name: `${item.group}: ${item.name}`, got });
  }
  return { passed, total: cases.length, rate: cases.length ? passed / cases.length : 0, failed };
}

/** Runs both segmenters on every case. */
export function evaluateSegmenter(cases: readonly SegmentCase[] = SEGMENT_CASES): SegmenterEvaluation {
  const factmark = score(cases, factmarkSentences) as SegmenterScore;
  const intlSegmenter = score(cases, intlSentences);
  const byGroup: SegmenterEvaluation['byGroup'] = {};
  for (const group of [...new Set(cases.map((item) => item.group))]) {
    const subset = cases.filter((item) => item.group === group);
    byGroup[group] = { cases: subset.length, factmark: (score(subset, factmarkSentences) as SegmenterScore).passed, intlSegmenter: score(subset, intlSentences)?.passed ?? null };
  }
  return { cases: cases.length, factmark, intlSegmenter, byGroup };
}

const pct = (value: number): string => `${(100 * value).toFixed(1)} %`;

/** The human-readable form: pass rates side by side, then Factmark's failures. */
export function formatSegmenterEvaluation(result: SegmenterEvaluation): string {
  const lines = [`${result.cases} sentence-boundary cases`, '', 'segmenter                 passed   rate'];
  lines.push(`Factmark                  ${String(result.factmark.passed).padStart(3)}/${result.factmark.total}  ${pct(result.factmark.rate)}`);
  if (result.intlSegmenter) lines.push(`Intl.Segmenter (en)       ${String(result.intlSegmenter.passed).padStart(3)}/${result.intlSegmenter.total}  ${pct(result.intlSegmenter.rate)}`);
  for (const [group, figures] of Object.entries(result.byGroup)) lines.push(`  ${group}: Factmark ${figures.factmark}/${figures.cases}${figures.intlSegmenter === null ? '' : `, Intl.Segmenter ${figures.intlSegmenter}/${figures.cases}`}`);
  if (result.factmark.failed.length > 0) {
    lines.push('', 'Factmark fails:');
    for (const failure of result.factmark.failed) lines.push(`  ${failure.name}: ${JSON.stringify(failure.got)}`);
  }
  return lines.join('\n');
}
