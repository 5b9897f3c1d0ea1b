import { onCommand, onContextMenuClick, registerContextMenu, requestContent, t } from '../platform/browser';

const ADD_CLAIM_MENU = 'factmark-add-claim';

/** Sends a request to the content script of a tab, ignoring tabs without one (browser pages). */
async function toTab(tabId: number | null, action: 'add' | 'next' | 'previous'): Promise<void> {
  if (tabId === null) return;
  try {
    if (action === 'add') await requestContent(tabId, 'selection.add', {});
    else await requestContent(tabId, 'claim.step', { direction: action === 'next' ? 1 : -1 });
  } catch (error) {
    console.warn(`Factmark: ${action} failed in tab ${tabId}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Wires the context menu item and keyboard commands; call at the top level of the worker. */
export function registerCommands(): void {
  registerContextMenu(ADD_CLAIM_MENU, t('contextAddClaim'));
  onContextMenuClick((menuId, tabId) => {
    if (menuId === ADD_CLAIM_MENU) void toTab(tabId, 'add');
  });
  onCommand((command, tabId) => {
    if (command === 'add-claim') void toTab(tabId, 'add');
    else if (command === 'next-claim') void toTab(tabId, 'next');
    else if (command === 'previous-claim') void toTab(tabId, 'previous');
  });
}
