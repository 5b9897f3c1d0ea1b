/**
 * The storage schema version this build writes. 1: page records and settings. 2: adds the
 * sharded library summary (see summaries.ts).
 */
export const SCHEMA_VERSION = 2;

/** The first stored shape; storage without a meta key is taken to be in it. */
export const FIRST_SCHEMA_VERSION = 1;

/** Storage key holding the meta record, `{schemaVersion, pendingRemove?}`. */
export const META_KEY = 'meta';

/** Storage key holding the settings. */
export const SETTINGS_KEY = 'settings';

/** What a migration step asks for: keys to set (in one call), keys to remove afterwards, keys it could not read. */
export interface MigrationResult {
  set: Record<string, unknown>;
  /** Obsolete keys; removed only after the new shape and version are written, so a stop loses nothing. */
  remove: string[];
  /** Storage keys skipped because they could not be read; left as they are and reported. */
  unreadable: string[];
}

/** A named, tested step from one schema version to the next, over the whole storage area. */
export interface Migration {
  name: string;
  from: number;
  to: number;
  /** Pure: computes the changes from every stored item, without touching storage. */
  migrate(items: Readonly<Record<string, unknown>>): MigrationResult;
}
