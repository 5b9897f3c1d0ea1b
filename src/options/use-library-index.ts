import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { textBatches, type SearchIndexBatch } from '../core/library/index-batch';
import { LibrarySearchIndex, summaryPage } from '../core/library/search';
import { sameSummary } from '../core/model/library';
import { PAGE_KEY_PREFIX } from '../core/model/records';
import { localStorage, requestBackground } from '../platform/browser';

/** Where loading the list stands. */
export type LoadState = { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; message: string };

/** Where loading the full text stands: under way, done, or stopped by an error. */
export type TextState = 'loading' | 'done' | 'stopped';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Work for the one loop that talks to the background, so answers arrive in the order asked. */
interface Work {
  /** Bumped by every (re)load; answers to an older generation are dropped. */
  generation: number;
  /** The current generation's list has arrived. */
  listed: boolean;
  /** Full-text batches still to load. */
  batches: string[][];
  /** Pages changed in storage, to read again; they go before the batches. */
  refreshKeys: Set<string>;
  /** Callers of refresh() waiting for the keys they asked for. */
  waiters: Array<() => void>;
  /** A batch failed; the rest of the full text is not loaded until the next load. */
  stopped: boolean;
  running: boolean;
}

/**
 * The library's search index. The list comes first, from the summaries alone (library.list),
 * so every page shows at once, searchable by title and address; then the full text loads in
 * batches, the records replacing the summaries as the truth. Pages changed in storage are
 * read again, before any remaining batch. One loop asks the background one request at a time,
 * so an older answer can never overwrite a newer one. `version` changes whenever the index does.
 */
export function useLibraryIndex() {
  const index = useRef(new LibrarySearchIndex()).current;
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  const [textState, setTextState] = useState<TextState>('loading');
  const [version, setVersion] = useState(0);
  const [refreshError, setRefreshError] = useState('');
  const unreadable = useRef(new Set<string>()).current;
  const work = useRef<Work>({ generation: 0, listed: false, batches: [], refreshKeys: new Set(), waiters: [], stopped: false, running: false }).current;

  /**
   * Applies an answer. Batches only fill in pages still partial: a page deleted or refreshed
   * meanwhile is not brought back. A batch's record that disagrees with the summary the list
   * showed (or a summary without a record) is read again with checkSummaries, which repairs
   * the summary; the batches themselves skip that check, so they read records only.
   */
  const apply = useCallback(
    (batch: SearchIndexBatch, fromBatch: boolean) => {
      const pages = fromBatch ? batch.pages.filter((page) => index.get(page.entry.key)?.partial) : batch.pages;
      if (fromBatch) {
        for (const page of pages) if (!sameSummary(page.entry, (index.get(page.entry.key) ?? page).entry)) work.refreshKeys.add(page.entry.key);
        for (const key of batch.missing) if (index.get(key)?.partial) work.refreshKeys.add(key);
      }
      if (pages.length > 20) index.upsertMany(pages);
      else for (const page of pages) index.upsert(page);
      for (const page of pages) unreadable.delete(page.entry.key);
      for (const key of batch.missing) {
        index.remove(key);
        unreadable.delete(key);
      }
      for (const key of batch.unreadable) {
        index.remove(key);
        unreadable.add(key);
      }
      setVersion(index.version);
    },
    [index, unreadable, work],
  );

  const pump = useCallback(async () => {
    if (work.running || !work.listed) return;
    work.running = true;
    try {
      while (work.listed) {
        const generation = work.generation;
        if (work.refreshKeys.size > 0) {
          const keys = [...work.refreshKeys];
          const waiters = work.waiters;
          work.refreshKeys = new Set();
          work.waiters = [];
          try {
            const batch = await requestBackground('library.search-index', { keys, checkSummaries: true });
            if (generation === work.generation) apply(batch, false);
            else for (const key of keys) work.refreshKeys.add(key); // read again for the new list
            setRefreshError('');
          } catch (error) {
            setRefreshError(messageOf(error));
          }
          for (const resolve of waiters) resolve();
          continue;
        }
        const next = work.batches.shift();
        if (!next) {
          if (!work.stopped) setTextState('done');
          break;
        }
        const keys = next.filter((key) => index.get(key)?.partial);
        if (keys.length === 0) continue;
        try {
          const batch = await requestBackground('library.search-index', { keys, checkSummaries: false });
          if (generation === work.generation) apply(batch, true);
        } catch (error) {
          if (generation !== work.generation) continue;
          // The rest stays searchable by title and address; the page says so.
          work.batches = [];
          work.stopped = true;
          setTextState('stopped');
          setRefreshError(messageOf(error));
          break;
        }
      }
    } finally {
      work.running = false;
    }
  }, [apply, work, index]);

  const load = useCallback(() => {
    const generation = ++work.generation;
    work.listed = false;
    work.batches = [];
    work.stopped = false;
    setState({ kind: 'loading' });
    setTextState('loading');
    requestBackground('library.list', {}).then(
      (entries) => {
        if (generation !== work.generation) return;
        index.replaceAll(entries.map(summaryPage));
        unreadable.clear();
        work.batches = textBatches(entries.map((entry) => entry.key));
        work.listed = true;
        setVersion(index.version);
        setState({ kind: 'ready' });
        void pump();
      },
      (error: unknown) => {
        if (generation === work.generation) setState({ kind: 'error', message: messageOf(error) });
      },
    );
  }, [index, unreadable, work, pump]);

  /** Re-reads these pages (canonical keys) from the background, after whatever is queued; resolves once they are in. */
  const refresh = useCallback(
    (keys: readonly string[]): Promise<void> =>
      new Promise<void>((resolve) => {
        for (const key of keys) work.refreshKeys.add(key);
        work.waiters.push(resolve);
        void pump();
      }),
    [work, pump],
  );

  /** Drops a page from the index at once (after the background deleted it). */
  const removeLocally = useCallback(
    (key: string) => {
      if (index.remove(key)) setVersion(index.version);
    },
    [index],
  );

  useEffect(() => {
    load();
    return localStorage.onChanged((changed) => {
      // Summary shards change with their records; the records are what gets read.
      const keys = changed.filter((key) => key.startsWith(PAGE_KEY_PREFIX)).map((key) => key.slice(PAGE_KEY_PREFIX.length));
      if (keys.length > 0) void refresh(keys);
    });
  }, [load, refresh]);

  return { index, state, textState, unreadableCount: unreadable.size, version, refreshError, load, refresh, removeLocally };
}
