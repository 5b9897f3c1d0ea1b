import { restoredRecord } from '../core/library/restore';
import type { PageRecord } from '../core/model/annotation';
import { applyEdit, PAGE_KEY_PREFIX, pageStorageKey, parsePageRecord, validateEdit, type EditInput } from '../core/model/records';
import { SETTINGS_KEY } from '../core/model/schema';
import { parseSettings, type Settings } from '../core/model/settings';
import { pageChanges } from '../core/model/summaries';
import { localStorage } from '../platform/browser';
import { ensureMigrated, queue } from './ready';
import { dropPage, readWithShard, storePages } from './summaries';
import { outboxChanges, pagesIn } from './sync/outbox';

/** A stored page record, parsed; unreadable annotations are reported and skipped. */
function parsed(key: string, stored: unknown): PageRecord | null {
  const result = parsePageRecord(stored);
  if (result && result.rejected > 0) console.warn(`Factmark: skipped ${result.rejected} unreadable annotation(s) of ${key}.`);
  return result?.record ?? null;
}

/** The stored record of a page. */
export async function getPage(key: string): Promise<PageRecord | null> {
  await ensureMigrated();
  const storageKey = pageStorageKey(key);
  return parsed(key, (await localStorage.get(storageKey))[storageKey]);
}

/** Applies one annotation edit in the write queue and returns the saved record. */
export async function saveAnnotation(input: EditInput): Promise<PageRecord> {
  const problem = validateEdit(input.edit);
  if (problem) throw new Error(problem);
  await ensureMigrated();
  return queue.run(async () => {
    const { stored, shards } = await readWithShard(input.page.key);
    const record = applyEdit(parsed(input.page.key, stored), input);
    await storePages([record], shards);
    return record;
  });
}

/** Deletes one annotation; removes the page record when it was the last. */
export async function deleteAnnotation(key: string, id: string, now: string): Promise<PageRecord | null> {
  await ensureMigrated();
  return queue.run(async () => {
    const { stored, shards } = await readWithShard(key);
    const record = parsed(key, stored);
    if (!record || !(id in record.annotations)) return record;
    const annotations = { ...record.annotations };
    delete annotations[id];
    if (Object.keys(annotations).length === 0) {
      await dropPage(key, shards);
      return null;
    }
    const updated = { ...record, annotations, updatedAt: now };
    await storePages([updated], shards);
    return updated;
  });
}

/** The current settings. */
export async function getSettings(): Promise<Settings> {
  await ensureMigrated();
  return parseSettings((await localStorage.get(SETTINGS_KEY))[SETTINGS_KEY]);
}

/** Merges a settings patch in the write queue. */
export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  await ensureMigrated();
  return queue.run(async () => {
    const current = parseSettings((await localStorage.get(SETTINGS_KEY))[SETTINGS_KEY]);
    const next = parseSettings({ ...current, ...patch });
    await localStorage.set({ [SETTINGS_KEY]: next });
    return next;
  });
}

/** The readable page records among storage items; unreadable ones are reported and skipped. */
function readRecords(items: Record<string, unknown>): PageRecord[] {
  const records: PageRecord[] = [];
  for (const [key, value] of Object.entries(items)) {
    if (!key.startsWith(PAGE_KEY_PREFIX)) continue;
    const result = parsePageRecord(value);
    if (result) records.push(result.record);
    else console.warn(`Factmark: skipped an unreadable page record (${key}).`);
  }
  return records;
}

/**
 * Removes a page's record (and its summary) in the write queue and returns the record exactly
 * as it was stored (extra or unreadable parts included), so that restorePage can put it back
 * unchanged. Null when there was nothing to delete. An unreadable record is left alone rather
 * than destroyed.
 */
export async function deletePage(key: string): Promise<PageRecord | null> {
  await ensureMigrated();
  return queue.run(async () => {
    const { stored, shards } = await readWithShard(key);
    if (stored === undefined) return null;
    if (!parsePageRecord(stored)) throw new Error(`The record of ${key} is unreadable and was not deleted.`);
    await dropPage(key, shards);
    // It parsed, so it has the shape of a PageRecord, plus whatever else was stored with it.
    return stored as PageRecord;
  });
}

/**
 * Puts back a record that deletePage returned, in the write queue. When the page has been
 * annotated again since, both are kept: the newer annotations win where ids collide.
 */
export async function restorePage(record: PageRecord): Promise<PageRecord> {
  const result = parsePageRecord(record);
  if (!result) throw new Error('Cannot restore: the record is not a Factmark page record.');
  await ensureMigrated();
  return queue.run(async () => {
    const { stored, shards } = await readWithShard(result.record.key);
    // A readable current record is a PageRecord plus whatever else was stored with it.
    const restored = restoredRecord(record, stored !== undefined && parsePageRecord(stored) ? (stored as PageRecord) : null);
    await storePages([restored], shards);
    return parsePageRecord(restored)?.record ?? result.record;
  });
}

/** Every readable page record (bad ones are skipped and reported), for exports. */
export async function allPages(): Promise<PageRecord[]> {
  await ensureMigrated();
  return readRecords(await localStorage.get(null));
}

/**
 * Reads every record, lets `plan` decide which records to write, and writes them with their
 * summaries in ONE storage.local.set call, inside the write queue: an import lands completely
 * or not at all.
 */
export async function replaceRecordsAtomically<T>(plan: (existing: PageRecord[], items: Record<string, unknown>) => { records: PageRecord[]; result: T; alsoSet?: Record<string, unknown> }): Promise<T> {
  await ensureMigrated();
  return queue.run(async () => {
    const items = await localStorage.get(null);
    const { records, result, alsoSet = {} } = plan(readRecords(items), items);
    if (records.length > 0 || Object.keys(alsoSet).length > 0) {
      try {
        const { set } = records.length > 0 ? pageChanges(items, records) : { set: {} };
        // Other keys the import writes (known fact-checks) and the team outbox go in the same set: all or nothing.
        await localStorage.set({ ...alsoSet, ...set, ...(await outboxChanges(async () => items, pagesIn(set, []))) });
      } catch (error) {
        throw new Error(`Nothing was imported: browser storage refused the write (${error instanceof Error ? error.message : String(error)}).`);
      }
    }
    return result;
  });
}
