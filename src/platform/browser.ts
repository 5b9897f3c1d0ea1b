/**
 * The one module that touches browser APIs (through webextension-polyfill, so Chrome and
 * Firefox share promise-based code). Everything else calls these typed helpers.
 */
import browser from 'webextension-polyfill';
import type { BackgroundMessage, BackgroundRequests, BackgroundRequestType } from '../messages/background-requests';
import type { ContentMessage, ContentRequests, ContentRequestType } from '../messages/content-requests';
import { createBackgroundClient, DeliveryError, type BackgroundClient } from '../messages/background-client';
import { fail, ok, type Reply } from '../messages/reply';

/** Who sent a request, as far as handlers need to know. */
export interface RequestSender {
  tabId: number | null;
  url: string | null;
}

interface RequestShape {
  request: unknown;
  reply: unknown;
}

type Handlers<Map extends { [K in keyof Map]: RequestShape }> = {
  [K in keyof Map]: (payload: Map[K]['request'], sender: RequestSender) => Promise<Map[K]['reply']>;
};

function unwrap<T>(reply: unknown, type: string): T {
  const typed = reply as Reply<T> | undefined;
  if (!typed || typeof typed !== 'object') throw new Error(`No answer to ${type}.`);
  if (!typed.ok) throw new Error(typed.error);
  return typed.value;
}

let backgroundClient: BackgroundClient | undefined;

/** This context's background client, made on first use. */
function background(): BackgroundClient {
  backgroundClient ??= createBackgroundClient({
    // Looked up on each send, not bound once, so that tests can watch the sends.
    send: (message: BackgroundMessage) => browser.runtime.sendMessage(message),
    // Chrome says "Receiving end does not exist" only when no listener got the message.
    noReceiverMeansNotDelivered: browser.runtime.getURL('').startsWith('chrome-extension:'),
  });
  return backgroundClient;
}

/**
 * Sends a request to the background and returns its value; throws the background's error. A
 * request that fails on the way (the background stopped meanwhile) is sent again when that is
 * safe (src/messages/retry-policy.ts); if it still fails, the error says in words for the reader
 * whether anything may have changed.
 */
export async function requestBackground<K extends BackgroundRequestType>(type: K, payload: BackgroundRequests[K]['request']): Promise<BackgroundRequests[K]['reply']> {
  try {
    return await background().request(type, payload);
  } catch (error) {
    if (!(error instanceof DeliveryError)) throw error;
    console.warn(`Factmark: ${error.message}`);
    throw new Error(t(error.failure === 'not-delivered' ? 'backgroundNotReached' : 'backgroundOutcomeUnknown'));
  }
}

/** Sends a request to the content script of a tab and returns its value. */
export async function requestContent<K extends ContentRequestType>(tabId: number, type: K, payload: ContentRequests[K]['request']): Promise<ContentRequests[K]['reply']> {
  const message = { to: 'content', type, payload } as ContentMessage;
  return unwrap<ContentRequests[K]['reply']>(await browser.tabs.sendMessage(tabId, message), type);
}

function listen<Map extends { [K in keyof Map]: RequestShape }>(to: 'background' | 'content', handlers: Handlers<Map>): void {
  // Not an async listener: returning undefined for other messages leaves them to other listeners.
  browser.runtime.onMessage.addListener((raw: unknown, sender: browser.Runtime.MessageSender) => {
    const message = raw as { to?: unknown; type?: unknown; payload?: unknown } | null;
    if (!message || message.to !== to || typeof message.type !== 'string' || !(message.type in handlers)) return undefined;
    const handler = handlers[message.type as keyof Map] as (payload: unknown, sender: RequestSender) => Promise<unknown>;
    const from: RequestSender = { tabId: sender.tab?.id ?? null, url: sender.url ?? null };
    return handler(message.payload, from).then(ok, (error: unknown) => fail(error));
  });
}

/** Registers the background's request handlers; call once, at the top level of the worker. */
export function handleBackgroundRequests(handlers: Handlers<BackgroundRequests>): void {
  listen<BackgroundRequests>('background', handlers);
}

/** Registers the content script's request handlers; call once, at the top level. */
export function handleContentRequests(handlers: Handlers<ContentRequests>): void {
  listen<ContentRequests>('content', handlers);
}

/** browser.storage.local, reduced to what Factmark uses. */
export const localStorage = {
  /** Reads some keys, or everything with null. */
  get: (keys: string | string[] | null): Promise<Record<string, unknown>> => browser.storage.local.get(keys),
  /** Writes keys; each key is written atomically. */
  set: (items: Record<string, unknown>): Promise<void> => browser.storage.local.set(items),
  /** Removes keys. */
  remove: (keys: string | string[]): Promise<void> => browser.storage.local.remove(keys),
  /** Calls back with the changed keys whenever local storage changes; returns a function that stops it. */
  onChanged(callback: (changedKeys: string[]) => void): () => void {
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local') callback(Object.keys(changes));
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  },
};

/** The id of the active tab of the current window, or null. */
export async function activeTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** The URL of a tab, when the extension may see it. */
export async function tabUrl(tabId: number): Promise<string | null> {
  try {
    return (await browser.tabs.get(tabId)).url ?? null;
  } catch {
    return null;
  }
}

/** A localised UI string from _locales. */
export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** Opens a URL in a new tab. */
export async function openTab(url: string): Promise<void> {
  await browser.tabs.create({ url });
}

/** Opens the library (options) page. */
export async function openLibrary(): Promise<void> {
  await browser.runtime.openOptionsPage();
}

/** Creates (or re-creates, after an update) the context menu item shown on text selections. */
export function registerContextMenu(id: string, title: string): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id, title, contexts: ['selection'] });
  });
}

/** Calls back when a context menu item is chosen, with the tab it was chosen in. */
export function onContextMenuClick(callback: (menuId: string, tabId: number | null) => void): void {
  browser.contextMenus.onClicked.addListener((info, tab) => callback(String(info.menuItemId), tab?.id ?? null));
}

/** Calls back when a keyboard command fires, with the active tab. */
export function onCommand(callback: (command: string, tabId: number | null) => void): void {
  browser.commands.onCommand.addListener((command, tab) => {
    if (tab?.id !== undefined) return callback(command, tab.id);
    void activeTabId().then((tabId) => callback(command, tabId));
  });
}

/**
 * Saves text as a file in the downloads folder. Firefox's event page can make a blob: URL;
 * Chrome's service worker cannot (no URL.createObjectURL), so it gets a data: URL.
 */
export async function downloadText(filename: string, mediaType: string, text: string): Promise<void> {
  const canBlob = typeof URL.createObjectURL === 'function';
  const url = canBlob ? URL.createObjectURL(new Blob([text], { type: mediaType })) : `data:${mediaType.split(';')[0]};charset=utf-8,${encodeURIComponent(text)}`;
  try {
    await browser.downloads.download({ url, filename, saveAs: false, conflictAction: 'uniquify' });
  } finally {
    // The download has its own copy once started; free the blob soon after.
    if (canBlob) setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

// --- Team sync: host permission for the team server, alarms, browser start-up ---

/**
 * Asks for host permission for one origin pattern. Call it first thing in a click handler,
 * before any await: Firefox accepts the request only while it handles the user's input.
 */
export function requestHostPermission(pattern: string): Promise<boolean> {
  return browser.permissions.request({ origins: [pattern] });
}

/** Creates (or replaces) a repeating alarm. */
export async function setRepeatingAlarm(name: string, periodInMinutes: number): Promise<void> {
  await browser.alarms.create(name, { periodInMinutes, delayInMinutes: periodInMinutes });
}

/** Removes an alarm. */
export async function clearAlarm(name: string): Promise<void> {
  await browser.alarms.clear(name);
}

/** Calls back when an alarm fires; call at the top level of the background. */
export function onAlarm(callback: (name: string) => void): void {
  browser.alarms.onAlarm.addListener((alarm) => callback(alarm.name));
}

/** Calls back when the browser starts with the extension installed; call at the top level. */
export function onBrowserStartup(callback: () => void): void {
  browser.runtime.onStartup.addListener(callback);
}
