import { indexBatch, textBatches } from '../../src/core/library/index-batch';
import { LibrarySearchIndex, summaryPage, indexPage } from '../../src/core/library/search';
import type { Annotation, PageRecord } from '../../src/core/model/annotation';
import { libraryEntry, pageSummary, parsePageSummary, sameSummary } from '../../src/core/model/library';
import { pageStorageKey } from '../../src/core/model/records';
import { selectorFor } from '../../src/core/model/selectors';
import { pageChanges, parseShard, repairedShards, SHARD_COUNT, SHARD_KEYS, shardKeyOf, shardOf, storedShard } from '../../src/core/model/summaries';
import { seedLibraryItems } from '../../bench/seed-library';
import { buildLibrarySummaries } from '../../src/core/model/migrations/build-library-summaries';

function annotation(id: string, text: string, verdict: Annotation['verdict']): Annotation {
  return { id, origin: 'detected', selector: selectorFor(text, 0, text.length), verdict, note: `note ${id}`, sources: [], tags: ['tagged'], createdAt: '', updatedAt: '' };
}

function record(key: string, updatedAt: string, annotations: Annotation[]): PageRecord {
  return { key, url: key, title: `Title of ${key}`, updatedAt, annotations: Object.fromEntries(annotations.map((a) => [a.id, a])) };
}

const A = record('https://a.example/1', '2026-01-01T00:00:00.000Z', [annotation('x', 'Prices rose by zeppelin percent.', 'false'), annotation('y', 'Second claim.', null)]);
const B = record('https://b.example/2', '2026-01-02T00:00:00.000Z', [annotation('z', 'Another claim.', 'true')]);

describe('shards', () => {
  test('a page always lands in the same shard: the hash is pinned (changing it needs a migration)', () => {
    expect(SHARD_KEYS).toHaveLength(SHARD_COUNT);
    expect(SHARD_KEYS[0]).toBe('library:00');
    expect(SHARD_KEYS[63]).toBe('library:63');
    expect(shardOf('https://news.example/world/russia-troops')).toBe(shardOf('https://news.example/world/russia-troops'));
    expect(['https://a.example/1', 'https://b.example/2', '', 'ü'].map(shardOf)).toEqual([21, 13, 5, 59]);
  });

  test('keys spread over the shards', () => {
    const counts = new Array<number>(SHARD_COUNT).fill(0);
    for (let i = 0; i < 10_000; i++) counts[shardOf(`https://news.example/2026/story-${i}`)]!++;
    expect(Math.min(...counts)).toBeGreaterThan(100);
    expect(Math.max(...counts)).toBeLessThan(220);
  });

  test('are read leniently, and a key like __proto__ is plain data', () => {
    const good = pageSummary(A);
    const raw = JSON.parse(`{"__proto__": ${JSON.stringify(good)}, "ok": ${JSON.stringify(good)}, "bad": {"url": 1}}`);
    const { summaries, rejected } = parseShard(raw);
    expect([...summaries.keys()].sort()).toEqual(['__proto__', 'ok']);
    expect(rejected).toEqual(['bad']);
    expect(Object.keys(storedShard(summaries)).sort()).toEqual(['__proto__', 'ok']);
    expect(parseShard('garbage').summaries.size).toBe(0);
    expect(parsePageSummary({ ...good, counts: { nonsense: 1 } })).toBeNull();
  });

  test('summaries compare by content, whatever the key order of the counts', () => {
    const summary = pageSummary(A);
    expect(sameSummary(summary, { ...summary, counts: { unreviewed: 1, false: 1 } })).toBe(true);
    expect(sameSummary(summary, { ...summary, counts: { false: 2 } })).toBe(false);
    expect(sameSummary(summary, libraryEntry(A))).toBe(true);
  });
});

describe('page writes', () => {
  test('a record and its summary go into one set; other summaries in the shard are kept', () => {
    const other = 'https://other.example/same-shard';
    const current = { [shardKeyOf(A.key)]: storedShard(new Map([[other, pageSummary(B)]])) };
    const changes = pageChanges(current, [A]);
    expect(changes.remove).toEqual([]);
    expect(Object.keys(changes.set)).toEqual([pageStorageKey(A.key), shardKeyOf(A.key)]);
    const shard = parseShard(changes.set[shardKeyOf(A.key)]).summaries;
    expect(shard.get(A.key)).toEqual(pageSummary(A));
    expect(shard.get(other)).toEqual(pageSummary(B));
  });

  test('dropping a page removes its record key and its summary', () => {
    const current = pageChanges({}, [A]).set;
    const changes = pageChanges(current, [], [A.key]);
    expect(changes.remove).toEqual([pageStorageKey(A.key)]);
    expect(parseShard(changes.set[shardKeyOf(A.key)]).summaries.has(A.key)).toBe(false);
  });

  test('repair: a missing record drops its summary, a changed one rewrites it, agreement and unreadable records write nothing', () => {
    const stored = { ...pageChanges({}, [A]).set, ...pageChanges({}, [B]).set };
    expect(repairedShards([A.key, B.key], stored)).toEqual({});
    const edited = { ...A, title: 'Edited' };
    const fix = repairedShards([A.key], { ...stored, [pageStorageKey(A.key)]: edited });
    expect(parseShard(fix[shardKeyOf(A.key)]).summaries.get(A.key)?.title).toBe('Edited');
    const gone = { ...stored };
    delete gone[pageStorageKey(B.key)];
    expect(parseShard(repairedShards([B.key], gone)[shardKeyOf(B.key)]).summaries.has(B.key)).toBe(false);
    expect(repairedShards([A.key], { ...stored, [pageStorageKey(A.key)]: 'unreadable' })).toEqual({});
  });
});

describe('search batches', () => {
  test('the record is the truth: pages, missing and unreadable keys, and summaries to repair', () => {
    const stored: Record<string, unknown> = { ...pageChanges({}, [A]).set, ...pageChanges({}, [B]).set };
    stored[pageStorageKey(B.key)] = { ...B, title: 'Changed' };
    stored[pageStorageKey('https://c.example/')] = { title: 'no key' };
    const batch = indexBatch([A.key, B.key, 'https://gone.example/', 'https://c.example/'], stored);
    expect(batch.pages.map((page) => [page.entry.key, page.entry.title])).toEqual([
      [A.key, A.title],
      [B.key, 'Changed'],
    ]);
    expect(batch.missing).toEqual(['https://gone.example/']);
    expect(batch.unreadable).toEqual(['https://c.example/']);
    expect(batch.stale).toEqual([B.key]);
  });

  test('batches keep the list order (newest first) and every key once', () => {
    const keys = Array.from({ length: 1_100 }, (_, i) => `https://news.example/story-${i}`);
    const batches = textBatches(keys, 500);
    expect(batches.map((batch) => batch.length)).toEqual([500, 500, 100]);
    expect(batches.flat()).toEqual(keys);
  });
});

describe('a library known from its summaries first', () => {
  test('partial pages match by title and address, and gain the full text when their record arrives', () => {
    const index = new LibrarySearchIndex();
    index.replaceAll([A, B].map((r) => summaryPage(libraryEntry(r))));
    expect(index.partialCount).toBe(2);
    expect(index.search('title a.example').map((e) => e.key)).toEqual([A.key]);
    expect(index.search('zeppelin')).toEqual([]);
    index.upsertMany([indexPage(A)]);
    expect(index.partialCount).toBe(1);
    expect(index.search('zeppelin').map((e) => e.key)).toEqual([A.key]);
    expect(index.search('').map((e) => e.key)).toEqual([B.key, A.key]);
    index.remove(B.key);
    expect(index.partialCount).toBe(0);
    expect(index.size).toBe(1);
  });
});

describe('the bench seed', () => {
  test('builds the current format: what the migration would build from the same records', () => {
    const items = seedLibraryItems({ pages: 40, annotationsPerPage: 5 });
    const pages = Object.keys(items).filter((key) => key.startsWith('page:'));
    expect(pages).toHaveLength(40);
    expect(items.meta).toEqual({ schemaVersion: 2 });
    const rebuilt = buildLibrarySummaries.migrate(items);
    expect(rebuilt.unreadable).toEqual([]);
    for (const key of SHARD_KEYS) expect(items[key]).toEqual(rebuilt.set[key]);
    const totals = Object.values(rebuilt.set).flatMap((shard) => [...parseShard(shard).summaries.values()].map((s) => s.total));
    expect(totals).toEqual(Array(40).fill(5));
    expect(seedLibraryItems({ pages: 3, annotationsPerPage: 2 })).toEqual(seedLibraryItems({ pages: 3, annotationsPerPage: 2 }));
  });
});
