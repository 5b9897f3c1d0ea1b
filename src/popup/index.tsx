import { render } from 'preact';
import { activeTabId } from '../platform/browser';
import { App } from './App';

/** The tab the popup is for: `?tab=<id>` when opened as a page (tests, automation), else the active tab. */
async function targetTab(): Promise<number | null> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  return activeTabId();
}

void targetTab().then((tabId) => {
  const root = document.getElementById('app');
  if (root) render(<App tabId={tabId} />, root);
});
