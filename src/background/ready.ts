import { migrateStorage, parseMeta } from '../core/model/migrations/runner';
import { META_KEY, SCHEMA_VERSION } from '../core/model/schema';
import { localStorage } from '../platform/browser';
import { WriteQueue } from './write-queue';

/** The one queue every read-modify-write of storage goes through, so none interleave. */
export const queue = new WriteQueue();

let ready: Promise<void> | null = null;

/**
 * Brings storage to the current schema once per worker start, before any read or write. A
 * failed run is retried by the next request rather than failing every request until the
 * worker restarts.
 */
export function ensureMigrated(): Promise<void> {
  ready ??= queue
    .run(async () => {
      const report = await migrateStorage(localStorage);
      if (report.ran.length > 0) console.info(`Factmark: storage migrated from schema ${report.from} to ${report.to} (${report.ran.join(', ')}).`);
      for (const key of report.unreadable) console.warn(`Factmark: skipped an unreadable page record (${key}) while migrating; it was left as it was.`);
      if (report.newer) console.warn(`Factmark: storage has schema ${report.from}, newer than this build knows; it is used as it is.`);
    })
    .catch((error: unknown) => {
      ready = null;
      throw error;
    });
  return ready;
}

/**
 * Starts a migration at worker start (which an update causes) rather than when the library is
 * next opened: at 10,000 pages it reads every record once. Only storage that says it is older
 * is migrated here; storage without a meta record (a fresh install, or records being seeded)
 * is left to the first request.
 */
export async function migrateEarly(): Promise<void> {
  const meta = parseMeta((await localStorage.get(META_KEY))[META_KEY]);
  if (meta.stored && (meta.version < SCHEMA_VERSION || meta.pendingRemove.length > 0)) await ensureMigrated();
}
