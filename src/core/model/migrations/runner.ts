/**
 * Brings storage to the current schema so that an MV3 worker stopped between any two storage
 * calls loses nothing and a restart finishes the job:
 *
 * 1. Each step's new keys and the meta record naming the new version go out in ONE `set`
 *    (atomic in both browsers). Before it, storage is entirely the old shape; after it,
 *    entirely the new one, plus maybe some obsolete keys.
 * 2. Obsolete keys are listed in that same meta record (`pendingRemove`), then removed, then
 *    the list is cleared. A restart that finds the list removes them again: removing is
 *    idempotent, and nothing but this runner reads storage before it is done.
 *
 * Storage is injected, so the runner is tested against a fake that stops between calls.
 */
import { FIRST_SCHEMA_VERSION, META_KEY, SCHEMA_VERSION, type Migration, type MigrationResult } from '../schema';
import { MIGRATIONS, migrationsFrom } from './index';

/** What the runner needs of browser.storage.local. */
export interface MigrationStorage {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** The meta record as stored. */
export interface StoredMeta {
  schemaVersion: number;
  /** Obsolete keys a migration has yet to remove. */
  pendingRemove?: string[];
}

/** What a run did. */
export interface MigrationReport {
  from: number;
  to: number;
  /** Names of the steps that ran, in order. */
  ran: string[];
  /** Storage keys the steps could not read (left as they were). */
  unreadable: string[];
  /** True when storage was written by a newer build; it is then left alone. */
  newer: boolean;
}

/** Reads the meta record; storage without one is in the first shape. */
export function parseMeta(raw: unknown): { version: number; pendingRemove: string[]; stored: boolean } {
  const meta = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : null;
  const version = typeof meta?.schemaVersion === 'number' && Number.isInteger(meta.schemaVersion) ? meta.schemaVersion : FIRST_SCHEMA_VERSION;
  const pending = Array.isArray(meta?.pendingRemove) ? meta.pendingRemove.filter((key): key is string => typeof key === 'string') : [];
  return { version, pendingRemove: pending, stored: meta !== null && version === meta.schemaVersion };
}

function checked(step: Migration, result: MigrationResult): MigrationResult {
  const removed = new Set(result.remove);
  for (const key of Object.keys(result.set)) {
    if (key === META_KEY || removed.has(key)) throw new Error(`Migration ${step.name} both writes and removes (or writes meta) ${key}.`);
  }
  if (removed.has(META_KEY)) throw new Error(`Migration ${step.name} removes the meta record.`);
  return result;
}

function applied(items: Record<string, unknown>, result: MigrationResult): Record<string, unknown> {
  const next = { ...items, ...result.set };
  for (const key of result.remove) delete next[key];
  return next;
}

/** Removes obsolete keys recorded in meta, then clears the record of them. */
async function removePending(storage: MigrationStorage, version: number, keys: string[]): Promise<void> {
  await storage.remove(keys);
  await storage.set({ [META_KEY]: { schemaVersion: version } satisfies StoredMeta });
}

/** Runs the migrations storage needs, crash-safely (see the module comment). */
export async function migrateStorage(storage: MigrationStorage, migrations: readonly Migration[] = MIGRATIONS, target: number = SCHEMA_VERSION): Promise<MigrationReport> {
  const meta = parseMeta((await storage.get(META_KEY))[META_KEY]);
  const report: MigrationReport = { from: meta.version, to: meta.version, ran: [], unreadable: [], newer: meta.version > target };
  // A worker stopped during an earlier cleanup: finish it before anything else reads storage.
  if (meta.pendingRemove.length > 0) await removePending(storage, meta.version, meta.pendingRemove);
  if (report.newer) return report;
  const steps = migrationsFrom(meta.version, migrations, target);
  if (steps.length === 0) {
    if (!meta.stored) await storage.set({ [META_KEY]: { schemaVersion: target } satisfies StoredMeta });
    return report;
  }
  let items = await storage.get(null);
  for (const step of steps) {
    const result = checked(step, step.migrate(items));
    const nextMeta: StoredMeta = result.remove.length > 0 ? { schemaVersion: step.to, pendingRemove: result.remove } : { schemaVersion: step.to };
    await storage.set({ ...result.set, [META_KEY]: nextMeta });
    if (result.remove.length > 0) await removePending(storage, step.to, result.remove);
    items = applied(items, result);
    report.to = step.to;
    report.ran.push(step.name);
    report.unreadable.push(...result.unreadable);
  }
  return report;
}
