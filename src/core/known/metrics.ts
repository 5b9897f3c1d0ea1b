/** Ranking metrics of the CheckThat! task: MAP@5, MRR and precision at 1. */

/** Relevance judgements: query id → relevant document ids. */
export type Qrels = Map<string, Set<string>>;

/** The three figures over a set of queries. */
export interface RankingMetrics {
  map5: number;
  mrr: number;
  p1: number;
}

/** Average precision at 5 of one ranking: relevant hits in the top 5, each at its precision, over the number of relevant documents. */
export function averagePrecisionAt5(ranked: readonly string[], relevant: ReadonlySet<string>): number {
  if (relevant.size === 0) return 0;
  let hits = 0;
  let sum = 0;
  ranked.slice(0, 5).forEach((id, i) => {
    if (relevant.has(id)) {
      hits++;
      sum += hits / (i + 1);
    }
  });
  return sum / relevant.size;
}

/** Reciprocal rank of the first relevant document (0 when none is ranked). */
export function reciprocalRank(ranked: readonly string[], relevant: ReadonlySet<string>): number {
  const at = ranked.findIndex((id) => relevant.has(id));
  return at < 0 ? 0 : 1 / (at + 1);
}

/** Mean metrics over the judged queries among `rankings` (query id → ranked ids). */
export function rankingMetrics(rankings: ReadonlyMap<string, readonly string[]>, qrels: Qrels): RankingMetrics {
  let n = 0;
  let map5 = 0;
  let mrr = 0;
  let p1 = 0;
  for (const [query, relevant] of qrels) {
    const ranked = rankings.get(query);
    if (!ranked) continue;
    n++;
    map5 += averagePrecisionAt5(ranked, relevant);
    mrr += reciprocalRank(ranked, relevant);
    p1 += ranked[0] !== undefined && relevant.has(ranked[0]) ? 1 : 0;
  }
  return n === 0 ? { map5: 0, mrr: 0, p1: 0 } : { map5: map5 / n, mrr: mrr / n, p1: p1 / n };
}
