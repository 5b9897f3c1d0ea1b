import { pageStorageKey } from '../core/model/records';
import { SETTINGS_KEY } from '../core/model/schema';
import { handleContentRequests, localStorage, requestBackground } from '../platform/browser';
import { HighlightCard } from './card';
import { ownMarkAround } from './own-marks';
import { PageController } from './page-controller';
import { PageObserver } from './page-observer';
import { selectionSelector, userClaimId } from './selection';

const observer = new PageObserver((reason) => void controller.pageChanged(reason));
const controller = new PageController((change) => observer.withoutObserving(change));
const card = new HighlightCard((id) => controller.claim(id));

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
  const key = controller.pageKey();
  if (key && (keys.includes(pageStorageKey(key)) || keys.includes(SETTINGS_KEY))) void controller.refresh();
});

// The card follows the pointer and keyboard focus on Factmark's own highlights (never on page-made look-alikes).
document.addEventListener('mouseover', (event) => {
  const mark = ownMarkAround(event.target);
  if (mark) card.show(mark);
  else card.hide();
});
document.addEventListener('focusin', (event) => {
  const mark = ownMarkAround(event.target);
  if (mark) card.show(mark);
  else card.hide();
});
document.addEventListener('scroll', () => card.hide(), { passive: true });

observer.start();
void controller.autoStart().catch((error: unknown) => console.warn(`Factmark could not scan this page: ${error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error)}`));
