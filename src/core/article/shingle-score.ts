/**
 * How well an extracted article body matches a reference body, scored as the article-extraction
 * benchmark scores extractors: both texts become words (runs of Unicode letters, digits and
 * underscores), every 4 consecutive words form a shingle, and shingles are matched with their
 * counts. Per page, true positives, false positives and false negatives are normalised to sum
 * to one; precision and recall are means over pages, F1 their harmonic mean.
 */

/** Shingle length in words. */
export const SHINGLE_WORDS = 4;
const WORD = /[\p{L}\p{N}_]+/gu;

/** Normalised match counts of one page (they sum to 1, or are all 0 for two empty texts). */
export interface ShingleMatch {
  tp: number;
  fp: number;
  fn: number;
}

/** The words of a text as the benchmark tokenises them. */
export function benchmarkWords(text: string): string[] {
  return text.match(WORD) ?? [];
}

function shingleCounts(text: string): Map<string, number> {
  const words = benchmarkWords(text);
  const counts = new Map<string, number>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    const key = words.slice(i, i + SHINGLE_WORDS).join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Matches a predicted body against the reference body of one page. */
export function matchShingles(reference: string, predicted: string): ShingleMatch {
  const truth = shingleCounts(reference);
  const guess = shingleCounts(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, count] of truth) {
    const other = guess.get(key) ?? 0;
    tp += Math.min(count, other);
    fn += Math.max(0, count - other);
  }
  for (const [key, count] of guess) fp += Math.max(0, count - (truth.get(key) ?? 0));
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp: 0, fp: 0, fn: 0 };
}

/** Precision of one page: 1 when nothing is wrong, 0 when nothing was predicted right. */
export function pagePrecision({ tp, fp, fn }: ShingleMatch): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

/** Recall of one page: 1 when nothing is wrong, 0 when nothing of the reference was found. */
export function pageRecall({ tp, fp, fn }: ShingleMatch): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

/** F1 of a precision and a recall. */
export function harmonicF1(precision: number, recall: number): number {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

/** Corpus figures: precision and recall averaged over pages, F1 of the two averages. */
export interface CorpusScore {
  pages: number;
  f1: number;
  precision: number;
  recall: number;
}

/** Averages page matches into corpus figures, each page weighing the same. */
export function corpusScore(matches: readonly ShingleMatch[]): CorpusScore {
  if (matches.length === 0) return { pages: 0, f1: 0, precision: 0, recall: 0 };
  const precision = matches.reduce((sum, match) => sum + pagePrecision(match), 0) / matches.length;
  const recall = matches.reduce((sum, match) => sum + pageRecall(match), 0) / matches.length;
  return { pages: matches.length, f1: harmonicF1(precision, recall), precision, recall };
}
