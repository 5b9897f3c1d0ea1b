/**
 * The part of the PouchDB API that sync uses, typed here so that the background (pouchdb-browser,
 * IndexedDB) and the Node tests (pouchdb-core with the memory adapter) plug in the same way.
 */

/** A stored document as PouchDB returns it. */
export type StoredDoc = Record<string, unknown> & { _id: string; _rev: string; _deleted?: boolean };

/** One row of a changes feed with style all_docs and include_docs. */
export interface ChangeRow {
  id: string;
  seq: number | string;
  deleted?: boolean;
  changes: Array<{ rev: string }>;
  doc?: StoredDoc;
}

/** The outcome of a one-shot replication. */
export interface ReplicationResult {
  ok: boolean;
  docs_read: number;
  docs_written: number;
  doc_write_failures: number;
  errors: unknown[];
}

/** A running one-shot replication: a promise with progress events. */
export interface Replication extends PromiseLike<ReplicationResult> {
  on(event: 'change', listener: (info: { docs_read: number; docs_written: number }) => void): Replication;
  cancel(): void;
}

/** Options of a one-shot replication. */
export interface ReplicationOptions {
  batch_size?: number;
  batches_limit?: number;
  retry?: boolean;
}

/** A PouchDB database, local or remote. */
export interface SyncDb {
  get(id: string, options?: { rev?: string; revs?: boolean; open_revs?: 'all' | string[] }): Promise<unknown>;
  bulkDocs(docs: Array<Record<string, unknown>>, options?: { new_edits?: boolean }): Promise<Array<{ ok?: boolean; id?: string; error?: string; reason?: string }>>;
  bulkGet(request: { docs: Array<{ id: string; rev?: string }>; revs?: boolean }): Promise<{ results: Array<{ id: string; docs: Array<{ ok?: StoredDoc & { _revisions?: { start: number; ids: string[] } }; error?: unknown }> }> }>;
  changes(options: { since: number | string; limit: number; include_docs: boolean; style: 'all_docs'; return_docs?: boolean }): Promise<{ results: ChangeRow[]; last_seq: number | string }>;
  replicate: {
    to(target: SyncDb, options?: ReplicationOptions): Replication;
    from(source: SyncDb, options?: ReplicationOptions): Replication;
  };
  info(): Promise<{ update_seq: number | string; doc_count: number }>;
  destroy(): Promise<unknown>;
  close(): Promise<unknown>;
}

/** Makes the two databases sync needs. */
export interface DbFactory {
  /** The local copy of the team database (IndexedDB in the extension). */
  local(name: string): SyncDb;
  /** The team database on the server, reached through `fetch`. */
  remote(url: string, fetch: (url: string | Request, init?: RequestInit) => Promise<Response>): SyncDb;
}
