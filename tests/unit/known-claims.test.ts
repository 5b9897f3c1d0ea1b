import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { main } from '../../src/cli/index';
import { exportAs } from '../../src/core/export';
import { adoptEdit, knownHeadline } from '../../src/core/known/adopt';
import { readClaimReviews } from '../../src/core/known/claimreview-read';
import { KnownMatcher, reviewEntry } from '../../src/core/known/known-matches';
import { knownShardKey, mergeReviews, parseKnownShard } from '../../src/core/known/known-store';
import { averagePrecisionAt5, rankingMetrics, reciprocalRank } from '../../src/core/known/metrics';
import { readPageReviews } from '../../src/core/known/page-reviews';
import { dateIn, readReviewFile } from '../../src/core/known/review-import';
import { sameReview, type KnownReview } from '../../src/core/known/review';
import { verdictForRating } from '../../src/core/known/verdict-map';
import { DEFAULT_SETTINGS, parseSettings } from '../../src/core/model/settings';

const NOW = '2024-05-01T10:00:00.000Z';

describe('rating labels map to verdicts by the documented table, and only by it', () => {
  test.each([
    ['Pants on Fire!', 'false'],
    ['pants-fire', 'false'],
    ['Four Pinocchios', 'false'],
    ['Mostly False', 'mostly-false'],
    ['barely-true', 'mostly-false'],
    ['Half True', 'mixed'],
    ['Mostly true', 'mostly-true'],
    ['Misleading', 'misleading'],
    ['Missing context', 'misleading'],
    ['TRUE', 'true'],
    ['Unproven', 'unverifiable'],
  ])('%s → %s', (label, verdict) => expect(verdictForRating(label)).toBe(verdict));

  test.each(['Strange rating', 'full-flop', 'Half Flip', 'Satire', '', 'Falso'])('%s → no verdict, never a guess', (label) => expect(verdictForRating(label)).toBeNull());
});

describe('reading messy ClaimReview markup', () => {
  test('@graph, rating lists with numbers as strings and -1, string authors, bare appearance URLs', () => {
    const reading = readClaimReviews(
      [
        {
          '@context': 'https://schema.org',
          '@graph': [
            { '@type': 'WebPage', name: 'x' },
            { '@type': 'schema:ClaimReview', url: 'https://fc.example/a', claimReviewed: '  The  tunnel cost $2 billion. ', datePublished: '2021-03-04T10:00:00Z', author: 'Fact Desk', reviewRating: [{ ratingValue: '-1' }, { '@type': 'Rating', ratingValue: '2', bestRating: '5', alternateName: 'Mostly False' }], itemReviewed: { '@type': 'Claim', author: { name: 'A. Mayor' }, appearance: ['https://news.example/1', { url: 'https://news.example/2' }, 'not a url'] } },
          ],
        },
        { '@type': 'NewsArticle', review: { '@type': ['ClaimReview'], claimReviewed: 'Crime doubled.', reviewRating: { alternateName: 'Out of this world' } } },
        [{ '@type': 'ClaimReview', url: 'javascript:alert(1)', reviewRating: { alternateName: 'False' } }],
      ],
      { origin: 'page', pageUrl: 'https://fc.example/page', pageKey: 'https://fc.example/page', now: NOW },
    );
    expect(reading.reviews).toHaveLength(2);
    const [tunnel, crime] = reading.reviews as [KnownReview, KnownReview];
    expect(tunnel).toMatchObject({ claim: 'The tunnel cost $2 billion.', rating: 'Mostly False', verdict: 'mostly-false', ratingValue: 2, bestRating: 5, reviewer: 'Fact Desk', datePublished: '2021-03-04', claimant: 'A. Mayor', appearances: ['https://news.example/1', 'https://news.example/2'], url: 'https://fc.example/a', origin: 'page', collectedFrom: 'https://fc.example/page' });
    // No url of its own: the page's; unknown label: kept as published, no verdict.
    expect(crime).toMatchObject({ url: 'https://fc.example/page', rating: 'Out of this world', verdict: null });
    expect(reading.skipped).toEqual([{ review: 3, reason: 'no claimReviewed: the claim it reviews is not given' }]);
    expect(reading.notes.map((n) => n.reason)).toContain('no author: the reviewer is not named');
  });

  test('microdata and JSON-LD of a page; a block that is not JSON is counted, the rest read', () => {
    const dom = new JSDOM(`<html><body>
      <script type="application/ld+json">{"@type": "ClaimReview", "claimReviewed": "broken</script>
      <div itemscope itemtype="https://schema.org/ClaimReview"><link itemprop="url" href="https://fc.example/m"><span itemprop="claimReviewed">Taxes rose 10 percent.</span>
        <div itemprop="reviewRating" itemscope itemtype="https://schema.org/Rating"><meta itemprop="ratingValue" content="-1"><span itemprop="alternateName">Half True</span></div>
        <div itemprop="author" itemscope itemtype="https://schema.org/Organization"><span itemprop="name">Checkers</span></div></div></body></html>`);
    const reading = readPageReviews(dom.window.document, 'https://fc.example/m', 'https://fc.example/m', NOW);
    expect(reading.badBlocks).toBe(1);
    expect(reading.reviews).toEqual([expect.objectContaining({ claim: 'Taxes rose 10 percent.', rating: 'Half True', verdict: 'mixed', reviewer: 'Checkers', url: 'https://fc.example/m' })]);
    expect(reading.reviews[0]?.ratingValue).toBeUndefined();
  });
});

describe('bulk import formats', () => {
  const lines = [
    JSON.stringify({ id: 'vclaim-pol-1', claim: 'Says the fleet grew 40%.', title: 'Fleet claim', rating: 'pants-fire', url: 'https://www.politifact.com/factchecks/2019/oct/30/x/', speaker: 'Joe Park', date: 'stated on October 22, 2019 in a speech:' }),
    '{not json',
    JSON.stringify({ claim: 'No url here.' }),
    JSON.stringify({ claim: 'Jobs fell.', rating: 'full-flop', url: 'https://fc.example/j' }),
  ].join('\n');

  test('JSON Lines like the PolitiFact file: fields mapped, bad lines reported by number', () => {
    const file = readReviewFile(lines, undefined, NOW);
    if (file.kind !== 'reviews') throw new Error('not read');
    expect(file.format).toBe('jsonl');
    expect(file.reading.reviews[0]).toMatchObject({ claim: 'Says the fleet grew 40%.', title: 'Fleet claim', rating: 'pants-fire', verdict: 'false', reviewer: 'politifact.com', claimant: 'Joe Park', claimDate: '2019-10-22' });
    expect(file.reading.reviews[1]).toMatchObject({ rating: 'full-flop', verdict: null });
    expect(file.reading.skipped).toEqual([{ review: 2, reason: 'not a JSON object' }, { review: 3, reason: 'no "url" of the fact-check' }]);
  });

  test('a DataFeed, a ClaimReview array, and a W3C export carrying knownClaims', () => {
    const item = { '@type': 'ClaimReview', url: 'https://fc.example/f', claimReviewed: 'Crime fell.', reviewRating: { alternateName: 'True' } };
    const feed = { '@context': 'https://schema.org', '@type': 'DataFeed', dataFeedElement: [{ '@type': 'DataFeedItem', item }] };
    expect(readReviewFile('', feed, NOW)).toMatchObject({ kind: 'reviews', format: 'datafeed', total: 1 });
    expect(readReviewFile('', [item, { ...item, url: 'https://fc.example/g' }], NOW)).toMatchObject({ kind: 'reviews', format: 'claimreview', total: 2 });
    expect(readReviewFile('', { type: 'AnnotationCollection', 'factmark:knownClaims': [item] }, NOW)).toMatchObject({ kind: 'reviews', total: 1 });
    expect(readReviewFile('', { type: 'AnnotationCollection', first: { items: [] } }, NOW)).toEqual({ kind: 'none' });
  });

  test('dates in words', () => {
    expect(dateIn('stated on March 3, 2020 in a tweet')).toBe('2020-03-03');
    expect(dateIn('no date')).toBe('');
  });
});

function review(claim: string, rating: string, url: string, extra: Partial<KnownReview> = {}): KnownReview {
  const file = readReviewFile(JSON.stringify({ claim, rating, url, reviewer: 'Fact Desk', datePublished: '2019-10-30' }), undefined, NOW);
  if (file.kind !== 'reviews') throw new Error('not read');
  return { ...(file.reading.reviews[0] as KnownReview), ...extra };
}

describe('storage and export of reviews', () => {
  test('merging: new, duplicate, updated, in the right shard', () => {
    const a = review('Crime fell 10 percent.', 'False', 'https://fc.example/a');
    const first = mergeReviews({}, [a]);
    expect(first).toMatchObject({ new: 1, updated: 0, duplicatesSkipped: 0 });
    expect(Object.keys(first.set)).toEqual([knownShardKey(a.id)]);
    expect(mergeReviews(first.set, [a])).toMatchObject({ new: 0, duplicatesSkipped: 1, set: {} });
    const changed = mergeReviews(first.set, [{ ...a, rating: 'Mostly False', verdict: 'mostly-false' }]);
    expect(changed).toMatchObject({ updated: 1 });
    expect(parseKnownShard(changed.set[knownShardKey(a.id)]).reviews.get(a.id)?.rating).toBe('Mostly False');
  });

  test('exported as ClaimReview and W3C, imported back the same', () => {
    const reviews = [review('Crime fell 10 percent.', 'False', 'https://fc.example/a', { claimant: 'A. Mayor', appearances: ['https://news.example/x'] }), review('Jobs doubled.', 'Half True', 'https://fc.example/b')];
    for (const format of ['claimreview', 'w3c'] as const) {
      const text = exportAs(format, [], { creator: { name: '', organisation: '' }, now: NOW }, reviews);
      const file = readReviewFile(text, JSON.parse(text), NOW);
      if (file.kind !== 'reviews') throw new Error(`${format}: not read back`);
      expect(file.reading.reviews).toHaveLength(2);
      for (const original of reviews) expect(sameReview(file.reading.reviews.find((r) => r.id === original.id) as KnownReview, original)).toBe(true);
    }
  });
});

describe('matching', () => {
  const reviews = [
    review("Springfield's bus fleet grew by 40 percent between 2015 and 2020, making it the largest in the state.", 'Pants on Fire', 'https://fc.example/bus'),
    review('Unemployment in Springfield fell to 3.1 percent last year, the lowest rate since 1969.', 'Mostly False', 'https://fc.example/jobs'),
    review('Mayor Ana Ruiz cut the police budget by $12 million in 2021.', 'Strange rating', 'https://fc.example/police', { collectedFrom: 'https://fc.example/police' }),
  ];
  const matcher = new KnownMatcher(reviews.map(reviewEntry));

  test('the same claim in other words is flagged, unrelated sentences are not, nor a fact-check on its own page', () => {
    const matches = matcher.match(
      [
        { id: 'bus', text: 'Council member Joe Park repeated that the bus fleet of Springfield grew 40 percent from 2015 to 2020, the largest fleet in the state.' },
        { id: 'weather', text: 'The weather was sunny on Tuesday and many residents went to the park.' },
        { id: 'police', text: 'Ruiz cut the police budget by 12 million dollars in 2021, critics say.' },
      ],
      DEFAULT_SETTINGS.knownThreshold,
      'https://fc.example/police',
    );
    expect(matches.bus?.[0]).toMatchObject({ url: 'https://fc.example/bus', verdict: 'false', rating: 'Pants on Fire' });
    expect(matches.bus?.[0]?.score).toBeGreaterThanOrEqual(DEFAULT_SETTINGS.knownThreshold);
    expect(matches.weather).toBeUndefined();
    expect(matches.police).toBeUndefined();
    expect(knownHeadline(matches.bus?.[0] as NonNullable<typeof matches.bus>[number])).toBe('Pants on Fire — Fact Desk, 2019-10-30');
  });

  test('adopting gives the verdict and adds the fact-check as a source once', () => {
    const match = { id: 'r', claim: 'Crime fell.', rating: 'False', verdict: 'false' as const, reviewer: 'Fact Desk', url: 'https://fc.example/a', date: '2019-10-30', score: 0.9, own: false };
    const edit = adoptEdit(null, match);
    expect(edit).toEqual({ verdict: 'false', sources: [{ url: 'https://fc.example/a', title: 'Fact-check: False', quote: 'Crime fell.', publisher: 'Fact Desk' }] });
    const annotation = { id: 'c1', origin: 'detected' as const, selector: { quote: { exact: 'x', prefix: '', suffix: '' }, position: { start: 0, end: 1 } }, verdict: null, note: '', sources: edit.sources ?? [], tags: [], createdAt: NOW, updatedAt: NOW };
    expect(adoptEdit(annotation, { ...match, verdict: null })).toEqual({});
  });

  test('ranking metrics', () => {
    expect(averagePrecisionAt5(['a', 'x', 'b'], new Set(['a', 'b']))).toBeCloseTo((1 + 2 / 3) / 2);
    expect(reciprocalRank(['x', 'y', 'a'], new Set(['a']))).toBeCloseTo(1 / 3);
    expect(rankingMetrics(new Map([['q', ['x', 'a']]]), new Map([['q', new Set(['a'])]]))).toEqual({ map5: 0.5, mrr: 0.5, p1: 0 });
  });
});

describe('factmark match', () => {
  const dir = mkdtempSync(join(tmpdir(), 'factmark-match-'));
  writeFileSync(join(dir, 'q.tsv'), 'q1\tThe bus fleet of Springfield grew 40 percent from 2015 to 2020.\nq2\tUnemployment dropped to 3.1 percent, the lowest since 1969.\n');
  writeFileSync(join(dir, 'c.jsonl'), [JSON.stringify({ id: 'bus', claim: "Springfield's bus fleet grew by 40 percent between 2015 and 2020." }), JSON.stringify({ id: 'jobs', claim: 'Unemployment fell to 3.1 percent, the lowest rate since 1969.' })].join('\n'));
  writeFileSync(join(dir, 'qrels.tsv'), 'q1\t0\tbus\t1\nq2\t0\tjobs\t1\n');

  async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await main(args, (text) => (out += text), (text) => (err += text));
    return { code, out, err };
  }

  test('prints exactly the documented JSON, with metrics only given judgements', async () => {
    const plain = await run(['match', join(dir, 'q.tsv'), join(dir, 'c.jsonl'), '--json']);
    expect(plain.code).toBe(0);
    const report = JSON.parse(plain.out);
    expect(Object.keys(report)).toEqual(['n', 'results']);
    expect(report.results[0]).toEqual({ id: 'q1', ranked: [expect.objectContaining({ claimId: 'bus' }), expect.objectContaining({ claimId: 'jobs' })] });
    const judged = JSON.parse((await run(['match', join(dir, 'q.tsv'), join(dir, 'c.jsonl'), '--qrels', join(dir, 'qrels.tsv'), '--json'])).out);
    expect(Object.keys(judged)).toEqual(['n', 'map5', 'mrr', 'p1', 'bm25', 'results']);
    expect(judged).toMatchObject({ n: 2, map5: 1, mrr: 1, p1: 1, bm25: { map5: 1, mrr: 1, p1: 1 } });
  });

  test('bad input gets one line and a non-zero exit', async () => {
    writeFileSync(join(dir, 'bad.jsonl'), '{"id": 1}\n');
    const bad = await run(['match', join(dir, 'q.tsv'), join(dir, 'bad.jsonl')]);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toMatch(/bad\.jsonl: line 1: needs "id" and "claim" strings/);
  });
});

test('settings: collecting on by default, the threshold kept within its range', () => {
  expect(parseSettings({})).toMatchObject({ collectFactChecks: true, knownThreshold: DEFAULT_SETTINGS.knownThreshold });
  expect(parseSettings({ collectFactChecks: false, knownThreshold: 0.95 })).toMatchObject({ collectFactChecks: false, knownThreshold: 0.95 });
  expect(parseSettings({ knownThreshold: 0.1 }).knownThreshold).toBe(DEFAULT_SETTINGS.knownThreshold);
});
