// A stand-in for the extension APIs that src/background/commands.ts uses (context menus,
// commands, tabs), recording what it is asked to do. Import it before any module that reaches
// src/platform/browser.ts: webextension-polyfill hands back globalThis.browser when it has a
// runtime id.
import { getMessage } from './fake-extension-api';

type Listener = (...args: unknown[]) => unknown;

/** What the code under test registered and sent. */
export const recorded = {
  installedListeners: [] as Listener[],
  menuClickListeners: [] as Listener[],
  commandListeners: [] as Listener[],
  menus: [] as Array<{ id: string; title: string; contexts: string[] }>,
  sent: [] as Array<{ tabId: number; message: unknown }>,
  activeTabId: 7 as number | null,
};

const api = {
  runtime: { id: 'factmark-unit-tests', getURL: (path: string) => `chrome-extension://factmark-unit-tests/${path}`, onInstalled: { addListener: (l: Listener) => recorded.installedListeners.push(l) } },
  i18n: { getMessage },
  contextMenus: { create: (item: { id: string; title: string; contexts: string[] }) => recorded.menus.push(item), onClicked: { addListener: (l: Listener) => recorded.menuClickListeners.push(l) } },
  commands: { onCommand: { addListener: (l: Listener) => recorded.commandListeners.push(l) } },
  tabs: {
    sendMessage: async (tabId: number, message: unknown) => {
      recorded.sent.push({ tabId, message });
      return { ok: true, value: 'claim-1' };
    },
    query: async () => (recorded.activeTabId === null ? [] : [{ id: recorded.activeTabId }]),
  },
};
Object.assign(globalThis, { chrome: api, browser: api });
