import { useCallback, useEffect, useState } from 'preact/hooks';
import type { AnnotationEdit, PageRecord } from '../core/model/annotation';
import type { ClaimView, PageState } from '../core/model/page-state';
import { pageStorageKey } from '../core/model/records';
import { localStorage, openLibrary, requestBackground, requestContent, t } from '../platform/browser';
import { ClaimCard } from './ClaimCard';

type View = { kind: 'loading' } | { kind: 'restricted' } | { kind: 'error'; message: string } | { kind: 'page'; page: PageState };

/** Replaces each claim's annotation with the stored one, so the list shows saved work at once. */
function withRecord(page: PageState, record: PageRecord | null): PageState {
  return { ...page, claims: page.claims.map((claim) => ({ ...claim, annotation: record?.annotations[claim.id] ?? null })) };
}

/** The popup for one tab: the page's claims and the reviewer's work on them. */
export function App({ tabId }: { tabId: number | null }) {
  const [view, setView] = useState<View>({ kind: 'loading' });
  const load = useCallback(async () => {
    if (tabId === null) return setView({ kind: 'restricted' });
    let page: PageState;
    try {
      page = await requestContent(tabId, 'page.state', {});
    } catch {
      // No content script answers on browser pages, stores, the PDF viewer or file: pages.
      return setView({ kind: 'restricted' });
    }
    try {
      const record = page.status === 'ready' ? await requestBackground('page.get', { key: page.key }) : null;
      setView({ kind: 'page', page: withRecord(page, record) });
    } catch (error) {
      setView({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }, [tabId]);

  useEffect(() => {
    void load();
  }, [load]);

  const pageKey = view.kind === 'page' ? view.page.key : null;
  useEffect(() => {
    if (!pageKey) return;
    localStorage.onChanged((keys) => {
      if (keys.includes(pageStorageKey(pageKey))) void load();
    });
  }, [pageKey, load]);

  const save = async (claim: ClaimView, edit: AnnotationEdit) => {
    if (view.kind !== 'page') return;
    const { page } = view;
    const record = await requestBackground('annotation.save', {
      page: { key: page.key, url: page.url, title: page.title },
      id: claim.id,
      origin: claim.annotation?.origin ?? 'detected',
      selector: claim.selector,
      edit,
    });
    setView({ kind: 'page', page: withRecord(page, record) });
  };
  const reveal = (claim: ClaimView) => {
    if (tabId !== null) void requestContent(tabId, 'claim.reveal', { id: claim.id }).catch(() => undefined);
  };

  return (
    <main>
      <header class="header">
        <h1>{t('popupTitle')}</h1>
        {view.kind === 'page' && <span class="muted">{t('claimCount', String(view.page.claims.length))}</span>}
        <button type="button" onClick={() => void openLibrary()}>{t('openLibrary')}</button>
      </header>
      {view.kind === 'loading' && <p class="state muted" role="status">{t('loading')}</p>}
      {view.kind === 'restricted' && <p class="state">{t('restrictedPage')}</p>}
      {view.kind === 'error' && <p class="state error" role="alert">{t('errorGeneric', view.message)}</p>}
      {view.kind === 'page' && view.page.status === 'no-article' && <p class="state">{t('noArticle')}</p>}
      {view.kind === 'page' && view.page.status === 'ready' && view.page.claims.length === 0 && <p class="state">{t('noClaims')}</p>}
      {view.kind === 'page' && view.page.claims.length > 0 && (
        <ol class="claims">
          {view.page.claims.map((claim) => (
            <ClaimCard key={`${claim.id}:${claim.annotation?.updatedAt ?? ''}`} claim={claim} onSave={save} onReveal={reveal} />
          ))}
        </ol>
      )}
    </main>
  );
}
