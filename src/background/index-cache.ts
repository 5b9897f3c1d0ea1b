/**
 * The built known-claim index, kept in IndexedDB (typed arrays are stored as they are, which
 * extension storage's JSON cannot do), so a background that was stopped loads it in a fraction
 * of the time building takes. Only a cache: one record, replaced whenever the index is rebuilt,
 * used only under the fingerprint of the claims it was built from; any failure means a rebuild.
 */
import type { KnownIndexData } from '../core/known/matcher';

/** The one stored record. */
export interface StoredIndex {
  fingerprint: string;
  /** When the index was built (ISO time): a loaded index keeps it, a rebuilt one gets a new one. */
  builtAt: string;
  data: KnownIndexData;
}

/** Where the record is: database, object store, key. */
const DATABASE = 'factmark-known-index';
const STORE = 'index';
const KEY = 'current';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
  });
}

async function transact<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = run(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    db.close();
  }
}

/** The stored index if it was built from the claims with this fingerprint, else null. */
export async function loadStoredIndex(fingerprint: string): Promise<KnownIndexData | null> {
  const stored = (await transact<unknown>('readonly', (store) => store.get(KEY))) as Partial<StoredIndex> | undefined;
  return stored && stored.fingerprint === fingerprint && stored.data ? stored.data : null;
}

/** Stores a freshly built index under its claims' fingerprint, replacing the previous one. */
export async function storeIndex(fingerprint: string, data: KnownIndexData): Promise<void> {
  await transact('readwrite', (store) => store.put({ fingerprint, builtAt: new Date().toISOString(), data } satisfies StoredIndex, KEY));
}

/** Removes the stored index (nothing is known any more, so nothing should stay on disk). */
export async function clearStoredIndex(): Promise<void> {
  await transact('readwrite', (store) => store.delete(KEY));
}
