import { libraryEntry, type LibraryEntry } from '../core/model/library';
import { indexPage, type IndexedPage } from '../core/library/search';
import { restoredRecord } from '../core/library/restore';
import { applyEdit, PAGE_KEY_PREFIX, pageStorageKey, parsePageRecord, validateEdit, type EditInput } from '../core/model/records';
import type { PageRecord } from '../core/model/annotation';
import { META_KEY, migrationsFrom, SCHEMA_VERSION, SETTINGS_KEY } from '../core/model/schema';
import { parseSettings, type Settings } from '../core/model/settings';
import { localStorage } from '../platform/browser';
import { WriteQueue } from './write-queue';

const queue = new WriteQueue();
let ready: Promise<void> | null = null;

/** Brings storage to the current schema once per worker start, before any read or write. */
function ensureMigrated(): Promise<void> {
  ready ??= queue.run(async () => {
    const meta = (await localStorage.get(META_KEY))[META_KEY] as { schemaVersion?: unknown } | undefined;
    const version = typeof meta?.schemaVersion === 'number' ? meta.schemaVersion : SCHEMA_VERSION;
    const steps = migrationsFrom(version);
    if (steps.length > 0) {
      let items = await localStorage.get(null);
      for (const step of steps) {
        const { set, remove } = step.migrate(items);
        if (remove.length > 0) await localStorage.remove(remove);
        await localStorage.set(set);
        items = await localStorage.get(null);
      }
    }
    if (meta?.schemaVersion !== SCHEMA_VERSION) await localStorage.set({ [META_KEY]: { schemaVersion: SCHEMA_VERSION } });
  });
  return ready;
}

async function readPage(key: string): Promise<PageRecord | null> {
  const storageKey = pageStorageKey(key);
  const parsed = parsePageRecord((await localStorage.get(storageKey))[storageKey]);
  if (parsed && parsed.rejected > 0) console.warn(`Factmark: skipped ${parsed.rejected} unreadable annotation(s) of ${key}.`);
  return parsed?.record ?? null;
}

async function writePage(record: PageRecord): Promise<void> {
  try {
    await localStorage.set({ [pageStorageKey(record.key)]: record });
  } catch (error) {
    throw new Error(`Could not save to browser storage: ${error instanceof Error ? error.message : String(error)}. Your earlier annotations are unchanged.`);
  }
}

/** The stored record of a page. */
export async function getPage(key: string): Promise<PageRecord | null> {
  await ensureMigrated();
  return readPage(key);
}

/** Applies one annotation edit in the write queue and returns the saved record. */
export async function saveAnnotation(input: EditInput): Promise<PageRecord> {
  const problem = validateEdit(input.edit);
  if (problem) throw new Error(problem);
  await ensureMigrated();
  return queue.run(async () => {
    const record = applyEdit(await readPage(input.page.key), input);
    await writePage(record);
    return record;
  });
}

/** Deletes one annotation; removes the page record when it was the last. */
export async function deleteAnnotation(key: string, id: string, now: string): Promise<PageRecord | null> {
  await ensureMigrated();
  return queue.run(async () => {
    const record = await readPage(key);
    if (!record || !(id in record.annotations)) return record;
    const annotations = { ...record.annotations };
    delete annotations[id];
    if (Object.keys(annotations).length === 0) {
      await localStorage.remove(pageStorageKey(key));
      return null;
    }
    const updated = { ...record, annotations, updatedAt: now };
    await writePage(updated);
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
    const next = parseSettings({ ...(await getSettingsUnqueued()), ...patch });
    await localStorage.set({ [SETTINGS_KEY]: next });
    return next;
  });
}

async function getSettingsUnqueued(): Promise<Settings> {
  return parseSettings((await localStorage.get(SETTINGS_KEY))[SETTINGS_KEY]);
}

/** The readable page records among storage items; unreadable ones are reported and skipped. */
function readRecords(items: Record<string, unknown>): PageRecord[] {
  const records: PageRecord[] = [];
  for (const [key, value] of Object.entries(items)) {
    if (!key.startsWith(PAGE_KEY_PREFIX)) continue;
    const parsed = parsePageRecord(value);
    if (parsed) records.push(parsed.record);
    else console.warn(`Factmark: skipped an unreadable page record (${key}).`);
  }
  return records;
}

/** Every stored page as a library entry, most recently updated first; bad records are skipped. */
export async function listLibrary(): Promise<LibraryEntry[]> {
  await ensureMigrated();
  return readRecords(await localStorage.get(null))
    .map(libraryEntry)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** Library entries with search haystacks: of every page, or of the pages with these keys. */
export async function searchIndex(keys?: string[]): Promise<IndexedPage[]> {
  await ensureMigrated();
  return readRecords(await localStorage.get(keys ? keys.map(pageStorageKey) : null)).map(indexPage);
}

/**
 * Removes a page's record in the write queue and returns it exactly as it was stored (extra
 * or unreadable parts included), so that restorePage can put it back unchanged. Null when
 * there was nothing to delete. An unreadable record is left alone rather than destroyed.
 */
export async function deletePage(key: string): Promise<PageRecord | null> {
  await ensureMigrated();
  return queue.run(async () => {
    const storageKey = pageStorageKey(key);
    const stored = (await localStorage.get(storageKey))[storageKey];
    if (stored === undefined) return null;
    if (!parsePageRecord(stored)) throw new Error(`The record of ${key} is unreadable and was not deleted.`);
    await localStorage.remove(storageKey);
    // It parsed, so it has the shape of a PageRecord, plus whatever else was stored with it.
    return stored as PageRecord;
  });
}

/**
 * Puts back a record that deletePage returned, in the write queue. When the page has been
 * annotated again since, both are kept: the newer annotations win where ids collide.
 */
export async function restorePage(record: PageRecord): Promise<PageRecord> {
  const parsed = parsePageRecord(record);
  if (!parsed) throw new Error('Cannot restore: the record is not a Factmark page record.');
  await ensureMigrated();
  return queue.run(async () => {
    const storageKey = pageStorageKey(parsed.record.key);
    const current = (await localStorage.get(storageKey))[storageKey];
    // A readable current record is a PageRecord plus whatever else was stored with it.
    const restored = restoredRecord(record, current !== undefined && parsePageRecord(current) ? (current as PageRecord) : null);
    await writePage(restored);
    return parsePageRecord(restored)?.record ?? parsed.record;
  });
}

/** Every readable page record (bad ones are skipped and reported), for exports. */
export async function allPages(): Promise<PageRecord[]> {
  await ensureMigrated();
  return readRecords(await localStorage.get(null));
}

/**
 * Reads every record, lets `plan` decide which records to write, and writes them in ONE
 * storage.local.set call, inside the write queue: an import lands completely or not at all.
 */
export async function replaceRecordsAtomically<T>(plan: (existing: PageRecord[]) => { records: PageRecord[]; result: T }): Promise<T> {
  await ensureMigrated();
  return queue.run(async () => {
    const { records, result } = plan(readRecords(await localStorage.get(null)));
    if (records.length > 0) {
      const batch: Record<string, PageRecord> = {};
      for (const record of records) batch[pageStorageKey(record.key)] = record;
      try {
        await localStorage.set(batch);
      } catch (error) {
        throw new Error(`Nothing was imported: browser storage refused the write (${error instanceof Error ? error.message : String(error)}).`);
      }
    }
    return result;
  });
}
