// The background's storage code against an in-memory storage.local (src/platform/browser is
// mocked): a v1 profile migrates on the first request, the library lists from the summary
// shards alone, every page write carries its summary in the same set, and a worker stopped
// between the two calls of a delete leaves nothing the library cannot repair.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PageRecord } from '../../src/core/model/annotation';
import { pageStorageKey } from '../../src/core/model/records';
import { selectorFor } from '../../src/core/model/selectors';
import { buildShards, parseShard, SHARD_KEYS, shardKeyOf } from '../../src/core/model/summaries';
import { FakeStorage, localStorageOver } from '../support/fake-storage';

const V1: Record<string, unknown> = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'storage-v1.json'), 'utf8'));
const TROOPS = 'https://news.example/world/russia-troops';
const CAFE = 'https://blog.example/2026/cafe-muller';

let storage = new FakeStorage();
const localStorage = localStorageOver(() => storage);
jest.mock('../../src/platform/browser', () => ({ localStorage }));

type Store = typeof import('../../src/background/store');
type Library = typeof import('../../src/background/library');
type Ready = typeof import('../../src/background/ready');

/** A fresh worker: new module instances, so nothing is remembered but what is in storage. */
async function startWorker(): Promise<Store & Library & Ready> {
  jest.resetModules();
  return { ...(await import('../../src/background/store')), ...(await import('../../src/background/library')), ...(await import('../../src/background/ready')) };
}

/** Every stored summary agrees with the records: the write path gives what a full rebuild gives. */
function expectSummariesMatchRecords(): void {
  const rebuilt = buildShards(storage.items).shards;
  for (const key of SHARD_KEYS) expect(parseShard(storage.items[key]).summaries).toEqual(parseShard(rebuilt[key]).summaries);
}

function titles(entries: Array<{ title: string }>): string[] {
  return entries.map((entry) => entry.title);
}

const page = { key: 'https://example.com/new', url: 'https://example.com/new', title: 'New page' };
const selector = selectorFor('A claim of 42 percent.', 0, 22);

beforeEach(() => {
  storage = new FakeStorage(V1);
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  jest.spyOn(console, 'info').mockImplementation(() => undefined);
});

afterEach(() => jest.restoreAllMocks());

test('a v1 profile is migrated on the first request; the list then reads the summary shards only', async () => {
  const worker = await startWorker();
  expect(titles(await worker.listLibrary())).toEqual(['Russia sends troops to Venezuela', 'Café Müller opens 40 shops', 'Budget deficit falls', '']);
  expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('page:https://broken.example/unreadable'));
  storage.log = [];
  const again = await (await startWorker()).listLibrary();
  expect(again).toHaveLength(4);
  expect(storage.log).toEqual([
    { op: 'get', keys: ['meta'] },
    { op: 'get', keys: [...SHARD_KEYS] },
  ]);
  expectSummariesMatchRecords();
});

test('a worker started by an update migrates at once; storage without meta waits for the first request', async () => {
  await (await startWorker()).migrateEarly();
  expect(storage.items.meta).toEqual({ schemaVersion: 2 });
  const { meta: _meta, ...seeded } = V1;
  storage = new FakeStorage(seeded);
  await (await startWorker()).migrateEarly();
  expect(storage.writes).toBe(0);
});

test('saving, deleting an annotation, restoring and importing write each record and its summary in one set', async () => {
  const worker = await startWorker();
  await worker.listLibrary();
  storage.log = [];
  await worker.saveAnnotation({ page, id: 'a', origin: 'user', selector, edit: { verdict: 'false' }, now: '2026-04-01T00:00:00.000Z' });
  await worker.saveAnnotation({ page, id: 'b', origin: 'user', selector, edit: { note: 'x' }, now: '2026-04-02T00:00:00.000Z' });
  await worker.deleteAnnotation(page.key, 'a', '2026-04-03T00:00:00.000Z');
  const writes = storage.log.filter((entry) => entry.op !== 'get');
  expect(writes).toEqual(Array(3).fill({ op: 'set', keys: [pageStorageKey(page.key), shardKeyOf(page.key)] }));
  expect((await worker.listLibrary())[0]).toMatchObject({ key: page.key, updatedAt: '2026-04-03T00:00:00.000Z', total: 1, counts: { unreviewed: 1 } });
  expectSummariesMatchRecords();

  const deleted = (await worker.deletePage(TROOPS)) as PageRecord;
  expect(titles(await worker.listLibrary())).not.toContain('Russia sends troops to Venezuela');
  storage.log = [];
  await worker.restorePage(deleted);
  expect(storage.log.filter((entry) => entry.op !== 'get')).toEqual([{ op: 'set', keys: [pageStorageKey(TROOPS), shardKeyOf(TROOPS)] }]);
  expect(JSON.stringify(storage.items[pageStorageKey(TROOPS)])).toBe(JSON.stringify(V1[pageStorageKey(TROOPS)]));
  expectSummariesMatchRecords();

  storage.log = [];
  const imported: PageRecord = { ...page, key: 'https://example.com/imported', url: 'https://example.com/imported', annotations: {}, updatedAt: '2026-05-01T00:00:00.000Z' };
  await worker.replaceRecordsAtomically(() => ({ records: [imported], result: null }));
  expect(storage.log.filter((entry) => entry.op !== 'get')).toEqual([{ op: 'set', keys: [pageStorageKey(imported.key), shardKeyOf(imported.key)] }]);
  expectSummariesMatchRecords();
});

test('a worker stopped between removing a record and its summary: the library drops and repairs the summary', async () => {
  let worker = await startWorker();
  await worker.listLibrary();
  storage.stopAfter = storage.writes + 1; // the record's removal goes through, the summary's update does not
  await expect(worker.deletePage(CAFE)).rejects.toThrow('worker stopped');
  expect(storage.items[pageStorageKey(CAFE)]).toBeUndefined();
  storage.stopAfter = Number.POSITIVE_INFINITY;

  worker = await startWorker();
  // The list comes from the summaries, so the page still shows until its text is loaded …
  expect(titles(await worker.listLibrary())).toContain('Café Müller opens 40 shops');
  // … which finds no record: the page is reported missing and its summary dropped.
  // Batches of the full-text load read records only; the library then asks again with a check.
  storage.log = [];
  expect((await worker.searchIndex([TROOPS, CAFE], false)).missing).toEqual([CAFE]);
  expect(storage.log).toEqual([{ op: 'get', keys: [pageStorageKey(TROOPS), pageStorageKey(CAFE)] }]);
  expect(titles(await worker.listLibrary())).toContain('Café Müller opens 40 shops');
  const batch = await worker.searchIndex([TROOPS, CAFE], true);
  expect(batch.missing).toEqual([CAFE]);
  expect(batch.pages.map((p) => p.entry.key)).toEqual([TROOPS]);
  expect(titles(await worker.listLibrary())).not.toContain('Café Müller opens 40 shops');
  expectSummariesMatchRecords();
});

test('a record written behind the background’s back gets its summary when the library reads it', async () => {
  const worker = await startWorker();
  await worker.listLibrary();
  const record: PageRecord = { ...page, annotations: { a: { id: 'a', origin: 'user', selector, verdict: 'true', note: '', sources: [], tags: [], createdAt: '', updatedAt: '' } }, updatedAt: '2026-06-01T00:00:00.000Z' };
  storage.items[pageStorageKey(page.key)] = record;
  storage.items[pageStorageKey(TROOPS)] = { ...(V1[pageStorageKey(TROOPS)] as object), title: 'Edited elsewhere' };
  const batch = await worker.searchIndex([page.key, TROOPS], true);
  expect(batch.pages.map((p) => p.entry.title)).toEqual(['New page', 'Edited elsewhere']);
  expect(titles(await worker.listLibrary()).slice(0, 2)).toEqual(['New page', 'Edited elsewhere']);
  expectSummariesMatchRecords();
});

test('unreadable records are reported and skipped; unreadable ones are never deleted', async () => {
  const worker = await startWorker();
  const broken = 'https://broken.example/unreadable';
  expect(await worker.searchIndex([broken], true)).toEqual({ pages: [], missing: [], unreadable: [broken] });
  await expect(worker.deletePage(broken)).rejects.toThrow('unreadable and was not deleted');
  expect(storage.items[pageStorageKey(broken)]).toEqual(V1[pageStorageKey(broken)]);
});
