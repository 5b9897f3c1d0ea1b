// A second Factmark in Node for the team tests and benches: the extension's own background
// modules (store, sync) with their own module instances, an in-memory storage.local and a
// PouchDB memory database, talking to the team server through a cookie-keeping fetch. Call
// only inside jest (it needs jest.isolateModules).
import { pageStorageKey, parsePageRecord } from '../../src/core/model/records';
import type { PageRecord } from '../../src/core/model/annotation';
import type { SyncContext } from '../../src/background/sync/context';
import { parseConflicts, TEAM_CONFLICTS_KEY } from '../../src/core/sync/team';
import { cookieFetch } from './cookie-fetch';
import { FakeStorage } from './fake-storage';
import { nodeDbs } from './node-pouch';

type Store = typeof import('../../src/background/store');
type Membership = typeof import('../../src/background/sync/membership');
type Engine = typeof import('../../src/background/sync/engine');
type Resolve = typeof import('../../src/background/sync/resolve');
type Ready = typeof import('../../src/background/ready');

/** One Factmark background in Node. */
export interface NodeClient {
  name: string;
  storage: FakeStorage;
  store: Store;
  membership: Membership;
  engine: Engine;
  resolve: Resolve;
  ctx: SyncContext;
  record(key: string): PageRecord | null;
  conflicts(): Record<string, Record<string, number>>;
}

/** A fresh background with empty storage. */
export function makeNodeClient(name: string): NodeClient {
  const storage = new FakeStorage();
  const localStorage = { get: (keys: string | string[] | null) => storage.get(keys), set: (items: Record<string, unknown>) => storage.set(items), remove: (keys: string | string[]) => storage.remove(keys) };
  let modules: { store: Store; membership: Membership; engine: Engine; resolve: Resolve; ready: Ready } | undefined;
  jest.isolateModules(() => {
    jest.doMock('../../src/platform/browser', () => ({ localStorage }));
    // Each client needs its own module instances (its own write queue, open database and run),
    // which only a require inside isolateModules gives.
    /* eslint-disable @typescript-eslint/no-require-imports */
    modules = {
      store: require('../../src/background/store') as Store,
      membership: require('../../src/background/sync/membership') as Membership,
      engine: require('../../src/background/sync/engine') as Engine,
      resolve: require('../../src/background/sync/resolve') as Resolve,
      ready: require('../../src/background/ready') as Ready,
    };
    /* eslint-enable @typescript-eslint/no-require-imports */
  });
  const m = modules as NonNullable<typeof modules>;
  const ctx: SyncContext = { storage: localStorage, queue: m.ready.queue, dbs: nodeDbs, fetch: cookieFetch(), now: () => new Date().toISOString() };
  return {
    name,
    storage,
    ...m,
    ctx,
    record: (key) => parsePageRecord(storage.items[pageStorageKey(key)])?.record ?? null,
    conflicts: () => parseConflicts(storage.items[TEAM_CONFLICTS_KEY]),
  };
}
