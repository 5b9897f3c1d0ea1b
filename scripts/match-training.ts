// Feature extraction for the known-claim re-ranker (run by scripts/train-match.mjs): the
// CheckThat! 2021 2B train split only, and news sentences that repeat no claim. The features
// come from the same TypeScript code the extension runs; scripts/train_match.py fits the model.
// The dev split is never read here.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { FEATURE_NAMES } from '../src/core/known/features';
import { MATCH_MODEL } from '../src/core/known/match-scoring';
import { KnownClaimIndex, type CandidateFeatures } from '../src/core/known/matcher';
import { parseClaimLines, parseQrels, parseQueries } from '../src/core/known/match-data';
import { buildTextIndex } from '../src/core/text/text-index';
import { segmentSentences } from '../src/core/text/segment';

/** Sentences of the news pages in a corpus folder (their reference article bodies), 6 words or more. */
export function newsSentences(corpusDir: string, pages: string[]): string[] {
  const quiet = new VirtualConsole();
  const sentences: string[] = [];
  for (const name of pages) {
    const file = join(corpusDir, name, 'expected.html');
    if (!existsSync(file)) continue;
    const body = new JSDOM(readFileSync(file, 'utf8'), { virtualConsole: quiet }).window.document.body;
    const index = buildTextIndex(body);
    for (const span of segmentSentences(index.text, index.blockBreaks)) {
      const text = index.text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
      if (text.split(' ').length >= 6) sentences.push(text);
    }
  }
  return sentences;
}

/** The corpus pages in alphabetical order, split in two halves: the first for training, the second for checking. */
export function corpusHalves(corpusDir: string): { train: string[]; check: string[] } {
  const pages = existsSync(corpusDir) ? readdirSync(corpusDir).filter((name) => existsSync(join(corpusDir, name, 'expected.html'))).sort() : [];
  const half = Math.ceil(pages.length / 2);
  return { train: pages.slice(0, half), check: pages.slice(half) };
}

/** One sentence's BM25 candidates: claim ids (position in the claims file) and feature vectors. */
export interface CandidateList {
  id: string;
  relevant: number[];
  candidates: Array<{ claim: number; features: number[] }>;
}

/**
 * The candidates (up to 50, in first-stage order) of every train sentence and of the non-matching
 * news sentences, for scripts/train_match.py; `figureQuery` says whether the first stage queries
 * the sentences' figures too (both are extracted, and cross-validation chooses).
 */
export function extract(dataDir: string, corpusDir: string, figureQuery: boolean): { features: string[]; figureQuery: boolean; train: CandidateList[]; negatives: CandidateList[]; negativeSource: string } {
  const claims = parseClaimLines(readFileSync(join(dataDir, 'politifact-claims.jsonl'), 'utf8'));
  const position = new Map(claims.map((claim, i) => [claim.id, i]));
  const queries = parseQueries(readFileSync(join(dataDir, 'queries-train.tsv'), 'utf8'));
  const qrels = parseQrels(readFileSync(join(dataDir, 'qrels-train.tsv'), 'utf8'));
  const index = new KnownClaimIndex(claims, { ...MATCH_MODEL, figureQuery });
  const list = (id: string, text: string, relevant: number[]): CandidateList => ({ id, relevant, candidates: index.candidates(text, 50).map((c: CandidateFeatures) => ({ claim: c.index, features: c.features })) });
  const pages = corpusHalves(corpusDir).train;
  return {
    features: [...FEATURE_NAMES],
    figureQuery,
    train: queries.map((q) => list(q.id, q.text, [...(qrels.get(q.id) ?? [])].map((id) => position.get(id) ?? -1))),
    negatives: newsSentences(corpusDir, pages).map((text, i) => list(`news-${i}`, text, [])),
    negativeSource: `sentences of ${pages.length} Readability corpus pages (${pages[0] ?? ''} to ${pages[pages.length - 1] ?? ''})`,
  };
}
