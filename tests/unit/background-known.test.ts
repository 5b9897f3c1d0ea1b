// The background's known-claim matching against an in-memory storage.local (src/platform/browser
// is mocked, change events included) and an in-memory stand-in for the IndexedDB index cache:
// whatever feeds the answers (the reader's name, the threshold, the stored verdicts and
// fact-checks) changing must show in the next answer, without waiting for a worker restart.
import type { KnownIndexData } from '../../src/core/known/matcher';
import { selectorFor } from '../../src/core/model/selectors';
import { FakeStorage, localStorageOver } from '../support/fake-storage';

let storage = new FakeStorage();
const localStorage = localStorageOver(() => storage);
jest.mock('../../src/platform/browser', () => ({ localStorage }));

/** The IndexedDB record of background/index-cache.ts, kept across "restarts" as the browser keeps it. */
const indexCache: { stored: { fingerprint: string; data: KnownIndexData } | null; loads: number; stores: number } = { stored: null, loads: 0, stores: 0 };
jest.mock('../../src/background/index-cache', () => ({
  loadStoredIndex: async (fingerprint: string) => {
    indexCache.loads++;
    return indexCache.stored?.fingerprint === fingerprint ? indexCache.stored.data : null;
  },
  storeIndex: async (fingerprint: string, data: KnownIndexData) => {
    indexCache.stores++;
    indexCache.stored = { fingerprint, data };
  },
  clearStoredIndex: async () => {
    indexCache.stored = null;
  },
}));

type Worker = typeof import('../../src/background/known') & typeof import('../../src/background/store') & typeof import('../../src/background/imports');

/** A fresh worker: new module instances, so nothing is remembered but what is in storage (and the index cache). */
async function startWorker(): Promise<Worker> {
  jest.resetModules();
  return { ...(await import('../../src/background/known')), ...(await import('../../src/background/store')), ...(await import('../../src/background/imports')) };
}

const CLAIM = 'The city bus fleet grew by 40 percent under Mayor Ruiz last year.';
const OTHER_CLAIMS = [
  'Unemployment in Springfield fell to its lowest rate since 1969.',
  'The police budget was cut by $12 million to hire more teachers.',
  'Coal plants closed across the state while emissions doubled.',
  'Medicare for all would double taxes on the middle class.',
];
const SOURCE_PAGE = { key: 'https://news.example/buses', url: 'https://news.example/buses', title: 'Buses' };
const READING_PAGE = 'https://other.example/opinion';
const FACT_CHECKS = OTHER_CLAIMS.map((claim, i) => JSON.stringify({ id: `fc-${i}`, claim, rating: 'false', url: `https://fc.example/${i}` })).join('\n');

/** The reader's verdict on CLAIM, given on SOURCE_PAGE. */
async function giveVerdict(worker: Worker, verdict: 'false' | 'true' | null): Promise<void> {
  await worker.saveAnnotation({ page: SOURCE_PAGE, id: 'c1', origin: 'user', selector: selectorFor(CLAIM, 0, CLAIM.length), edit: { verdict }, now: '2026-11-30T10:00:00.000Z' });
}

/** The background's answer for CLAIM and OTHER_CLAIMS[0] read on another page, once the writes so far have been heard of. */
async function answer(worker: Worker): Promise<Record<string, Array<{ reviewer: string; verdict: string | null; own: boolean }>>> {
  await localStorage.changesDelivered();
  return worker.matchKnown(READING_PAGE, [
    { id: 'own', text: CLAIM },
    { id: 'reviewed', text: OTHER_CLAIMS[0] as string },
  ]);
}

beforeEach(() => {
  storage = new FakeStorage();
  indexCache.stored = null;
  indexCache.loads = 0;
  indexCache.stores = 0;
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  jest.spyOn(console, 'info').mockImplementation(() => undefined);
});

afterEach(() => jest.restoreAllMocks());

describe('the index follows what it is built from', () => {
  test('the reader’s own verdicts are credited to the reviewer name or organisation set now, not the one set when the index was built', async () => {
    const worker = await startWorker();
    await worker.updateSettings({ reviewerName: 'Ana Reyes' });
    await giveVerdict(worker, 'false');
    expect((await answer(worker)).own?.[0]).toMatchObject({ reviewer: 'Ana Reyes', verdict: 'false', own: true });

    await worker.updateSettings({ organisation: 'Springfield Fact Desk' });
    expect((await answer(worker)).own?.[0]).toMatchObject({ reviewer: 'Springfield Fact Desk', own: true });
    await worker.updateSettings({ organisation: '', reviewerName: '' });
    expect((await answer(worker)).own?.[0]).toMatchObject({ reviewer: 'You', own: true });
  });

  test('a changed flag threshold applies to the next request', async () => {
    const worker = await startWorker();
    await worker.updateSettings({ reviewerName: 'Ana Reyes' });
    await giveVerdict(worker, 'false');
    const score = (await answer(worker)).own?.[0] as unknown as { score: number };
    expect(score.score).toBeGreaterThan(0.5);
    await worker.updateSettings({ knownThreshold: Math.min(1, score.score + 0.001) });
    expect((await answer(worker)).own).toBeUndefined();
    await worker.updateSettings({ knownThreshold: 0.5 });
    expect((await answer(worker)).own).toHaveLength(1);
  });

  test('a verdict changed, taken back or deleted with its page shows in the next answer', async () => {
    const worker = await startWorker();
    await giveVerdict(worker, 'false');
    expect((await answer(worker)).own?.[0]).toMatchObject({ verdict: 'false' });
    await giveVerdict(worker, 'true');
    expect((await answer(worker)).own?.[0]).toMatchObject({ verdict: 'true' });
    await giveVerdict(worker, null);
    expect((await answer(worker)).own).toBeUndefined();
    await giveVerdict(worker, 'false');
    expect((await answer(worker)).own).toHaveLength(1);
    await worker.deletePage(SOURCE_PAGE.key);
    expect((await answer(worker)).own).toBeUndefined();
  });

  test('fact-checks imported, then all removed, show in the next answer; a restarted worker reuses the stored index only for the same claims', async () => {
    const worker = await startWorker();
    await giveVerdict(worker, 'false');
    expect((await answer(worker)).reviewed).toBeUndefined();
    const imported = await worker.commitImport(FACT_CHECKS);
    expect(imported.reviews?.new).toBe(OTHER_CLAIMS.length);
    expect((await answer(worker)).reviewed?.[0]).toMatchObject({ verdict: 'false', own: false });

    const restarted = await startWorker();
    const loadsBefore = indexCache.loads;
    const storesBefore = indexCache.stores;
    expect((await answer(restarted)).reviewed?.[0]).toMatchObject({ verdict: 'false' });
    expect(indexCache.loads).toBe(loadsBefore + 1);
    expect(indexCache.stores).toBe(storesBefore); // loaded, not rebuilt

    expect((await restarted.clearReviews()).removed).toBe(OTHER_CLAIMS.length);
    const after = await answer(restarted);
    expect(after.reviewed).toBeUndefined();
    expect(after.own).toHaveLength(1);
  });

  test('a verdict changed on a claim already known keeps the index (neither loaded again nor rebuilt)', async () => {
    const worker = await startWorker();
    await worker.commitImport(FACT_CHECKS);
    await giveVerdict(worker, 'false');
    expect((await answer(worker)).own?.[0]).toMatchObject({ verdict: 'false' });
    const counts = { ...indexCache };
    await giveVerdict(worker, 'true');
    expect((await answer(worker)).own?.[0]).toMatchObject({ verdict: 'true' });
    expect({ loads: indexCache.loads, stores: indexCache.stores }).toEqual({ loads: counts.loads, stores: counts.stores });
    // A new claim does change the index.
    await worker.saveAnnotation({ page: SOURCE_PAGE, id: 'c2', origin: 'user', selector: selectorFor('Bus fares were frozen for a decade.', 0, 35), edit: { verdict: 'true' }, now: '2026-11-30T10:00:00.000Z' });
    expect((await answer(worker)).own?.[0]).toMatchObject({ verdict: 'true' });
    expect(indexCache.stores).toBe(counts.stores + 1);
  });

  test('an index being built while the stored claims change is not kept', async () => {
    const worker = await startWorker();
    await giveVerdict(worker, 'false');
    await localStorage.changesDelivered();
    // The first request starts a build; the import lands before that build is done.
    const first = worker.matchKnown(READING_PAGE, [{ id: 'reviewed', text: OTHER_CLAIMS[0] as string }]);
    await worker.commitImport(FACT_CHECKS);
    await first;
    expect((await answer(worker)).reviewed).toHaveLength(1);
  });
});
