/** The storage schema version this build writes. */
export const SCHEMA_VERSION = 1;

/** Storage key holding `{schemaVersion}`. */
export const META_KEY = 'meta';

/** Storage key holding the settings. */
export const SETTINGS_KEY = 'settings';

/** A named, tested step from one schema version to the next, over the whole storage area. */
export interface Migration {
  name: string;
  from: number;
  to: number;
  /** Returns the keys to set and the keys to remove. */
  migrate(items: Record<string, unknown>): { set: Record<string, unknown>; remove: string[] };
}

/** Every migration, oldest first. Version 1 is the first stored shape, so none exist yet. */
export const MIGRATIONS: readonly Migration[] = [];

/** The migrations that bring storage from `version` to SCHEMA_VERSION, in order. */
export function migrationsFrom(version: number): Migration[] {
  const steps: Migration[] = [];
  let current = version;
  while (current < SCHEMA_VERSION) {
    const step = MIGRATIONS.find((m) => m.from === current);
    if (!step) throw new Error(`No migration from schema version ${current}.`);
    steps.push(step);
    current = step.to;
  }
  return steps;
}
