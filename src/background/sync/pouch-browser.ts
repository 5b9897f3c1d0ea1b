/**
 * PouchDB for the extension's background, assembled from PouchDB 9's own packages: the core,
 * the IndexedDB adapter for the local copy, the HTTP adapter (fetch) for the server, and
 * replication. No XMLHttpRequest or DOM, so it runs in Chrome's MV3 service worker as in
 * Firefox's event page; and no map/reduce, whose string-evaluating view code an MV3 extension
 * could not run anyway.
 */
import PouchDB from 'pouchdb-core';
import HttpAdapter from 'pouchdb-adapter-http';
import IdbAdapter from 'pouchdb-adapter-idb';
import Replication from 'pouchdb-replication';
import type { DbFactory, SyncDb } from './pouch-types';

type PouchConstructor = (new (name: string, options?: Record<string, unknown>) => unknown) & { plugin(plugin: unknown): PouchConstructor };

const BrowserPouch = (PouchDB as PouchConstructor).plugin(IdbAdapter).plugin(HttpAdapter).plugin(Replication);

/** The databases of the extension. */
export const browserDbs: DbFactory = {
  local: (name) => new BrowserPouch(name, { adapter: 'idb' }) as SyncDb,
  remote: (url, fetch) => new BrowserPouch(url, { fetch, skip_setup: true }) as SyncDb,
};
