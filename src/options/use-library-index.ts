import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { LibrarySearchIndex } from '../core/library/search';
import { PAGE_KEY_PREFIX } from '../core/model/records';
import { localStorage, requestBackground } from '../platform/browser';

/** Where loading the library stands. */
export type LoadState = { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; message: string };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The library's search index, built once from the background and kept current: every storage
 * change to page records asks the background for just those pages. Refreshes run one at a
 * time (keys that change meanwhile are collected for the next), so an older answer can never
 * overwrite a newer one. `version` changes whenever the index does.
 */
export function useLibraryIndex() {
  const index = useRef(new LibrarySearchIndex()).current;
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  const [version, setVersion] = useState(0);
  const [refreshError, setRefreshError] = useState('');
  const pending = useRef(new Set<string>());
  const running = useRef<Promise<void> | null>(null);
  const loaded = useRef<Promise<void> | null>(null);

  const load = useCallback(() => {
    setState({ kind: 'loading' });
    // Changes that arrive while the full list loads are refreshed after it.
    const loading = requestBackground('library.search-index', {}).then((pages) => {
      index.replaceAll(pages);
      setVersion(index.version);
      setState({ kind: 'ready' });
    });
    loaded.current = loading.catch(() => undefined);
    loading.catch((error: unknown) => setState({ kind: 'error', message: messageOf(error) }));
  }, [index]);

  const drain = useCallback(async () => {
    await loaded.current;
    for (;;) {
      if (pending.current.size === 0) {
        // Cleared in the same step as the last check, so a refresh right after starts anew.
        running.current = null;
        return;
      }
      const keys = [...pending.current];
      pending.current.clear();
      try {
        const pages = await requestBackground('library.search-index', { keys });
        const found = new Set(pages.map((page) => page.entry.key));
        for (const page of pages) index.upsert(page);
        for (const key of keys) if (!found.has(key)) index.remove(key);
        setRefreshError('');
      } catch (error) {
        setRefreshError(messageOf(error));
      }
      setVersion(index.version);
    }
  }, [index]);

  /** Re-reads these pages (canonical keys) from the background, after whatever is queued. */
  const refresh = useCallback(
    (keys: readonly string[]): Promise<void> => {
      for (const key of keys) pending.current.add(key);
      running.current ??= drain();
      return running.current;
    },
    [drain],
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
      const keys = changed.filter((key) => key.startsWith(PAGE_KEY_PREFIX)).map((key) => key.slice(PAGE_KEY_PREFIX.length));
      if (keys.length > 0) void refresh(keys);
    });
  }, [load, refresh]);

  return { index, state, version, refreshError, load, refresh, removeLocally };
}
