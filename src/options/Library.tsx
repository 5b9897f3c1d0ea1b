import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { StateFilter } from '../core/library/search';
import type { PageRecord } from '../core/model/annotation';
import type { LibraryEntry } from '../core/model/library';
import { SETTINGS_KEY } from '../core/model/schema';
import type { Settings } from '../core/model/settings';
import { VERDICT_IDS } from '../core/model/verdicts';
import { localStorage, requestBackground, t } from '../platform/browser';
import { verdictLabel } from '../ui/labels';
import { ImportExport } from './ImportExport';
import { PageList, pageTitle } from './PageList';
import { SettingsForm } from './SettingsForm';
import { Team, useConflictedPages } from './Team';
import { useLibraryIndex } from './use-library-index';

/** How long a deleted page can be brought back with Undo. */
const UNDO_MS = 10_000;
/** How long the "Restored" notice stays. */
const NOTICE_MS = 4_000;

/** A notice at the bottom of the page: a deletion that can be undone, or its outcome. */
interface Toast {
  id: number;
  title: string;
  /** What page.delete returned, while Undo is possible. */
  record: PageRecord | null;
  message: string;
  busy: boolean;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function ToastView({ toast, onUndo, onDismiss }: { toast: Toast; onUndo: (toast: Toast) => void; onDismiss: (id: number) => void }) {
  // The countdown stops while the pointer or keyboard focus is on the notice.
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (held || toast.busy) return undefined;
    const timer = setTimeout(() => onDismiss(toast.id), toast.record ? UNDO_MS : NOTICE_MS);
    return () => clearTimeout(timer);
  }, [held, toast.busy, toast.record, toast.id, onDismiss]);
  return (
    <div
      class="lib-toast"
      data-toast-id={toast.id}
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocusIn={() => setHeld(true)}
      onFocusOut={() => setHeld(false)}
    >
      <span>{toast.message}</span>
      {toast.record && (
        <button type="button" class="lib-undo" aria-label={t('libraryUndoLabel', toast.title)} disabled={toast.busy} onClick={() => onUndo(toast)}>
          {t('libraryUndo')}
        </button>
      )}
      <button type="button" class="lib-dismiss" aria-label={t('libraryDismissLabel', toast.title)} onClick={() => onDismiss(toast.id)}>
        {t('libraryDismiss')}
      </button>
    </div>
  );
}

type SettingsState = { kind: 'loading' } | { kind: 'ready'; settings: Settings } | { kind: 'error'; message: string };

function useSettings() {
  const [state, setState] = useState<SettingsState>({ kind: 'loading' });
  const [status, setStatus] = useState('');
  const load = useCallback(() => {
    requestBackground('settings.get', {}).then(
      (settings) => setState({ kind: 'ready', settings }),
      (error: unknown) => setState({ kind: 'error', message: messageOf(error) }),
    );
  }, []);
  useEffect(() => {
    load();
    return localStorage.onChanged((keys) => {
      if (keys.includes(SETTINGS_KEY)) load();
    });
  }, [load]);
  const update = useCallback(async (patch: Partial<Settings>): Promise<boolean> => {
    try {
      const settings = await requestBackground('settings.update', { patch });
      setState({ kind: 'ready', settings });
      setStatus(t('settingsSaved'));
      return true;
    } catch (error) {
      setStatus(t('saveFailed', messageOf(error)));
      return false;
    }
  }, []);
  return { state, status, load, update };
}

/** The library (options) page: every annotated page, searchable, and the settings. */
export function Library() {
  const library = useLibraryIndex();
  const { index, version } = library;
  const settings = useSettings();
  const conflicts = useConflictedPages();
  const [query, setQuery] = useState('');
  const [stateFilter, setStateFilter] = useState<StateFilter>('all');
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [actionError, setActionError] = useState('');
  const nextToastId = useRef(1);
  const searchBox = useRef<HTMLInputElement>(null);
  const listArea = useRef<HTMLDivElement>(null);
  const toastArea = useRef<HTMLDivElement>(null);

  // `version` stands for the index's content, which search() reads.
  const results = useMemo(() => index.search(query, stateFilter), [index, version, query, stateFilter]);

  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((toast) => toast.id !== id)), []);

  // After a delete, focus moves to the row that took the deleted one's place. That row exists only
  // once the list no longer shows the deleted page, which can be a render or two after the
  // delete returns: focusing earlier would land on the disappearing row's own button.
  const [pendingFocus, setPendingFocus] = useState<{ key: string; row: number } | null>(null);
  useEffect(() => {
    const pending = pendingFocus;
    if (!pending || results.some((entry) => entry.key === pending.key)) return;
    setPendingFocus(null);
    const buttons = listArea.current?.querySelectorAll<HTMLButtonElement>('[data-delete-index]') ?? [];
    const candidates = [...buttons];
    const next = candidates.find((button) => button.dataset.deleteIndex === String(pending.row)) ?? candidates.find((button) => button.dataset.deleteIndex === String(pending.row - 1));
    const undo = toastArea.current?.querySelector<HTMLButtonElement>('.lib-toast:last-child .lib-undo');
    (next ?? undo ?? searchBox.current)?.focus();
  }, [results, pendingFocus]);

  const deletePage = async (entry: LibraryEntry, row: number) => {
    const title = pageTitle(entry);
    setActionError('');
    try {
      const record = await requestBackground('page.delete', { key: entry.key });
      library.removeLocally(entry.key);
      if (record) {
        const toast: Toast = { id: nextToastId.current++, title, record, message: t('libraryDeleted', title), busy: false };
        setToasts((all) => [...all, toast]);
      }
      setPendingFocus({ key: entry.key, row });
    } catch (error) {
      setActionError(t('errorGeneric', messageOf(error)));
    }
  };

  const undo = async (toast: Toast) => {
    if (!toast.record) return;
    const { record } = toast;
    setToasts((all) => all.map((other) => (other.id === toast.id ? { ...other, busy: true } : other)));
    try {
      await requestBackground('page.restore', { record });
      await library.refresh([record.key]);
      setToasts((all) => all.map((other) => (other.id === toast.id ? { ...other, record: null, busy: false, message: t('libraryRestored', toast.title) } : other)));
      requestAnimationFrame(() => toastArea.current?.querySelector<HTMLButtonElement>(`[data-toast-id="${toast.id}"] .lib-dismiss`)?.focus());
    } catch (error) {
      setToasts((all) => all.map((other) => (other.id === toast.id ? { ...other, busy: false, message: `${t('libraryDeleted', toast.title)} ${t('errorGeneric', messageOf(error))}` } : other)));
    }
  };

  const { state } = library;
  const hasPages = state.kind === 'ready' && index.size > 0;
  const filtering = query.trim() !== '' || stateFilter !== 'all';

  return (
    <main>
      <a class="lib-skip" href="#settings-heading">
        {t('librarySkipToSettings')}
      </a>
      <h1>{t('libraryTitle')}</h1>
      <section class="lib-pages" aria-labelledby="lib-pages-heading">
        <h2 id="lib-pages-heading">{t('libraryPages')}</h2>
        {state.kind === 'loading' && (
          <p class="state muted" role="status">
            {t('libraryLoading')}
          </p>
        )}
        {state.kind === 'error' && (
          <div class="state lib-error" role="alert">
            <p class="error">{t('libraryLoadFailed', state.message)}</p>
            <button type="button" onClick={library.load}>
              {t('libraryRetry')}
            </button>
          </div>
        )}
        {library.refreshError && (
          <p class="error" role="alert">
            {t('errorGeneric', library.refreshError)}
          </p>
        )}
        {library.unreadableCount > 0 && <p class="lib-unreadable muted">{t('libraryUnreadable', library.unreadableCount.toLocaleString())}</p>}
        {actionError && (
          <p class="error" role="alert">
            {actionError}
          </p>
        )}
        {state.kind === 'ready' && !hasPages && <p class="state">{t('libraryEmpty')}</p>}
        {hasPages && (
          <>
            <div class="lib-toolbar" role="search">
              <div class="lib-search">
                <label for="lib-search">{t('librarySearchLabel')}</label>
                <input
                  id="lib-search"
                  ref={searchBox}
                  type="search"
                  autoComplete="off"
                  spellcheck={false}
                  value={query}
                  aria-describedby="lib-search-hint"
                  onInput={(event) => setQuery(event.currentTarget.value)}
                />
                <p id="lib-search-hint" class="lib-hint muted">
                  {t('librarySearchHint')}
                </p>
              </div>
              <label class="lib-filter">
                {t('libraryStateFilterLabel')}
                <select value={stateFilter} onChange={(event) => setStateFilter(event.currentTarget.value as StateFilter)}>
                  <option value="all">{t('libraryStateFilterAll')}</option>
                  {VERDICT_IDS.map((id) => (
                    <option key={id} value={id}>
                      {verdictLabel(id)}
                    </option>
                  ))}
                  <option value="unreviewed">{t('unreviewed')}</option>
                </select>
              </label>
            </div>
            <p class="lib-count muted" role="status">
              {t('libraryShownCount', [results.length.toLocaleString(), index.size.toLocaleString()])}
            </p>
            {library.textState !== 'done' && index.partialCount > 0 && (
              <p class="lib-progress muted">
                {t(library.textState === 'loading' ? 'libraryTextLoading' : 'libraryTextStopped', [(index.size - index.partialCount).toLocaleString(), index.size.toLocaleString()])}
              </p>
            )}
            {results.length === 0 && filtering ? (
              <div class="state lib-no-matches">
                <p>{t('libraryNoMatches')}</p>
                <button
                  type="button"
                  onClick={() => {
                    setQuery('');
                    setStateFilter('all');
                    searchBox.current?.focus();
                  }}
                >
                  {t('libraryClearSearch')}
                </button>
              </div>
            ) : (
              <div ref={listArea}>
                <PageList entries={results} resetKey={`${query}\u0000${stateFilter}`} label={t('libraryPages')} conflicts={conflicts} onDelete={(entry, row) => void deletePage(entry, row)} />
              </div>
            )}
          </>
        )}
      </section>
      <ImportExport />
      <Team />

      <section class="lib-settings-section" aria-labelledby="settings-heading">
        <h2 id="settings-heading" tabIndex={-1}>
          {t('settingsHeading')}
        </h2>
        {settings.state.kind === 'loading' && (
          <p class="state muted" role="status">
            {t('settingsLoading')}
          </p>
        )}
        {settings.state.kind === 'error' && (
          <div class="state" role="alert">
            <p class="error">{t('errorGeneric', settings.state.message)}</p>
            <button type="button" onClick={settings.load}>
              {t('libraryRetry')}
            </button>
          </div>
        )}
        {settings.state.kind === 'ready' && <SettingsForm settings={settings.state.settings} onUpdate={settings.update} status={settings.status} />}
      </section>

      <p class="credits">{t('credits')}</p>

      <div class="lib-toasts" ref={toastArea} role="status">
        {toasts.map((toast) => (
          <ToastView key={toast.id} toast={toast} onUndo={(item) => void undo(item)} onDismiss={dismiss} />
        ))}
      </div>
    </main>
  );
}
