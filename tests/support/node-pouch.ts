// PouchDB in Node for tests and benches: the same PouchDB 9 engine as the extension, with the
// in-memory adapter for the local copy and the HTTP adapter (through the given fetch) for the server.
import PouchDB from 'pouchdb-core';
import HttpAdapter from 'pouchdb-adapter-http';
import MemoryAdapter from 'pouchdb-adapter-memory';
import Replication from 'pouchdb-replication';
import type { DbFactory, SyncDb } from '../../src/background/sync/pouch-types';

type PouchConstructor = (new (name: string, options?: Record<string, unknown>) => unknown) & { plugin(plugin: unknown): PouchConstructor };

const NodePouch = (PouchDB as PouchConstructor)
  .plugin(HttpAdapter)
  .plugin(MemoryAdapter)
  .plugin(Replication);

/** Databases in memory (local) and over HTTP (remote). */
export const nodeDbs: DbFactory = {
  local: (name) => new NodePouch(name, { adapter: 'memory' }) as SyncDb,
  remote: (url, fetch) => new NodePouch(url, { fetch, skip_setup: true }) as SyncDb,
};
