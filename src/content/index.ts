import { mergeClaims } from '../core/claims/merge';
import { SENSITIVITY_THRESHOLDS } from '../core/claims/score';
import type { PageRecord } from '../core/model/annotation';
import type { PageState } from '../core/model/page-state';
import { pageStorageKey } from '../core/model/records';
import { SETTINGS_KEY } from '../core/model/schema';
import { handleContentRequests, localStorage, requestBackground } from '../platform/browser';
import { clearHighlights, highlightClaims, revealHighlight } from './highlighter';
import { scanPage, type PageScan } from './page-scan';

let scan: PageScan | null = null;
let state: PageState | null = null;

/** Joins the scan with the stored record and (re)draws the highlights. */
async function render(): Promise<PageState> {
  scan ??= scanPage(document, location.href);
  const current = scan;
  if (!current.article) {
    state = { key: current.key, url: current.url, title: current.title, status: 'no-article', claims: [] };
    return state;
  }
  const [settings, record] = await Promise.all([
    requestBackground('settings.get', {}),
    requestBackground('page.get', { key: current.key }) as Promise<PageRecord | null>,
  ]);
  const claims = mergeClaims(current.text, current.sentences, SENSITIVITY_THRESHOLDS[settings.sensitivity], record);
  clearHighlights(current.article.root);
  highlightClaims(current.article.root, claims);
  state = { key: current.key, url: current.url, title: current.title, status: 'ready', claims };
  return state;
}

let pending: Promise<PageState> | null = null;

/** Renders once at a time; callers during a render share its result. */
function renderOnce(): Promise<PageState> {
  pending ??= render().finally(() => {
    pending = null;
  });
  return pending;
}

handleContentRequests({
  'page.state': async () => pending ?? state ?? renderOnce(),
  'claim.reveal': async ({ id }) => revealHighlight(id),
});

localStorage.onChanged((keys) => {
  if (scan && (keys.includes(pageStorageKey(scan.key)) || keys.includes(SETTINGS_KEY))) void renderOnce();
});

void renderOnce().catch((error: unknown) => console.warn(`Factmark could not scan this page: ${error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error)}`));
