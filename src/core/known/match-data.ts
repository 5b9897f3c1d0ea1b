/**
 * Reading the matcher's evaluation files: sentences (`id<TAB>text`), known claims (JSON Lines
 * with at least `id` and `claim`) and TREC relevance judgements (`query 0 claim 1`). Pure: the
 * caller reads the files. Bad lines are reported by number, never silently dropped.
 */
import type { Qrels } from './metrics';

/** A sentence to match. */
export interface QuerySentence {
  id: string;
  text: string;
}

/** A known claim from a JSON Lines file. */
export interface ClaimLine {
  id: string;
  claim: string;
  title?: string;
}

/** Reads `id<TAB>text` lines; throws with the line number on a malformed one. */
export function parseQueries(text: string): QuerySentence[] {
  const queries: QuerySentence[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const tab = line.indexOf('\t');
    if (tab <= 0) throw new Error(`line ${i + 1}: expected "id<TAB>sentence"`);
    queries.push({ id: line.slice(0, tab), text: line.slice(tab + 1).trim() });
  });
  return queries;
}

/** Reads JSON Lines claims with `id` and `claim` (and an optional `title`); throws with the line number otherwise. */
export function parseClaimLines(text: string): ClaimLine[] {
  const claims: ClaimLine[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`line ${i + 1}: not JSON`);
    }
    const record = value as Record<string, unknown> | null;
    if (!record || typeof record !== 'object' || typeof record.id !== 'string' || typeof record.claim !== 'string') throw new Error(`line ${i + 1}: needs "id" and "claim" strings`);
    claims.push({ id: record.id, claim: record.claim, ...(typeof record.title === 'string' && record.title ? { title: record.title } : {}) });
  });
  return claims;
}

/** Reads TREC qrels (`query iteration document relevance`); relevance above 0 counts. */
export function parseQrels(text: string): Qrels {
  const qrels: Qrels = new Map();
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const parts = line.trim().split(/\s+/);
    if (parts.length < 4) throw new Error(`line ${i + 1}: expected "query 0 claim relevance"`);
    const [query, , claim, relevance] = parts as [string, string, string, string];
    if (Number(relevance) <= 0) return;
    let set = qrels.get(query);
    if (!set) qrels.set(query, (set = new Set()));
    set.add(claim);
  });
  return qrels;
}
