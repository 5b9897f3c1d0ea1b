import { KNOWN_KEY_PREFIX } from '../core/known/known-store';
import { pageStorageKey } from '../core/model/records';
import { SETTINGS_KEY } from '../core/model/schema';
import { handleContentRequests, localStorage, requestBackground } from '../platform/browser';
import { adoptEdit } from '../core/known/adopt';
import { HighlightCard } from './card';
import { ownMarkAround } from './own-marks';
import { PageController } from './page-controller';
import { PageObserver } from './page-observer';
import { selectionSelector, userClaimId } from './selection';

const observer = new PageObserver((reason) => void controller.pageChanged(reason));
const controller = new PageController((change) => observer.withoutObserving(change));
const card = new HighlightCard(
  (id) => controller.claim(id),
  async (claim, match) => {
    const state = await controller.ready();
    await requestBackground('annotation.save', {
      page: { key: state.key, url: state.url, title: state.title },
      id: claim.id,
      origin: claim.annotation?.origin ?? 'detected',
      selector: claim.selector,
      edit: adoptEdit(claim.annotation, match),
    });
  },
);

/** Saves the current selection as a claim (new, or an orphan's new place). */
async function saveSelection(id: string | null): Promise<string> {
  const state = await controller.ready();
  const root = controller.articleRoot();
  if (!root) throw new Error('No article found on this page.');
  const selector = selectionSelector(root);
  if (typeof selector === 'string') throw new Error(selector);
  const claimId = id ?? userClaimId(selector);
  const existing = state.claims.find((claim) => claim.id === claimId)?.annotation;
  await requestBackground('annotation.save', {
    page: { key: state.key, url: state.url, title: state.title },
    id: claimId,
    origin: existing?.origin ?? 'user',
    selector,
    edit: id ? { selector } : {},
  });
  return claimId;
}

handleContentRequests({
  'page.state': () => controller.ready(),
  'claim.reveal': async ({ id }) => controller.reveal(id),
  'claim.step': async ({ direction }) => controller.step(direction),
  'selection.add': () => saveSelection(null),
  'selection.reattach': ({ id }) => saveSelection(id),
});

localStorage.onChanged((keys) => {
  // A page not scanned (scanning on request, or not yet) has nothing to update.
  const key = controller.pageKey();
  if (!key) return;
  // The threshold and the reader's name (credited on their own verdicts) are applied by the background when asked: ask again.
  if (keys.some((changed) => changed.startsWith(KNOWN_KEY_PREFIX)) || keys.includes(SETTINGS_KEY)) return void controller.knownChanged();
  if (keys.includes(pageStorageKey(key))) void controller.refresh();
});

// The card follows the pointer and keyboard focus on Factmark's own highlights (never on page-made look-alikes).
// The pointer may cross the gap to the card (its link and adopt button): hiding waits a moment.
let hideTimer: ReturnType<typeof setTimeout> | null = null;
document.addEventListener('mouseover', (event) => {
  if (hideTimer) clearTimeout(hideTimer);
  hideTimer = null;
  if (card.contains(event.target)) return;
  const mark = ownMarkAround(event.target);
  if (mark) card.show(mark);
  else hideTimer = setTimeout(() => card.hide(), 300);
});
document.addEventListener('focusin', (event) => {
  if (card.contains(event.target)) return;
  const mark = ownMarkAround(event.target);
  if (mark) card.show(mark);
  else card.hide();
});
document.addEventListener('scroll', () => card.hide(), { passive: true });

observer.start();
void controller.autoStart().catch((error: unknown) => console.warn(`Factmark could not scan this page: ${error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error)}`));
