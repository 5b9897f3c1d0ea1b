// Schema migrations, from a stored fixture of the version 1 shape (tests/fixtures/storage-v1.json),
// and the runner's crash-safety: a worker stopped between any two storage calls, any number of
// times, ends with the same storage as an uninterrupted run and never a half-written one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildLibrarySummaries } from '../../src/core/model/migrations/build-library-summaries';
import { MIGRATIONS, migrationsFrom } from '../../src/core/model/migrations/index';
import { migrateStorage } from '../../src/core/model/migrations/runner';
import { META_KEY, SCHEMA_VERSION, type Migration } from '../../src/core/model/schema';
import { parseShard, SHARD_COUNT, SHARD_KEYS, shardKeyOf } from '../../src/core/model/summaries';
import { FakeStorage, WorkerStopped } from '../support/fake-storage';

const V1: Record<string, unknown> = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'storage-v1.json'), 'utf8'));
const UNREADABLE = 'page:https://broken.example/unreadable';
const TROOPS = 'https://news.example/world/russia-troops';

function pageItems(items: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(items).filter(([key]) => key.startsWith('page:')));
}

function summaryOf(items: Record<string, unknown>, key: string) {
  return parseShard(items[shardKeyOf(key)]).summaries.get(key);
}

async function migrated(initial: Record<string, unknown>): Promise<Record<string, unknown>> {
  const storage = new FakeStorage(initial);
  await migrateStorage(storage);
  return storage.items;
}

describe('v1 → v2: build-library-summaries', () => {
  test('is the one migration, named, from 1 to 2', () => {
    expect(SCHEMA_VERSION).toBe(2);
    expect(migrationsFrom(1).map((m) => m.name)).toEqual(['build-library-summaries']);
    expect(migrationsFrom(2)).toEqual([]);
    expect(MIGRATIONS.map((m) => [m.from, m.to])).toEqual([[1, 2]]);
  });

  test('summarises every readable page into its shard, writes every shard, and touches no record', () => {
    const result = buildLibrarySummaries.migrate(V1);
    expect(Object.keys(result.set).sort()).toEqual([...SHARD_KEYS].sort());
    expect(Object.keys(result.set)).toHaveLength(SHARD_COUNT);
    expect(result.remove).toEqual([]);
    expect(summaryOf(result.set, TROOPS)).toEqual({
      url: TROOPS,
      title: 'Russia sends troops to Venezuela',
      site: 'news.example',
      updatedAt: '2026-03-03T10:00:00.000Z',
      // The unreadable annotation "broken" is not counted, as the library never showed it.
      total: 2,
      counts: { false: 1, unreviewed: 1 },
    });
    expect(summaryOf(result.set, 'https://gazette.example/budget')).toMatchObject({ total: 2, counts: { mixed: 2 } });
    expect(summaryOf(result.set, 'https://keep.example.com/a')).toMatchObject({ title: '', total: 0, counts: {} });
    const all = Object.values(result.set).flatMap((shard) => [...parseShard(shard).summaries.keys()]);
    expect(all.sort()).toEqual(['https://blog.example/2026/cafe-muller', 'https://gazette.example/budget', 'https://keep.example.com/a', TROOPS]);
  });

  test('skips and reports an unreadable record instead of failing, and leaves it stored', async () => {
    expect(buildLibrarySummaries.migrate(V1).unreadable).toEqual([UNREADABLE]);
    const storage = new FakeStorage(V1);
    const report = await migrateStorage(storage);
    expect(report).toEqual({ from: 1, to: 2, ran: ['build-library-summaries'], unreadable: [UNREADABLE], newer: false });
    expect(storage.items[UNREADABLE]).toEqual(V1[UNREADABLE]);
  });

  test('a full run: records and settings byte for byte, shards added, meta says 2, in one write', async () => {
    const storage = new FakeStorage(V1);
    await migrateStorage(storage);
    expect(storage.writes).toBe(1);
    expect(JSON.stringify(pageItems(storage.items))).toBe(JSON.stringify(pageItems(V1)));
    expect(storage.items.settings).toEqual(V1.settings);
    expect(storage.items[META_KEY]).toEqual({ schemaVersion: 2 });
    for (const key of SHARD_KEYS) expect(storage.items[key]).toBeDefined();
  });

  test('running it again, or on its own output, changes nothing', async () => {
    const once = await migrated(V1);
    const storage = new FakeStorage(once);
    await migrateStorage(storage);
    expect(storage.writes).toBe(0);
    const again = buildLibrarySummaries.migrate(once);
    expect(again.remove).toEqual([]);
    for (const key of SHARD_KEYS) expect(again.set[key]).toEqual(once[key]);
  });

  test('storage without a meta record is taken as version 1 (records seeded by hand)', async () => {
    const { [META_KEY]: _meta, ...noMeta } = V1;
    expect(await migrated(noMeta)).toEqual(await migrated(V1));
    // A fresh install: just the empty shards and the version.
    const fresh = await migrated({});
    expect(Object.keys(fresh).sort()).toEqual([META_KEY, ...SHARD_KEYS].sort());
  });

  test('storage from a newer build is left alone', async () => {
    const newer = { ...V1, [META_KEY]: { schemaVersion: 9 } };
    const storage = new FakeStorage(newer);
    expect((await migrateStorage(storage)).newer).toBe(true);
    expect(storage.writes).toBe(0);
  });

  test('a gap in the migrations is an error, not a silent skip', () => {
    expect(() => migrationsFrom(0)).toThrow('No migration from schema version 0.');
  });
});

describe('crash-safety of the runner', () => {
  // A stray shard key (say from a build with more shards) makes the migration remove a key too.
  const WITH_STRAY = { ...V1, 'library:legacy': { [TROOPS]: { stale: true } } };

  /** Every way a run can be stopped: after 0, 1, 2 … writes, then maybe again on the rerun. */
  async function stoppedRuns(initial: Record<string, unknown>, check: (items: Record<string, unknown>) => void) {
    const clean = new FakeStorage(initial);
    await migrateStorage(clean);
    const total = clean.writes;
    expect(total).toBeGreaterThan(0);
    for (let first = 0; first < total; first++) {
      for (let second = 0; second <= total; second++) {
        const storage = new FakeStorage(initial);
        storage.stopAfter = first;
        await expect(migrateStorage(storage)).rejects.toBeInstanceOf(WorkerStopped);
        check(storage.items);
        storage.writes = 0;
        storage.stopAfter = second;
        await migrateStorage(storage).catch((error: unknown) => {
          if (!(error instanceof WorkerStopped)) throw error;
        });
        check(storage.items);
        storage.stopAfter = Number.POSITIVE_INFINITY;
        await migrateStorage(storage);
        expect(storage.items).toEqual(clean.items);
      }
    }
    return clean.items;
  }

  /** Never half-written: the records as they were, and either the old shape or the complete new one. */
  function wholeShape(initial: Record<string, unknown>, done: Record<string, unknown>) {
    return (items: Record<string, unknown>) => {
      expect(pageItems(items)).toEqual(pageItems(initial));
      expect(items.settings).toEqual(initial.settings);
      const version = (items[META_KEY] as { schemaVersion: number }).schemaVersion;
      if (version === 1) {
        expect(items).toEqual(initial);
      } else {
        expect(version).toBe(2);
        for (const key of SHARD_KEYS) expect(items[key]).toEqual(done[key]);
      }
    };
  }

  test('stopped between any two calls, any number of times, it ends as an uninterrupted run would', async () => {
    const done = await migrated(V1);
    await stoppedRuns(V1, wholeShape(V1, done));
  });

  test('obsolete keys are removed after the new shape is written, and the removal survives a stop', async () => {
    const done = await migrated(WITH_STRAY);
    expect(done['library:legacy']).toBeUndefined();
    expect(done[META_KEY]).toEqual({ schemaVersion: 2 });
    const clean = new FakeStorage(WITH_STRAY);
    await migrateStorage(clean);
    expect(clean.writes).toBe(3); // shards + meta (with the pending removal) | remove | meta
    await stoppedRuns(WITH_STRAY, (items) => {
      const meta = items[META_KEY] as { schemaVersion: number; pendingRemove?: string[] };
      expect(pageItems(items)).toEqual(pageItems(WITH_STRAY));
      if (meta.schemaVersion === 1) {
        expect(items).toEqual(WITH_STRAY);
      } else {
        for (const key of SHARD_KEYS) expect(items[key]).toEqual(done[key]);
        // Still there only while the stored meta lists it for removal, so a restart removes it.
        if ('library:legacy' in items) expect(meta.pendingRemove).toEqual(['library:legacy']);
      }
    });
  });

  test('each step of a multi-step chain is written with its own version', async () => {
    const addB: Migration = { name: 'add-b', from: 2, to: 3, migrate: () => ({ set: { b: 1 }, remove: [], unreadable: [] }) };
    const dropB: Migration = { name: 'drop-b', from: 3, to: 4, migrate: (items) => ({ set: { c: items.b }, remove: ['b'], unreadable: [] }) };
    const chain = [...MIGRATIONS, addB, dropB];
    const storage = new FakeStorage(V1);
    storage.stopAfter = 2; // after v2 and v3 are stored
    await expect(migrateStorage(storage, chain, 4)).rejects.toBeInstanceOf(WorkerStopped);
    expect(storage.items[META_KEY]).toEqual({ schemaVersion: 3 });
    storage.stopAfter = Number.POSITIVE_INFINITY;
    const report = await migrateStorage(storage, chain, 4);
    expect(report.ran).toEqual(['drop-b']);
    expect(storage.items).toMatchObject({ c: 1, [META_KEY]: { schemaVersion: 4 } });
    expect('b' in storage.items).toBe(false);
  });
});
