import { useCallback, useEffect, useState } from 'preact/hooks';
import type { AnnotationEdit, PageRecord } from '../core/model/annotation';
import type { ClaimView, PageState } from '../core/model/page-state';
import { pageStorageKey } from '../core/model/records';
import { SETTINGS_KEY } from '../core/model/schema';
import { TEAM_CONFLICTS_KEY } from '../core/sync/team';
import { localStorage, openLibrary, requestBackground, requestContent, t } from '../platform/browser';
import { matchesFilter, type ClaimFilter } from '../core/model/claim-filters';
import { compareByCheckWorthiness, rankClaims } from '../core/claims/rank';
import type { ClaimOrder } from '../core/model/settings';
import { OrderControl } from './OrderControl';
import { ClaimCard } from './ClaimCard';
import { ExportBar } from '../ui/ExportBar';
import { NoticeLine } from './NoticeLine';
import { SiteToggle } from './SiteToggle';
import { Summary } from './Summary';
import { FactCheckNote } from './KnownMatches';

type View = { kind: 'loading' } | { kind: 'restricted' } | { kind: 'error'; message: string } | { kind: 'page'; page: PageState };

/** Replaces each claim's annotation with the stored one, so the list shows saved work at once. */
function withRecord(page: PageState, record: PageRecord | null): PageState {
  return { ...page, claims: page.claims.map((claim) => ({ ...claim, annotation: record?.annotations[claim.id] ?? null })) };
}

/** j / k move focus to the next or previous claim, as in mail and feed readers. */
function moveFocus(event: KeyboardEvent): void {
  const target = event.target as HTMLElement | null;
  if (!target || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || (event.key !== 'j' && event.key !== 'k')) return;
  const buttons = [...document.querySelectorAll<HTMLButtonElement>('.claim .claim-text')];
  const current = buttons.findIndex((button) => button.closest('.claim') === target.closest('.claim'));
  const next = buttons[Math.min(buttons.length - 1, Math.max(0, current + (event.key === 'j' ? 1 : -1)))];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

/** The popup for one tab: the page's claims and the reviewer's work on them. */
export function App({ tabId }: { tabId: number | null }) {
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [filter, setFilter] = useState<ClaimFilter>('all');
  const [order, setOrder] = useState<ClaimOrder>('reading');
  const [conflicts, setConflicts] = useState<Record<string, number>>({});
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
      // Team sync: which annotations have more than one version (none for a reader without a team).
      setConflicts(page.status === 'ready' ? await requestBackground('team.conflicts', { key: page.key }).catch(() => ({})) : {});
    } catch (error) {
      setView({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }, [tabId]);

  useEffect(() => {
    void load();
    // The order is the reader's setting; reading order until it is known (or if it cannot be read).
    requestBackground('settings.get', {}).then((settings) => setOrder(settings.claimOrder)).catch(() => undefined);
  }, [load]);
  const chooseOrder = (next: ClaimOrder) => {
    setOrder(next);
    void requestBackground('settings.update', { patch: { claimOrder: next } }).catch(() => undefined);
  };

  const pageKey = view.kind === 'page' ? view.page.key : null;
  useEffect(() => {
    if (!pageKey) return;
    return localStorage.onChanged((keys) => {
      if (keys.includes(pageStorageKey(pageKey)) || keys.includes(SETTINGS_KEY) || keys.includes(TEAM_CONFLICTS_KEY)) void load();
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
  const reattach = async (claim: ClaimView) => {
    if (tabId !== null) await requestContent(tabId, 'selection.reattach', { id: claim.id });
  };
  const remove = async (claim: ClaimView) => {
    if (view.kind === 'page') await requestBackground('annotation.delete', { key: view.page.key, id: claim.id });
  };
  const reveal = (claim: ClaimView) => {
    if (tabId !== null) void requestContent(tabId, 'claim.reveal', { id: claim.id }).catch(() => undefined);
  };

  const ranks = rankClaims(view.kind === 'page' ? view.page.claims : []);
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
      {view.kind === 'page' && <FactCheckNote report={view.page.factChecks} />}
      {view.kind === 'page' && view.page.status === 'no-article' && <p class="state">{t('noArticle')}</p>}
      {view.kind === 'page' && view.page.status === 'disabled' && <p class="state">{t('siteDisabled')}</p>}
      {view.kind === 'page' && view.page.status === 'ready' && view.page.notice && <NoticeLine notice={view.page.notice} />}
      {view.kind === 'page' && (
        <p class="state site-row">
          <SiteToggle url={view.page.url} />
        </p>
      )}
      {view.kind === 'page' && view.page.status === 'ready' && !view.page.notice && view.page.claims.length === 0 && <p class="state">{t('noClaims')}</p>}
      {view.kind === 'page' && view.page.claims.length > 0 && (
        <>
          <Summary claims={view.page.claims} filter={filter} onFilter={setFilter} />
          <OrderControl order={order} onOrder={chooseOrder} />
          <ol class="claims" onKeyDown={moveFocus}>
            {(order === 'check-worthiness' ? [...view.page.claims].sort(compareByCheckWorthiness) : view.page.claims)
              .filter((claim) => matchesFilter(claim, filter))
              .map((claim) => (
                <ClaimCard
                  key={claim.id}
                  claim={claim}
                  rank={ranks.get(claim.id)}
                  rankOf={ranks.size}
                  onSave={save}
                  onReveal={reveal}
                  onReattach={reattach}
                  onDelete={remove}
                  conflict={conflicts[claim.id] ? { versions: conflicts[claim.id] ?? 0, pageKey: view.page.key, onResolved: () => void load() } : undefined}
                />
              ))}
          </ol>
          <p class="shortcuts muted">{t('shortcutsHint')}</p>
          <ExportBar pageKey={view.page.key} />
        </>
      )}
    </main>
  );
}
