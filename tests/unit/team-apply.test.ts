// Applying synced documents to the library at scale: a window of changes rewrites each summary
// shard once (per-batch rewrites of ever-growing shards made a first sync quadratic), and a
// worker stopped between the window's writes resumes to the same library.
import { alreadyApplied, applyLocalChanges, CHANGES_PER_WINDOW, groupByShard, PAGES_PER_WRITE } from '../../src/background/sync/apply';
import type { OpenTeam, SyncContext } from '../../src/background/sync/context';
import type { TeamSession } from '../../src/background/sync/session';
import { WriteQueue } from '../../src/background/write-queue';
import { pageStorageKey, parsePageRecord } from '../../src/core/model/records';
import { parseShard, shardKeyOf, shardOf, SHARD_KEYS } from '../../src/core/model/summaries';
import { annotationBody, childRev, contentHash, docId } from '../../src/core/sync/docs';
import { parseTeam, TEAM_KEY } from '../../src/core/sync/team';
import { seedPage } from '../../bench/seed-library';
import { FakeStorage, WorkerStopped } from '../support/fake-storage';
import { nodeDbs } from '../support/node-pouch';

const PAGES = 400;
const PER_PAGE = 10;

/** A local database holding a teammate's library: PAGES pages of PER_PAGE annotations, one document each. */
async function teamDatabase(name: string) {
  const db = nodeDbs.local(`${name}-${Date.now()}-${Math.random()}`);
  const docs = [];
  for (let index = 0; index < PAGES; index++) {
    const record = seedPage(index, PER_PAGE);
    for (const annotation of Object.values(record.annotations)) {
      const id = docId(record.key, annotation.id);
      const { rev, hash } = childRev(id, null, contentHash(annotation), 'alice');
      docs.push({ ...annotationBody(record, annotation, 'alice', '2026-01-01T00:00:00.000Z'), _id: id, _rev: rev, _revisions: { start: 1, ids: [hash] } });
    }
  }
  await db.bulkDocs(docs, { new_edits: false });
  return db;
}

function joined(storage: FakeStorage, local: OpenTeam['local']): { ctx: SyncContext; team: OpenTeam } {
  const ctx: SyncContext = { storage, queue: new WriteQueue(), dbs: nodeDbs, fetch: () => Promise.reject(new Error('offline')), now: () => '2026-01-02T00:00:00.000Z' };
  const config = parseTeam(storage.items[TEAM_KEY]);
  if (!config) throw new Error('no team');
  return { ctx, team: { config, local, remote: local, session: {} as TeamSession, bytes: { count: 0 } } };
}

const TEAM = { serverUrl: 'http://127.0.0.1:5984', database: 'desk', userName: 'bob', joinedAt: '', appliedSeq: 0 };

test('a first sync writes every summary shard once per window of changes, and every page arrives', async () => {
  expect(PAGES * PER_PAGE).toBeLessThanOrEqual(CHANGES_PER_WINDOW);
  expect(PAGES).toBeGreaterThan(PAGES_PER_WRITE);
  const db = await teamDatabase('apply-once');
  const storage = new FakeStorage({ [TEAM_KEY]: TEAM });
  const { ctx, team } = joined(storage, db);
  expect(await applyLocalChanges(ctx, team)).toBe(PAGES);
  const shardWrites = new Map<string, number>();
  for (const entry of storage.log) if (entry.op === 'set') for (const key of entry.keys ?? []) if (key.startsWith('library:')) shardWrites.set(key, (shardWrites.get(key) ?? 0) + 1);
  expect(Math.max(...shardWrites.values())).toBe(1);
  let listed = 0;
  for (const key of SHARD_KEYS) listed += parseShard(storage.items[key]).summaries.size;
  expect(listed).toBe(PAGES);
  const record = parsePageRecord(storage.items[pageStorageKey(seedPage(7, PER_PAGE).key)])?.record;
  expect(Object.keys(record?.annotations ?? {})).toHaveLength(PER_PAGE);
  expect(parseShard(storage.items[shardKeyOf(seedPage(7, PER_PAGE).key)]).summaries.get(seedPage(7, PER_PAGE).key)?.total).toBe(PER_PAGE);
  expect(parseTeam(storage.items[TEAM_KEY])?.appliedSeq).not.toBe(0);
  await db.destroy();
}, 60_000);

test('a worker stopped between the writes of a window repeats it on the next run and ends with the same library', async () => {
  const db = await teamDatabase('apply-stop');
  const whole = new FakeStorage({ [TEAM_KEY]: TEAM });
  const first = joined(whole, db);
  await applyLocalChanges(first.ctx, first.team);

  const stopped = new FakeStorage({ [TEAM_KEY]: TEAM });
  stopped.stopAfter = 1;
  const run = joined(stopped, db);
  await expect(applyLocalChanges(run.ctx, run.team)).rejects.toBeInstanceOf(WorkerStopped);
  // Some pages are in, the sequence has not moved.
  expect(parseTeam(stopped.items[TEAM_KEY])?.appliedSeq).toBe(0);
  expect(Object.keys(stopped.items).some((key) => key.startsWith('page:'))).toBe(true);
  stopped.stopAfter = Number.POSITIVE_INFINITY;
  const again = joined(stopped, db);
  await applyLocalChanges(again.ctx, again.team);
  expect(stopped.items).toEqual(whole.items);
  await db.destroy();
}, 60_000);

test('write groups hold whole shards, in shard order, and every page once', () => {
  const keys = Array.from({ length: 1_000 }, (_, i) => `https://news.example/${i}`);
  const groups = groupByShard(keys, 100);
  expect(groups.flat().sort()).toEqual([...keys].sort());
  const shardsOf = groups.map((group) => new Set(group.map(shardOf)));
  for (let i = 1; i < shardsOf.length; i++) expect(Math.min(...(shardsOf[i] ?? []))).toBeGreaterThan(Math.max(...(shardsOf[i - 1] ?? [])));
  expect(groupByShard([], 100)).toEqual([[]]);
});

test('a page needs no record read only when every change is the revision its copy came from, without conflicts', () => {
  const record = seedPage(3, 2);
  const [first, second] = Object.values(record.annotations);
  if (!first || !second) throw new Error('seed');
  const winner = (annotation: typeof first, rev: string) => ({ deleted: false as const, rev, page: { key: record.key, url: record.url, title: record.title }, annotation, author: 'alice', editedAt: '' });
  const revs = { [first.id]: { rev: '1-a', hash: contentHash(first) }, [second.id]: { rev: '2-b', hash: contentHash(second) } };
  const own = [
    { annotationId: first.id, winner: winner(first, '1-a'), versions: 1 },
    { annotationId: second.id, winner: winner(second, '2-b'), versions: 1 },
  ];
  expect(alreadyApplied(own, revs, undefined)).toBe(true);
  expect(alreadyApplied(own, revs, {})).toBe(true);
  // A newer revision, a conflict, a page with a conflict, an annotation this profile never had.
  expect(alreadyApplied([{ ...own[0]!, winner: winner(first, '2-c') }], revs, undefined)).toBe(false);
  expect(alreadyApplied([{ ...own[0]!, versions: 2 }], revs, undefined)).toBe(false);
  expect(alreadyApplied(own, revs, { [first.id]: 2 })).toBe(false);
  expect(alreadyApplied(own, {}, undefined)).toBe(false);
});
