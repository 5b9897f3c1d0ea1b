/**
 * The outbox: pages edited since they were last pushed to the team database. The background's
 * write path adds to it in the same storage call that writes the record, so an edit is never
 * stored without being queued for the team, even if the worker stops right after. Nothing is
 * recorded for a reader who has not joined a team.
 */
import { PAGE_KEY_PREFIX } from '../../core/model/records';
import { TEAM_KEY, TEAM_OUTBOX_KEY } from '../../core/sync/team';

/** The outbox: canonical key → a counter bumped by each edit (so a push clears only what it pushed). */
export type Outbox = Record<string, number>;

/** Reads the outbox leniently. */
export function parseOutbox(raw: unknown): Outbox {
  const outbox: Outbox = {};
  if (typeof raw !== 'object' || raw === null) return outbox;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) if (typeof value === 'number') outbox[key] = value;
  return outbox;
}

/** Whether this worker knows the reader is in a team: undefined until first read. */
let joined: boolean | undefined;
let listener: (() => void) | null = null;

/** Tells the write path whether the reader is in a team (set on join and leave). */
export function setJoined(value: boolean): void {
  joined = value;
}

/** Calls back after each recorded edit (the sync schedules a debounced run). */
export function onOutboxChange(callback: () => void): void {
  listener = callback;
}

/** The canonical keys of the pages that storage changes write or remove. */
export function pagesIn(set: Record<string, unknown>, remove: readonly string[]): string[] {
  const keys = [...Object.keys(set), ...remove].filter((key) => key.startsWith(PAGE_KEY_PREFIX)).map((key) => key.slice(PAGE_KEY_PREFIX.length));
  return [...new Set(keys)];
}

/**
 * The outbox entry to add to a storage write of these pages, or {} when the reader is not in a
 * team. Call inside the write queue, and put the result in the same set as the records.
 */
export async function outboxChanges(get: (keys: string[]) => Promise<Record<string, unknown>>, pageKeys: readonly string[]): Promise<Record<string, unknown>> {
  if (pageKeys.length === 0 || joined === false) return {};
  const items = await get([TEAM_KEY, TEAM_OUTBOX_KEY]);
  joined = items[TEAM_KEY] !== undefined;
  if (!joined) return {};
  const outbox = parseOutbox(items[TEAM_OUTBOX_KEY]);
  for (const key of pageKeys) outbox[key] = (outbox[key] ?? 0) + 1;
  queueMicrotask(() => listener?.());
  return { [TEAM_OUTBOX_KEY]: outbox };
}
