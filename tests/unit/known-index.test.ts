import fs from 'node:fs';
import path from 'node:path';
import { knownIndexFingerprint } from '../../src/core/known/index-fingerprint';
import { KnownMatcher, type KnownEntry } from '../../src/core/known/known-matches';
import { parseClaimLines, parseQueries } from '../../src/core/known/match-data';
import { Bm25Index } from '../../src/core/known/bm25';
import { MATCH_MODEL } from '../../src/core/known/match-scoring';
import { documentTerms, isFigureTerm, KnownClaimIndex, type KnownIndexData, type MatchableClaim } from '../../src/core/known/matcher';
import { analyse } from '../../src/core/known/analyse';
import { ReferenceRanker } from '../../src/core/known/reference-ranker';
import { RankCache } from '../../src/core/known/rank-cache';
import { TopK } from '../../src/core/known/top-k';
import { random } from '../support/random';

// The fast index (integer ids, flat postings, the claim table) must rank exactly as the plain
// reference implementation: same claims, same order, same scores, same feature vectors.

const WORDS = 'Springfield bus fleet grew percent unemployment fell rate lowest since mayor Ruiz police budget cut million taxes schools teachers hired Medicare single-payer health care immigrants crime doubled Obama Trump Senate votes wall border jobs wages coal plants closed climate emissions the of and in that was by a to is'.split(' ');
const FIGURES = ['40 percent', '$12 million', '3.1%', '1969', 'ten percent', '2,000', 'half'];

function sentence(next: () => number, words: number): string {
  const parts: string[] = [];
  for (let i = 0; i < words; i++) parts.push(next() < 0.12 ? (FIGURES[Math.floor(next() * FIGURES.length)] as string) : (WORDS[Math.floor(next() * WORDS.length)] as string));
  return `${parts.join(' ')}.`;
}

function sampleClaims(count: number, seed: number): MatchableClaim[] {
  const next = random(seed);
  const claims: MatchableClaim[] = [];
  for (let i = 0; i < count; i++) {
    const claim = sentence(next, 4 + Math.floor(next() * 14));
    claims.push(next() < 0.5 ? { claim, title: sentence(next, 3 + Math.floor(next() * 8)) } : { claim });
  }
  // Edge cases: repeats (ties broken by position), no content words, accents and typographic quotes.
  claims.push({ claim: claims[0]?.claim ?? '' }, { claim: 'It is what it is.' }, { claim: '' }, { claim: 'Café owners’ “taxes” rose 40 percent in Zürich — twice.' });
  return claims;
}

function expectSameRankings(fast: KnownClaimIndex, reference: ReferenceRanker, queries: readonly string[]): void {
  for (const query of queries) {
    expect({ query, ranked: fast.rankBm25(query, 30) }).toEqual({ query, ranked: reference.rankBm25(query, 30) });
    expect({ query, candidates: fast.candidates(query) }).toEqual({ query, candidates: reference.candidates(query) });
    expect({ query, ranked: fast.rank(query, 10) }).toEqual({ query, ranked: reference.rank(query, 10) });
  }
}

describe('the fast known-claim index ranks exactly as the reference implementation', () => {
  const claims = sampleClaims(400, 12);
  const next = random(99);
  const queries = [...Array.from({ length: 60 }, () => sentence(next, 5 + Math.floor(next() * 20))), 'Café owners’ taxes rose 40 percent in Zurich.', 'Nothing here matches at all, zebra quokka.', '', claims[5]?.claim ?? ''];
  const fast = new KnownClaimIndex(claims);
  const reference = new ReferenceRanker(claims);

  test('on a generated sample with ties, repeats, figures and empty texts', () => {
    expectSameRankings(fast, reference, queries);
    expect(queries.filter((query) => fast.rank(query, 10).length > 0).length).toBeGreaterThan(50);
  });

  test('loaded from its stored arrays (after a structured clone, as IndexedDB stores them), it ranks the same', () => {
    const stored = structuredClone(fast.toData());
    const loaded = new KnownClaimIndex({ data: stored, size: claims.length });
    expectSameRankings(loaded, reference, queries.slice(0, 20));
  });

  test('a stored index that does not fit is refused, not used', () => {
    const data = fast.toData();
    expect(() => new KnownClaimIndex({ data, size: claims.length + 1 })).toThrow(/another number of claims/);
    expect(() => new KnownClaimIndex({ data: { ...data, format: 0 }, size: claims.length })).toThrow(/another format/);
    const broken: KnownIndexData = { ...data, claims: { ...data.claims, gramNorms: new Float32Array(3) } };
    expect(() => new KnownClaimIndex({ data: broken, size: claims.length })).toThrow(/inconsistent/);
    expect(() => new KnownClaimIndex({ data: { ...data, gramWeights: new Float32Array(8) }, size: claims.length })).toThrow(/wrong size/);
  });
});

describe('figures are a field of their own in the first stage', () => {
  const claims = sampleClaims(300, 5);
  const documents = claims.map((claim) => documentTerms(claim, analyse(claim.claim)));
  const next = random(17);
  const queries = Array.from({ length: 40 }, () => sentence(next, 6 + Math.floor(next() * 12)));

  test('the claims carry figure terms, and the baseline scores words exactly as an index without them', () => {
    expect(documents.some((terms) => terms.some(isFigureTerm))).toBe(true);
    const withFigures = Bm25Index.fromDocuments(documents, isFigureTerm);
    const wordsOnly = Bm25Index.fromDocuments(documents.map((terms) => terms.filter((term) => !isFigureTerm(term))));
    for (const query of queries) {
      const terms = analyse(query).terms;
      expect({ query, hits: withFigures.search(terms, 30) }).toEqual({ query, hits: wordsOnly.search(terms, 30) });
    }
  });

  test('with figure queries on or off, the index ranks as the reference does; on, a shared figure lifts a claim', () => {
    for (const figureQuery of [false, true]) {
      const model = { ...MATCH_MODEL, figureQuery };
      expectSameRankings(new KnownClaimIndex(claims, model), new ReferenceRanker(claims, model), queries.slice(0, 15));
    }
    const sample: MatchableClaim[] = [{ claim: 'Unemployment fell under the mayor.' }, { claim: 'Unemployment fell to 3.1% under the mayor.' }, { claim: 'The mayor cut police.' }];
    const first = (figureQuery: boolean) => new KnownClaimIndex(sample, { ...MATCH_MODEL, figureQuery }).candidates('Unemployment is down to 3.1% now.', 3).find((c) => c.index === 1)?.bm25 ?? 0;
    expect(first(true)).toBeGreaterThan(first(false));
  });
});

describe('a stored index is used only for the claims it was built from', () => {
  const entry = (claim: string, title?: string): KnownEntry => ({ match: { id: claim, claim, rating: 'False', verdict: 'false', reviewer: 'Desk', url: 'https://fc.example/', date: '', own: false, ...(title ? { title } : {}) } });
  const entries = sampleClaims(50, 3).map((claim) => entry(claim.claim, claim.title));

  test('the fingerprint changes with any claim, headline, or their order', () => {
    const claims = sampleClaims(50, 3);
    const base = knownIndexFingerprint(claims);
    expect(knownIndexFingerprint(sampleClaims(50, 3))).toBe(base);
    expect(knownIndexFingerprint([{ ...(claims[0] as MatchableClaim), claim: `${claims[0]?.claim} ` }, ...claims.slice(1)])).not.toBe(base);
    expect(knownIndexFingerprint([{ claim: claims[0]?.claim ?? '', title: 'Another headline' }, ...claims.slice(1)])).not.toBe(base);
    expect(knownIndexFingerprint([...claims.slice(1), claims[0] as MatchableClaim])).not.toBe(base);
    expect(knownIndexFingerprint([{ claim: 'ab', title: 'c' }])).not.toBe(knownIndexFingerprint([{ claim: 'a', title: 'bc' }]));
  });

  test('a matcher loads a fitting stored index and matches the same; one that does not fit is rebuilt', () => {
    const built = new KnownMatcher(entries);
    expect(built.loaded).toBe(false);
    const loaded = new KnownMatcher(entries, structuredClone(built.indexData()));
    expect(loaded.loaded).toBe(true);
    const queries = entries.slice(0, 10).map((e, i) => ({ id: String(i), text: e.match.claim }));
    expect(loaded.match(queries, 0.3, '')).toEqual(built.match(queries, 0.3, ''));
    const other = new KnownMatcher(entries.slice(1), built.indexData());
    expect(other.loaded).toBe(false);
    expect(Object.keys(other.match(queries, 0.3, '')).length).toBeGreaterThan(0);
  });

  test('a page asked again is answered from the kept rankings, exactly as ranking again; the oldest are dropped first', () => {
    const matcher = new KnownMatcher(entries);
    const queries = entries.map((e, i) => ({ id: String(i), text: e.match.claim }));
    const first = matcher.match(queries, 0.3, '');
    expect(Object.keys(first).length).toBeGreaterThan(10);
    expect(matcher.match(queries, 0.3, '')).toEqual(first);
    expect(matcher.match(queries, 0.6, 'elsewhere', { limit: 1 })).toEqual(new KnownMatcher(entries).match(queries, 0.6, 'elsewhere', { limit: 1 }));

    const index = new KnownClaimIndex(sampleClaims(50, 3));
    const cache = new RankCache(2);
    let ranked = 0;
    const rank = (text: string) => (ranked++, index.rank(text, 10));
    const texts = queries.slice(0, 3).map((query) => query.text);
    for (const text of [texts[0], texts[1], texts[0], texts[2], texts[0], texts[1]] as string[]) expect(cache.get(text, rank)).toEqual(index.rank(text, 10));
    expect(ranked).toBe(4); // texts[1] was the least recently used when texts[2] came
    expect(cache.size).toBe(2);
  });

  test('the reader’s verdicts are credited as asked; a matcher for other entries with the same claims shares the index', () => {
    const own = entries.map((e) => ({ ...e, match: { ...e.match, own: true, reviewer: 'Before' } }));
    const queries = entries.slice(0, 10).map((e, i) => ({ id: String(i), text: e.match.claim }));
    const built = new KnownMatcher(own);
    const credited = Object.values(built.match(queries, 0.3, 'elsewhere', { ownReviewer: 'After' })).flat();
    expect(credited.length).toBeGreaterThan(0);
    expect(new Set(credited.map((m) => m.reviewer))).toEqual(new Set(['After']));
    expect(new Set(Object.values(built.match(queries, 0.3, 'elsewhere')).flat().map((m) => m.reviewer))).toEqual(new Set(['Before']));
    const reviewed = own.map((e) => ({ ...e, match: { ...e.match, verdict: 'true' as const } }));
    const shared = new KnownMatcher(reviewed, built);
    expect(shared.loaded).toBe(true);
    expect(Object.values(shared.match(queries, 0.3, '')).flat().map((m) => m.verdict)).toEqual(credited.map(() => 'true'));
    expect(new KnownMatcher(reviewed.slice(1), built).loaded).toBe(false);
  });

  test('matching in slices gives what matching in one go gives, pausing between slices', async () => {
    const matcher = new KnownMatcher(entries);
    const queries = entries.map((e, i) => ({ id: String(i), text: e.match.claim }));
    let pauses = 0;
    const sliced = await matcher.matchInSlices(queries, 0.3, '', { sliceMs: 0, pause: async () => void pauses++ });
    expect(sliced).toEqual(matcher.match(queries, 0.3, ''));
    expect(pauses).toBeGreaterThan(0);
    expect(await matcher.matchInSlices(queries, 0.3, '', { sliceMs: 0 })).toEqual(sliced); // pausing for the next task by a message
  });
});

const dataDir = path.resolve(__dirname, '../..', process.env.FACTMARK_KNOWN_DATA ?? '../shared/data/known-claims');
const available = fs.existsSync(path.join(dataDir, 'politifact-claims.jsonl'));
if (!available) console.warn(`known-index: real-data sample skipped, ${dataDir} not found (set FACTMARK_KNOWN_DATA)`);

(available ? describe : describe.skip)('on real fact-checks', () => {
  test('3,000 PolitiFact claims and 40 CheckThat! train sentences: identical rankings', () => {
    const claims = parseClaimLines(fs.readFileSync(path.join(dataDir, 'politifact-claims.jsonl'), 'utf8')).slice(0, 3000);
    const queries = parseQueries(fs.readFileSync(path.join(dataDir, 'queries-train.tsv'), 'utf8')).slice(0, 40);
    expectSameRankings(new KnownClaimIndex(claims), new ReferenceRanker(claims), [...queries.map((query) => query.text), ...claims.slice(0, 10).map((claim) => claim.claim)]);
  });
});

test('TopK keeps the k best, ties by document number, as a full sort does', () => {
  const next = random(7);
  for (const k of [0, 1, 3, 30]) {
    const items = Array.from({ length: 200 }, (_, doc) => ({ doc, score: Math.floor(next() * 20) }));
    const top = new TopK(k);
    for (const item of [...items].reverse()) top.offer(item.doc, item.score);
    expect(top.sorted()).toEqual([...items].sort((a, b) => b.score - a.score || a.doc - b.doc).slice(0, k));
  }
});

test('words that name members of Object.prototype are plain words to the analysis', () => {
  // "constructor" once found Object's constructor among the number words, and analysis threw.
  expect(analyse('The constructor billion deal: five constructor, ten percent of 3 million.')).toEqual({ terms: ['constructor', 'billion', 'deal', 'five', 'constructor', 'ten', 'percent', 'million'], names: [], figures: ['10%', '3000000'] });
  const claims: MatchableClaim[] = [{ claim: 'A constructor billion deal.' }, { claim: 'Ten percent of the budget.' }];
  expect(new KnownClaimIndex(claims).rank('The constructor billion deal', 2)).toEqual(new ReferenceRanker(claims).rank('The constructor billion deal', 2));
});

test('with more than 65,535 distinct terms (32-bit term ids, 64-bit word-pair keys) the index still ranks as the reference', () => {
  // Word pairs are keyed first id × vocabulary size + second id: past 65,535 terms the keys no
  // longer fit 32 bits, and the sentence's pair filter must treat them as the claim table does.
  const next = random(41);
  const letters = 'bcdfghjklmnpqrstvwxz';
  const word = () => Array.from({ length: 9 }, () => letters[Math.floor(next() * letters.length)]).join('');
  const claims: MatchableClaim[] = Array.from({ length: 18_000 }, () => ({ claim: `${word()} ${word()} ${word()} ${word()}.` }));
  const shared = Array.from({ length: 12 }, word);
  for (let i = 0; i < 40; i++) claims.push({ claim: `${shared[i % 12]} ${shared[(i + 1) % 12]} ${word()} ${shared[(i * 7) % 12]} ${shared[(i + 2) % 12]}.`, title: `${shared[(i + 3) % 12]} ${shared[(i + 4) % 12]}` });
  const fast = new KnownClaimIndex(claims);
  expect(fast.toData().claims.bigrams.values).toBeInstanceOf(Float64Array);
  const reference = new ReferenceRanker(claims);
  const queries = Array.from({ length: 8 }, (_, q) => `${shared[q % 12]} ${shared[(q + 1) % 12]} ${shared[(q + 2) % 12]} and ${claims[q * 100]?.claim ?? ''}`);
  for (const query of queries) expect({ query, ranked: fast.rank(query, 10) }).toEqual({ query, ranked: reference.rank(query, 10) });
  expect(fast.candidates(queries[0] as string).some((candidate) => (candidate.features[11] as number) > 0)).toBe(true);
});
