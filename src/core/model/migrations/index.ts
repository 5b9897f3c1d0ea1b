import { SCHEMA_VERSION, type Migration } from '../schema';
import { buildLibrarySummaries } from './build-library-summaries';

/** Every migration, oldest first. */
export const MIGRATIONS: readonly Migration[] = [buildLibrarySummaries];

/** The migrations that bring storage from `version` to `target`, in order; throws on a gap. */
export function migrationsFrom(version: number, migrations: readonly Migration[] = MIGRATIONS, target: number = SCHEMA_VERSION): Migration[] {
  const steps: Migration[] = [];
  let current = version;
  while (current < target) {
    const step = migrations.find((m) => m.from === current);
    if (!step || step.to <= current) throw new Error(`No migration from schema version ${current}.`);
    steps.push(step);
    current = step.to;
  }
  return steps;
}
