/**
 * PouchDB for the extension's background: pouchdb-browser (IndexedDB for the local copy, fetch
 * for the server; no XMLHttpRequest or DOM, so it runs in Chrome's MV3 service worker as in
 * Firefox's event page).
 */
import PouchDB from 'pouchdb-browser';
import type { DbFactory, SyncDb } from './pouch-types';

/** The databases of the extension. */
export const browserDbs: DbFactory = {
  local: (name) => new PouchDB(name) as SyncDb,
  remote: (url, fetch) => new PouchDB(url, { fetch, skip_setup: true }) as SyncDb,
};
