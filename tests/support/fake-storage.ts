import type { MigrationStorage } from '../../src/core/model/migrations/runner';

/** Thrown by FakeStorage where a real MV3 worker would simply have been stopped. */
export class WorkerStopped extends Error {
  constructor() {
    super('worker stopped');
  }
}

/**
 * storage.local in memory, each call atomic like the real one, values copied in and out. With
 * `stopAfter` set it refuses every write after that many, as if the worker had been stopped
 * between two calls.
 */
export class FakeStorage implements MigrationStorage {
  items: Record<string, unknown>;
  writes = 0;
  stopAfter = Number.POSITIVE_INFINITY;
  /** Every call, in order: what was read (null: everything), set or removed. */
  log: Array<{ op: 'get' | 'set' | 'remove'; keys: string[] | null }> = [];

  constructor(initial: Record<string, unknown> = {}) {
    this.items = structuredClone(initial);
  }

  async get(keys: string | string[] | null): Promise<Record<string, unknown>> {
    this.log.push({ op: 'get', keys: keys === null ? null : typeof keys === 'string' ? [keys] : [...keys] });
    const wanted = keys === null ? Object.keys(this.items) : typeof keys === 'string' ? [keys] : keys;
    const result: Record<string, unknown> = {};
    for (const key of wanted) if (Object.hasOwn(this.items, key)) result[key] = structuredClone(this.items[key]);
    return result;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    this.write();
    this.log.push({ op: 'set', keys: Object.keys(items) });
    Object.assign(this.items, structuredClone(items));
  }

  async remove(keys: string | string[]): Promise<void> {
    this.write();
    const list = typeof keys === 'string' ? [keys] : keys;
    this.log.push({ op: 'remove', keys: [...list] });
    for (const key of list) delete this.items[key];
  }

  private write(): void {
    if (this.writes >= this.stopAfter) throw new WorkerStopped();
    this.writes++;
  }
}

/** The storage.local face of src/platform/browser that localStorageOver gives: FakeStorage's calls and change events. */
export type FakeLocalStorage = Pick<FakeStorage, 'get' | 'set' | 'remove'> & {
  onChanged(callback: (changedKeys: string[]) => void): () => void;
  /** Resolves once every change event due so far has been delivered. */
  changesDelivered(): Promise<void>;
};

/**
 * The storage.local face of src/platform/browser for jest.mock, forwarding every call to the
 * FakeStorage `current` returns at call time, so a test can swap in a fresh one between cases.
 * As in the browsers, listeners hear of a write in a later task, not during the call.
 */
export function localStorageOver(current: () => FakeStorage): FakeLocalStorage {
  const listeners = new Set<(changedKeys: string[]) => void>();
  let pending: Promise<void> = Promise.resolve();
  const notify = (keys: string[]) => {
    pending = pending.then(() => new Promise<void>((resolve) => setTimeout(() => {
      for (const listener of [...listeners]) listener(keys);
      resolve();
    }, 0)));
  };
  return {
    get: (keys) => current().get(keys),
    set: async (items) => {
      await current().set(items);
      notify(Object.keys(items));
    },
    remove: async (keys) => {
      await current().remove(keys);
      notify(typeof keys === 'string' ? [keys] : [...keys]);
    },
    onChanged(callback) {
      listeners.add(callback);
      return () => void listeners.delete(callback);
    },
    changesDelivered: () => pending,
  };
}
