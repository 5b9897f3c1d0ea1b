// The browser-neutral face of the e2e harness: one interface that Chromium (playwright-core)
// and Firefox (puppeteer-core over WebDriver BiDi) both implement, so each test is written
// once and run in both with describe.each(BROWSERS).
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import { REPO_ROOT } from './server';

/** The browsers the harness drives. */
export type BrowserName = 'chromium' | 'firefox';

/** Both browsers, for describe.each(BROWSERS). */
export const BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

/** Text to match: a string (case-insensitive substring, or whole-string when exact) or a RegExp. */
export type TextMatch = string | RegExp;

/**
 * What an action or query targets. A string is a CSS selector; the object forms find elements
 * by accessible role and name, by label, by visible text or by data-testid, like Playwright's
 * getByRole / getByLabel / getByText / getByTestId. All forms see into open shadow roots.
 * Actions need exactly one match unless `nth` picks one (negative counts from the end).
 */
export type Target =
  | string
  | { css: string; nth?: number }
  | { role: string; name?: TextMatch; exact?: boolean; nth?: number }
  | { label: TextMatch; exact?: boolean; nth?: number }
  | { text: TextMatch; exact?: boolean; nth?: number }
  | { testId: string; nth?: number };

/** States that waitFor can wait for. */
export type WaitState = 'attached' | 'detached' | 'visible' | 'hidden';

/** A tab or extension page in either browser. */
export interface PageHandle {
  /** Which browser the page is in. */
  readonly browser: BrowserName;
  /** The document's current URL, read from the page itself (location.href). */
  url(): Promise<string>;
  /** Navigates this tab and waits until the document has loaded. */
  goto(url: string): Promise<void>;
  /** Runs a function (or expression string) in the page's main world and returns its serialisable result. */
  evaluate<T>(fn: string | (() => T | Promise<T>)): Promise<T>;
  /** Runs a function with one serialisable argument in the page. */
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /** Waits until the target exists in the DOM (state 'attached'). */
  waitForSelector(target: Target, timeoutMs?: number): Promise<void>;
  /** Waits until the target reaches a state (default 'visible'). */
  waitFor(target: Target, options?: { state?: WaitState; timeoutMs?: number }): Promise<void>;
  /** Waits until a page function (or expression) returns a truthy value. */
  waitForFunction(fn: string | (() => unknown), timeoutMs?: number): Promise<void>;
  /** How many elements match right now. */
  count(target: Target): Promise<number>;
  /** True when one matching element is rendered and visible right now. */
  isVisible(target: Target): Promise<boolean>;
  /** The text (innerText, whitespace collapsed) of the single matching element. */
  text(target: Target): Promise<string>;
  /** The texts of all matching elements, in document order. */
  texts(target: Target): Promise<string[]>;
  /** An attribute of the single matching element, or null. */
  attribute(target: Target, name: string): Promise<string | null>;
  /** The value of the single matching input, textarea or select. */
  value(target: Target): Promise<string>;
  /** Clicks the single matching element with real input events (after waiting for it). */
  click(target: Target): Promise<void>;
  /** Moves the mouse over the single matching element. */
  hover(target: Target): Promise<void>;
  /** Replaces the content of an input, textarea or contenteditable by typing. */
  fill(target: Target, value: string): Promise<void>;
  /** Chooses an option of a select by value (falls back to its label). */
  select(target: Target, value: string): Promise<void>;
  /** Checks or unchecks a checkbox/radio/switch by clicking it when needed. */
  setChecked(target: Target, checked: boolean): Promise<void>;
  /** Presses a key or chord on the focused element, e.g. 'Enter', 'Escape', 'Control+a'. */
  press(key: string): Promise<void>;
  /** Reloads the document and waits until it has loaded again. */
  reload(): Promise<void>;
  /** Makes this the selected tab of its window. */
  bringToFront(): Promise<void>;
  /** Saves a PNG of the viewport (or the whole page) to path, creating its folder. */
  screenshot(path: string, options?: { fullPage?: boolean }): Promise<void>;
  /**
   * The texts (outside <style>) inside the CLOSED shadow root of the first `hostTag` element,
   * which page scripts cannot see: [] when there is no such root, null where the browser offers
   * tests no way in (Firefox; Chromium reads it through the DevTools protocol).
   */
  closedShadowTexts(hostTag: string): Promise<string[] | null>;
  /** Console messages ("type: text") seen since the page was opened (best effort in Firefox extension pages). */
  consoleMessages(): string[];
  /** Uncaught page errors seen since the page was opened (best effort in Firefox extension pages). */
  pageErrors(): string[];
  /** Closes the tab. */
  close(): Promise<void>;
}

/** A launched browser with the extension installed. */
export interface BrowserDriver {
  /** Which browser this is. */
  readonly name: BrowserName;
  /** chrome-extension://<id> or moz-extension://<uuid>, no trailing slash. */
  readonly extensionOrigin: string;
  /** The host part of extensionOrigin (Chromium extension id or Firefox internal UUID). */
  readonly extensionHost: string;
  /** The extension's runtime.id (the Chromium id, or the gecko id in Firefox). */
  readonly extensionId: string;
  /** The profile directory when launched with profileDir, else undefined (temporary profile). */
  readonly profileDir: string | undefined;
  /** Milliseconds from launch start until the extension was usable. */
  readonly launchMs: number;
  /** Absolute URL of an extension page, e.g. extensionUrl('popup.html?tab=3'). */
  extensionUrl(path: string): string;
  /** Opens a normal tab at url and waits for it to load. */
  openPage(url: string): Promise<PageHandle>;
  /** Opens an extension page (path relative to the extension root, e.g. 'popup.html?tab=12') in a new tab. */
  openExtensionPage(path: string): Promise<PageHandle>;
  /** Waits for a tab (e.g. one the extension opened) whose URL matches and returns it. */
  waitForPage(match: string | RegExp | ((url: string) => boolean), timeoutMs?: number): Promise<PageHandle>;
  /** The tabs.query id of the tab showing url, as the extension sees it (retries while tabs settle). */
  tabIdOf(url: string): Promise<number>;
  /** Runs a function in an extension page (a utility tab showing manifest.json), where browser/chrome APIs exist. */
  extensionEvaluate<T>(fn: string | (() => T | Promise<T>)): Promise<T>;
  /** Like extensionEvaluate, with one serialisable argument. */
  extensionEvaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /** storage.local.get(keys) (all keys by default) from an extension page. */
  storageGet(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  /** storage.local.set(items) from an extension page. */
  storageSet(items: Record<string, unknown>): Promise<void>;
  /** storage.local.clear() from an extension page. */
  storageClear(): Promise<void>;
  /** Polls storage.local until predicate(all items) is true; returns the items. */
  waitForStorage(predicate: (items: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** What the extension's background (Chromium's service worker, Firefox's event page) is doing now. */
  backgroundState(): Promise<BackgroundState>;
  /**
   * Stops the extension's background at once, even in the middle of a request, and waits until
   * it has stopped: true when it did stop, false when it was already stopped or a new event kept
   * it running (Firefox cancels a stop when an event arrives while it is suspending).
   */
  stopBackground(): Promise<boolean>;
  /** Closes the browser, waits for its processes to exit and removes a temporary profile. */
  close(): Promise<void>;
}

/** The life-cycle state of the extension's background, the same words in both browsers. */
export type BackgroundState = 'starting' | 'running' | 'stopping' | 'stopped';

/** Options for launch. */
export interface LaunchOptions {
  /** Persistent profile directory (created if missing) for restart tests; default: a temporary profile, removed on close. */
  profileDir?: string;
  /** Unpacked extension directory; default <repo>/dist/chrome or <repo>/dist/firefox. */
  extensionDir?: string;
  /** Viewport size for every tab; default 1280x800. */
  viewport?: { width: number; height: number };
}

/** Default wait for elements and page conditions. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** Default wait for navigations. */
export const NAVIGATION_TIMEOUT_MS = 30_000;

/** Default viewport for every tab in both browsers. */
export const DEFAULT_VIEWPORT = { width: 1280, height: 800 } as const;

/** The built, loadable extension for a browser: <repo>/dist/chrome or <repo>/dist/firefox. */
export function distDir(name: BrowserName): string {
  return join(REPO_ROOT, 'dist', name === 'chromium' ? 'chrome' : 'firefox');
}

/** True when `npm run build` has produced the extension for every given browser. */
export function hasBuiltExtension(names: readonly BrowserName[] = BROWSERS): boolean {
  return names.every((name) => existsSync(join(distDir(name), 'manifest.json')));
}

/** A path under tests/e2e/artifacts/ (gitignored) for screenshots, creating the folder. */
export function artifactPath(fileName: string): string {
  const dir = join(REPO_ROOT, 'tests', 'e2e', 'artifacts');
  mkdirSync(dir, { recursive: true });
  return join(dir, fileName);
}

/** Reads an unpacked extension's manifest.json. */
export function readManifest(extensionDir: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
}

/** Launches a browser with the extension installed. */
export async function launch(name: BrowserName, options: LaunchOptions = {}): Promise<BrowserDriver> {
  if (name === 'chromium') return launchChromium(options);
  if (name === 'firefox') return launchFirefox(options);
  throw new Error(`unknown browser: ${String(name)}`);
}

// ---------------------------------------------------------------------------------------
// Shared plumbing for chromium.ts and firefox.ts (not needed by tests). chromium.ts and
// firefox.ts import these, and this module imports them: nothing below may be used by them
// while modules load, only inside functions.

/** A Target in the JSON form the in-page finder takes (RegExps as source/flags). */
export interface WireTarget {
  kind: 'css' | 'role' | 'label' | 'text' | 'testId';
  value: string;
  name?: { source: string; flags: string } | { text: string };
  exact: boolean;
  nth: number | null;
}

/** Converts a Target to its wire form. */
export function toWire(target: Target): WireTarget {
  const match = (m: TextMatch): { source: string; flags: string } | { text: string } =>
    m instanceof RegExp ? { source: m.source, flags: m.flags } : { text: m };
  if (typeof target === 'string') return { kind: 'css', value: target, exact: false, nth: null };
  const nth = target.nth ?? null;
  if ('css' in target) return { kind: 'css', value: target.css, exact: false, nth };
  if ('role' in target) {
    return {
      kind: 'role',
      value: target.role,
      ...(target.name === undefined ? {} : { name: match(target.name) }),
      exact: target.exact ?? false,
      nth,
    };
  }
  if ('label' in target) return { kind: 'label', value: '', name: match(target.label), exact: target.exact ?? false, nth };
  if ('text' in target) return { kind: 'text', value: '', name: match(target.text), exact: target.exact ?? false, nth };
  return { kind: 'testId', value: target.testId, exact: true, nth };
}

/** A readable description of a Target, for error messages. */
export function describeTarget(target: Target): string {
  return typeof target === 'string' ? JSON.stringify(target) : JSON.stringify(target, (_k, v: unknown) => (v instanceof RegExp ? String(v) : v));
}

/**
 * In-page source of `(wire) => Element[]`: every element matching a WireTarget, in document
 * order, looking into open shadow roots. Kept as plain JavaScript text so that no TypeScript
 * or coverage transform can change what runs in the browser.
 */
export const FIND_SOURCE = String.raw`(function (t) {
  var norm = function (s) { return String(s == null ? '' : s).replace(/\s+/g, ' ').trim(); };
  var all = [];
  var walk = function (root) {
    var kids = root.children || [];
    for (var i = 0; i < kids.length; i++) {
      var el = kids[i];
      all.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
      walk(el);
    }
  };
  walk(document);
  var hiddenA11y = function (el) {
    for (var n = el; n; n = n.parentElement || (n.getRootNode && n.getRootNode().host) || null) {
      if (n.nodeType !== 1) break;
      if (n.getAttribute('aria-hidden') === 'true' || n.hidden) return true;
      if (n.localName === 'option' || n.localName === 'optgroup') continue;
      var cs = getComputedStyle(n);
      if (cs.display === 'none') return true;
      if (n === el && cs.visibility === 'hidden') return true;
    }
    return false;
  };
  var textOf = function (node, labels) {
    if (node.nodeType === 3) return node.data;
    if (node.nodeType !== 1) return '';
    var el = node;
    if (/^(script|style|template|noscript)$/.test(el.localName)) return '';
    if (el.hidden || el.getAttribute('aria-hidden') === 'true') return '';
    if (labels) {
      if (el.localName === 'img') return el.getAttribute('alt') || '';
      var al = el.getAttribute('aria-label');
      if (al && al.trim()) return al;
    }
    var kids = el.shadowRoot ? el.shadowRoot.childNodes : el.childNodes;
    var out = '';
    for (var i = 0; i < kids.length; i++) {
      var k = kids[i];
      if (k.localName === 'slot') {
        var assigned = k.assignedNodes({ flatten: true });
        for (var j = 0; j < assigned.length; j++) out += textOf(assigned[j], labels);
      } else {
        var block = k.nodeType === 1 && /^(div|p|li|br|h[1-6]|tr|td|th|section|article|ul|ol|dd|dt)$/.test(k.localName);
        out += (block ? ' ' : '') + textOf(k, labels) + (block ? ' ' : '');
      }
    }
    return out;
  };
  var contentOf = function (el) {
    var kids = el.shadowRoot ? el.shadowRoot.childNodes : el.childNodes;
    var out = '';
    for (var i = 0; i < kids.length; i++) out += textOf(kids[i], true);
    return out;
  };
  var implicitRole = function (el) {
    var tag = el.localName, type = (el.getAttribute('type') || 'text').toLowerCase();
    switch (tag) {
      case 'button': return 'button';
      case 'summary': return 'button';
      case 'a': case 'area': return el.hasAttribute('href') ? 'link' : null;
      case 'input':
        if (type === 'button' || type === 'submit' || type === 'reset' || type === 'image') return 'button';
        if (type === 'checkbox') return 'checkbox';
        if (type === 'radio') return 'radio';
        if (type === 'range') return 'slider';
        if (type === 'number') return 'spinbutton';
        if (type === 'search') return el.hasAttribute('list') ? 'combobox' : 'searchbox';
        if (['hidden', 'file', 'color', 'date', 'datetime-local', 'month', 'time', 'week', 'password'].indexOf(type) >= 0) return null;
        return el.hasAttribute('list') ? 'combobox' : 'textbox';
      case 'textarea': return 'textbox';
      case 'select': return el.multiple || el.size > 1 ? 'listbox' : 'combobox';
      case 'option': return 'option';
      case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': return 'heading';
      case 'img': return el.getAttribute('alt') === '' ? 'presentation' : 'img';
      case 'ul': case 'ol': case 'menu': return 'list';
      case 'li': return 'listitem';
      case 'nav': return 'navigation';
      case 'main': return 'main';
      case 'header': return 'banner';
      case 'footer': return 'contentinfo';
      case 'aside': return 'complementary';
      case 'form': return 'form';
      case 'search': return 'search';
      case 'section': return el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby') ? 'region' : null;
      case 'article': return 'article';
      case 'dialog': return 'dialog';
      case 'table': return 'table';
      case 'tr': return 'row';
      case 'td': return 'cell';
      case 'th': return 'columnheader';
      case 'fieldset': return 'group';
      case 'details': return 'group';
      case 'progress': return 'progressbar';
      case 'meter': return 'meter';
      case 'output': return 'status';
      case 'hr': return 'separator';
      case 'p': return 'paragraph';
      case 'mark': return 'mark';
      case 'blockquote': return 'blockquote';
      case 'figure': return 'figure';
      default: return null;
    }
  };
  var roleOf = function (el) {
    var r = el.getAttribute('role');
    if (r && r.trim()) return r.trim().split(/\s+/)[0].toLowerCase();
    return implicitRole(el);
  };
  var byIds = function (el, ids) {
    var root = el.getRootNode();
    return ids.split(/\s+/).map(function (id) {
      var r = (root.getElementById && root.getElementById(id)) || document.getElementById(id);
      return r ? textOf(r, true) : '';
    }).join(' ');
  };
  var labelsOf = function (el) {
    var out = [];
    if (el.labels) for (var i = 0; i < el.labels.length; i++) out.push(textOf(el.labels[i], true));
    return out;
  };
  var nameOf = function (el) {
    var lb = el.getAttribute('aria-labelledby');
    if (lb && lb.trim()) return norm(byIds(el, lb));
    var al = el.getAttribute('aria-label');
    if (al && al.trim()) return norm(al);
    var tag = el.localName, type = (el.getAttribute('type') || '').toLowerCase();
    if (tag === 'input' && (type === 'button' || type === 'submit' || type === 'reset')) {
      return norm(el.value || (type === 'submit' ? 'Submit' : type === 'reset' ? 'Reset' : ''));
    }
    if (tag === 'input' && type === 'image') return norm(el.getAttribute('alt') || el.getAttribute('title') || 'Submit');
    if (tag === 'input' || tag === 'textarea' || tag === 'select' || tag === 'meter' || tag === 'progress' || tag === 'output') {
      var ls = labelsOf(el).join(' ');
      if (norm(ls)) return norm(ls);
      return norm(el.getAttribute('title') || el.getAttribute('placeholder') || '');
    }
    if (tag === 'img') return norm(el.getAttribute('alt') || el.getAttribute('title') || '');
    if (tag === 'fieldset') { var lg = el.querySelector(':scope > legend'); if (lg) return norm(textOf(lg, true)); }
    if (tag === 'table') { var cap = el.querySelector(':scope > caption'); if (cap) return norm(textOf(cap, true)); }
    if (tag === 'figure') { var fc = el.querySelector(':scope > figcaption'); if (fc) return norm(textOf(fc, true)); }
    var role = roleOf(el);
    var fromContent = ['button', 'link', 'heading', 'option', 'listitem', 'cell', 'columnheader', 'rowheader', 'row', 'tab', 'menuitem',
      'menuitemcheckbox', 'menuitemradio', 'checkbox', 'radio', 'switch', 'treeitem', 'tooltip', 'mark', 'gridcell', 'paragraph', 'status', 'alert'];
    if (fromContent.indexOf(role) >= 0) {
      var text = norm(contentOf(el));
      if (text) return text;
    }
    return norm(el.getAttribute('title') || '');
  };
  var matches = function (value, m) {
    value = norm(value);
    if (!m) return true;
    if ('source' in m) return new RegExp(m.source, m.flags).test(value);
    return t.exact ? value === norm(m.text) : value.toLowerCase().indexOf(norm(m.text).toLowerCase()) >= 0;
  };
  var found = [];
  if (t.kind === 'css') {
    found = all.filter(function (el) { return el.matches(t.value); });
  } else if (t.kind === 'testId') {
    found = all.filter(function (el) { return el.getAttribute('data-testid') === t.value; });
  } else if (t.kind === 'role') {
    var want = t.value.toLowerCase();
    found = all.filter(function (el) { return roleOf(el) === want && !hiddenA11y(el) && matches(nameOf(el), t.name); });
  } else if (t.kind === 'label') {
    found = all.filter(function (el) {
      var cands = labelsOf(el);
      var lb = el.getAttribute('aria-labelledby');
      if (lb && lb.trim()) cands.push(byIds(el, lb));
      var al = el.getAttribute('aria-label');
      if (al) cands.push(al);
      return !hiddenA11y(el) && cands.some(function (c) { return norm(c) && matches(c, t.name); });
    });
  } else if (t.kind === 'text') {
    var skip = /^(script|style|template|noscript|head|title|meta|link|html)$/;
    var hits = all.filter(function (el) { return !skip.test(el.localName) && !hiddenA11y(el) && matches(textOf(el, false), t.name); });
    var set = new Set(hits);
    found = hits.filter(function (el) {
      var kids = el.shadowRoot ? Array.prototype.slice.call(el.shadowRoot.children).concat(Array.prototype.slice.call(el.children)) : el.children;
      for (var i = 0; i < kids.length; i++) if (set.has(kids[i])) return false;
      return true;
    });
  }
  if (t.nth !== null && t.nth !== undefined) {
    var pick = t.nth < 0 ? found[found.length + t.nth] : found[t.nth];
    return pick ? [pick] : [];
  }
  return found;
})`;

/** In-page source of `(el) => boolean`: rendered with a non-empty box and not visibility:hidden. */
export const VISIBLE_SOURCE = String.raw`(function (el) {
  if (!el || !el.isConnected) return false;
  if (el.localName === 'option') { var s = el.closest('select'); return !!s && (function (x) { var r = x.getBoundingClientRect(); return r.width > 0 && r.height > 0; })(s); }
  if (el.checkVisibility && !el.checkVisibility({ visibilityProperty: true, checkVisibilityCSS: true })) return false;
  var r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0;
})`;

/** An expression evaluating to the matching elements of a Target. */
export function findExpression(target: Target): string {
  return `${FIND_SOURCE}(${JSON.stringify(toWire(target))})`;
}

/** An expression evaluating to a summary of the matches: count, visible count, first few outerHTML heads. */
export function probeExpression(target: Target): string {
  return `(function () {
    var els = ${findExpression(target)};
    var vis = ${VISIBLE_SOURCE};
    return { count: els.length, visible: els.filter(vis).length, firstVisible: els.length > 0 && vis(els[0]),
      samples: els.slice(0, 3).map(function (e) { return e.outerHTML.slice(0, 120); }) };
  })()`;
}

/** What probeExpression returns. */
export interface Probe {
  count: number;
  visible: number;
  firstVisible: boolean;
  samples: string[];
}

/** Sleeps. */
export function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

/** Resolves to fallback() if promise has not settled within ms (the timer is cleared either way). */
export async function withTimeout<T>(promise: Promise<T>, ms: number, fallback: () => T | Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((done) => {
    timer = setTimeout(() => done('late'), ms);
  });
  try {
    const winner = await Promise.race([promise.then((value) => ({ value })), late]);
    return winner === 'late' ? await fallback() : winner.value;
  } finally {
    clearTimeout(timer);
  }
}

/** Polls check() until it returns a value other than undefined, or throws with describe() after timeoutMs. */
export async function pollUntil<T>(check: () => Promise<T | undefined>, timeoutMs: number, describe: () => string, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message.split('\n')[0]})` : '';
      throw new Error(`timed out after ${timeoutMs} ms: ${describe()}${cause}`);
    }
    await sleep(intervalMs);
  }
}

/**
 * What chromium.ts and firefox.ts implement for one tab; HarnessPage builds the whole
 * PageHandle on it. (Composition rather than subclasses: driver.ts imports both browser
 * modules, and they import this one, so none of them may need the other at load time.)
 */
export interface TabPrimitives {
  readonly browser: BrowserName;
  /** Console messages seen so far ("type: text"). */
  readonly console: string[];
  /** Uncaught errors seen so far. */
  readonly errors: string[];
  /** True once the tab is closed. */
  isClosed(): boolean;
  /** Evaluates an expression string in the page's main world. */
  evalExpression<T>(expression: string): Promise<T>;
  /** Evaluates a function with an optional argument in the page. */
  evalFunction<T, A>(fn: (arg: A) => T | Promise<T>, arg: A | undefined): Promise<T>;
  /** Performs a native action on the single element that `expression` evaluates to. */
  act(expression: string, action: ElementAction): Promise<void>;
  goto(url: string): Promise<void>;
  press(key: string): Promise<void>;
  reload(): Promise<void>;
  bringToFront(): Promise<void>;
  screenshot(path: string, options?: { fullPage?: boolean }): Promise<void>;
  /** See PageHandle.closedShadowTexts. */
  closedShadowTexts(hostTag: string): Promise<string[] | null>;
  close(): Promise<void>;
}

/** The PageHandle both browsers share, on top of a tab's primitives. */
export class HarnessPage implements PageHandle {
  readonly browser: BrowserName;

  constructor(readonly tab: TabPrimitives) {
    this.browser = tab.browser;
  }

  private evalExpression<T>(expression: string): Promise<T> {
    return this.tab.evalExpression<T>(expression);
  }

  goto(url: string): Promise<void> {
    return this.tab.goto(url);
  }

  press(key: string): Promise<void> {
    return this.tab.press(key);
  }

  reload(): Promise<void> {
    return this.tab.reload();
  }

  bringToFront(): Promise<void> {
    return this.tab.bringToFront();
  }

  screenshot(path: string, options?: { fullPage?: boolean }): Promise<void> {
    return this.tab.screenshot(path, options);
  }

  closedShadowTexts(hostTag: string): Promise<string[] | null> {
    return this.tab.closedShadowTexts(hostTag);
  }

  close(): Promise<void> {
    return this.tab.close();
  }

  async url(): Promise<string> {
    return this.evalExpression<string>('location.href');
  }

  evaluate<T>(fn: string | (() => T | Promise<T>)): Promise<T>;
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  evaluate<T, A>(fn: string | ((arg: A) => T | Promise<T>), arg?: A): Promise<T> {
    return typeof fn === 'string' ? this.evalExpression<T>(fn) : this.tab.evalFunction<T, A>(fn, arg);
  }

  async waitForSelector(target: Target, timeoutMs: number = DEFAULT_TIMEOUT_MS): Promise<void> {
    await this.waitFor(target, { state: 'attached', timeoutMs });
  }

  async waitFor(target: Target, options: { state?: WaitState; timeoutMs?: number } = {}): Promise<void> {
    const state = options.state ?? 'visible';
    let last: Probe | undefined;
    await pollUntil(
      async () => {
        last = await this.probe(target);
        const ok =
          state === 'attached' ? last.count > 0 : state === 'detached' ? last.count === 0 : state === 'visible' ? last.visible > 0 : last.visible === 0;
        return ok ? true : undefined;
      },
      options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      () => `${describeTarget(target)} to be ${state} in ${this.browser} (matches: ${last ? `${last.count}, visible: ${last.visible}` : 'none yet'})`,
    );
  }

  async waitForFunction(fn: string | (() => unknown), timeoutMs: number = DEFAULT_TIMEOUT_MS): Promise<void> {
    const expression = typeof fn === 'string' ? `(${fn})` : `(${fn.toString()})()`;
    await pollUntil(
      async () => ((await this.evalExpression<boolean>(`Promise.resolve(${expression}).then(function (v) { return !!v; })`)) ? true : undefined),
      timeoutMs,
      () => `page function to return truthy in ${this.browser}: ${typeof fn === 'string' ? fn : fn.toString().slice(0, 200)}`,
    );
  }

  async count(target: Target): Promise<number> {
    return (await this.probe(target)).count;
  }

  async isVisible(target: Target): Promise<boolean> {
    const p = await this.probe(target);
    return p.count >= 1 && p.firstVisible;
  }

  async text(target: Target): Promise<string> {
    await this.waitForSelector(target);
    return this.evalExpression<string>(this.single(target, 'return (el.innerText || el.textContent || "").replace(/\\s+/g, " ").trim();'));
  }

  async texts(target: Target): Promise<string[]> {
    return this.evalExpression<string[]>(
      `${findExpression(target)}.map(function (el) { return (el.innerText || el.textContent || '').replace(/\\s+/g, ' ').trim(); })`,
    );
  }

  async attribute(target: Target, name: string): Promise<string | null> {
    await this.waitForSelector(target);
    return this.evalExpression<string | null>(this.single(target, `return el.getAttribute(${JSON.stringify(name)});`));
  }

  async value(target: Target): Promise<string> {
    await this.waitForSelector(target);
    return this.evalExpression<string>(this.single(target, 'return String(el.value == null ? "" : el.value);'));
  }

  async click(target: Target): Promise<void> {
    await this.actOn(target, { kind: 'click' });
  }

  async hover(target: Target): Promise<void> {
    await this.actOn(target, { kind: 'hover' });
  }

  async fill(target: Target, value: string): Promise<void> {
    await this.actOn(target, { kind: 'fill', value });
  }

  async select(target: Target, value: string): Promise<void> {
    await this.waitFor(target, { state: 'attached' });
    // Accept an option's label as well as its value, like a person would.
    const resolved = await this.evalExpression<string | null>(
      this.single(
        target,
        `var want = ${JSON.stringify(value)}; var opts = Array.prototype.slice.call(el.options || []);
         var hit = opts.find(function (o) { return o.value === want; }) || opts.find(function (o) { return o.label.trim() === want || o.text.trim() === want; });
         return hit ? hit.value : null;`,
      ),
    );
    if (resolved === null) throw new Error(`${describeTarget(target)} has no option with value or label ${JSON.stringify(value)} (${this.browser})`);
    await this.actOn(target, { kind: 'select', value: resolved });
  }

  async setChecked(target: Target, checked: boolean): Promise<void> {
    await this.waitFor(target, { state: 'visible' });
    const read = (): Promise<boolean> =>
      this.evalExpression<boolean>(this.single(target, 'return el.getAttribute("aria-checked") !== null ? el.getAttribute("aria-checked") === "true" : !!el.checked;'));
    if ((await read()) === checked) return;
    await this.actOn(target, { kind: 'click' });
    if ((await read()) !== checked) throw new Error(`${describeTarget(target)} did not become ${checked ? 'checked' : 'unchecked'} (${this.browser})`);
  }

  consoleMessages(): string[] {
    return [...this.tab.console];
  }

  pageErrors(): string[] {
    return [...this.tab.errors];
  }

  /** Counts and visibility of a target's matches right now. */
  private probe(target: Target): Promise<Probe> {
    return this.evalExpression<Probe>(probeExpression(target));
  }

  /** An expression that runs `body` (with `el` bound) on the single match, throwing on zero or several. */
  private single(target: Target, body: string): string {
    return `(function () {
      var els = ${findExpression(target)};
      if (els.length !== 1) throw new Error(${JSON.stringify(describeTarget(target))} + ' matched ' + els.length + ' elements; use nth to pick one');
      var el = els[0];
      ${body}
    })()`;
  }

  /** Waits for exactly one visible match (strict), then performs the native action. */
  private async actOn(target: Target, action: ElementAction): Promise<void> {
    let last: Probe | undefined;
    const outcome = await pollUntil(
      async () => {
        last = await this.probe(target);
        // Several matches fail at once, like Playwright's strict mode.
        if (last.count > 1) return 'ambiguous' as const;
        return last.count === 1 && last.firstVisible ? ('ready' as const) : undefined;
      },
      DEFAULT_TIMEOUT_MS,
      () => `${describeTarget(target)} to be visible for ${action.kind} in ${this.browser} (matches: ${last ? `${last.count}, visible: ${last.visible}` : 'none'})`,
    );
    if (outcome === 'ambiguous' && last) {
      throw new Error(`${describeTarget(target)} matched ${last.count} elements for ${action.kind} in ${this.browser} (use nth, or a narrower target): ${last.samples.join(' | ')}`);
    }
    await this.tab.act(`${findExpression(target)}[0]`, action);
  }
}

/** A native element action that each browser implements with real input events. */
export type ElementAction =
  | { kind: 'click' }
  | { kind: 'hover' }
  | { kind: 'fill'; value: string }
  | { kind: 'select'; value: string };

/**
 * The extension page the harness keeps open to call extension APIs: manifest.json exists in
 * every extension and runs none of its code, yet its tab gets chrome.* / browser.* in both browsers.
 */
export const UTILITY_PAGE = 'manifest.json';

/** A predicate for waitForPage's match argument (a string must equal the URL). */
export function urlMatcher(match: string | RegExp | ((url: string) => boolean)): (url: string) => boolean {
  if (typeof match === 'string') return (url) => url === match;
  if (match instanceof RegExp) return (url) => match.test(url);
  return match;
}

/** The extension API object in an extension page: browser in Firefox, chrome in Chromium. */
const API = '(globalThis.browser ?? globalThis.chrome)';

/** What chromium.ts and firefox.ts implement for a launched browser; HarnessDriver builds the BrowserDriver on it. */
export interface BrowserPrimitives {
  readonly name: BrowserName;
  readonly extensionOrigin: string;
  readonly extensionHost: string;
  readonly extensionId: string;
  readonly profileDir: string | undefined;
  /** Opens a new blank tab (the same TabPrimitives object must come back for the same tab later). */
  newTab(): Promise<TabPrimitives>;
  /** Every open tab with the URL its document shows now. */
  tabs(): Promise<Array<{ tab: TabPrimitives; url: string }>>;
  /** See BrowserDriver.backgroundState. */
  backgroundState(): Promise<BackgroundState>;
  /** See BrowserDriver.stopBackground. */
  stopBackground(): Promise<boolean>;
  /** Closes the browser and waits for its processes to exit. */
  close(): Promise<void>;
}

/** The BrowserDriver both browsers share, on top of the browser's primitives and a utility extension page. */
export class HarnessDriver implements BrowserDriver {
  readonly name: BrowserName;
  readonly extensionOrigin: string;
  readonly extensionHost: string;
  readonly extensionId: string;
  readonly profileDir: string | undefined;
  launchMs = 0;
  private readonly handles = new WeakMap<TabPrimitives, HarnessPage>();
  private utility: HarnessPage | undefined;

  constructor(readonly primitives: BrowserPrimitives) {
    this.name = primitives.name;
    this.extensionOrigin = primitives.extensionOrigin;
    this.extensionHost = primitives.extensionHost;
    this.extensionId = primitives.extensionId;
    this.profileDir = primitives.profileDir;
  }

  /** The one PageHandle for a tab. */
  handleFor(tab: TabPrimitives): HarnessPage {
    let handle = this.handles.get(tab);
    if (!handle) {
      handle = new HarnessPage(tab);
      this.handles.set(tab, handle);
    }
    return handle;
  }

  async openPage(url: string): Promise<PageHandle> {
    const handle = this.handleFor(await this.primitives.newTab());
    await handle.goto(url);
    return handle;
  }

  openExtensionPage(path: string): Promise<PageHandle> {
    return this.openPage(this.extensionUrl(path));
  }

  async waitForPage(match: string | RegExp | ((url: string) => boolean), timeoutMs: number = DEFAULT_TIMEOUT_MS): Promise<PageHandle> {
    const test = urlMatcher(match);
    let seen: string[] = [];
    const tab = await pollUntil(
      async () => {
        const tabs = (await this.primitives.tabs()).filter((t) => t.tab !== this.utility?.tab);
        seen = tabs.map((t) => t.url);
        return tabs.find((t) => test(t.url))?.tab;
      },
      timeoutMs,
      () => `a tab matching ${String(match)} in ${this.name} (open: ${seen.join(', ')})`,
      100,
    );
    const handle = this.handleFor(tab);
    await handle.waitForFunction("document.readyState === 'complete'", NAVIGATION_TIMEOUT_MS);
    return handle;
  }

  /** The utility extension page, opened on first use and reopened if something closed it. */
  private async utilityPage(): Promise<PageHandle> {
    if (!this.utility || this.utility.tab.isClosed()) {
      this.utility = this.handleFor(await this.primitives.newTab());
      await this.utility.goto(this.extensionUrl(UTILITY_PAGE));
    }
    return this.utility;
  }

  close(): Promise<void> {
    return this.primitives.close();
  }

  backgroundState(): Promise<BackgroundState> {
    return this.primitives.backgroundState();
  }

  stopBackground(): Promise<boolean> {
    return this.primitives.stopBackground();
  }

  extensionUrl(path: string): string {
    return `${this.extensionOrigin}/${path.replace(/^\/+/, '')}`;
  }

  extensionEvaluate<T>(fn: string | (() => T | Promise<T>)): Promise<T>;
  extensionEvaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  async extensionEvaluate<T, A>(fn: string | ((arg: A) => T | Promise<T>), arg?: A): Promise<T> {
    const page = await this.utilityPage();
    return typeof fn === 'string' ? page.evaluate<T>(fn) : page.evaluate<T, A>(fn, arg as A);
  }

  async tabIdOf(url: string): Promise<number> {
    const canon = (u: string): string => u.replace(/#$/, '').replace(/\/$/, '');
    let seen: Array<{ id: number; url: string }> = [];
    return pollUntil(
      async () => {
        seen = await this.extensionEvaluate<Array<{ id: number; url: string }>>(
          `${API}.tabs.query({}).then(function (tabs) { return tabs.map(function (t) { return { id: t.id, url: t.url || t.pendingUrl || '' }; }); })`,
        );
        return seen.find((t) => t.url === url)?.id ?? seen.find((t) => canon(t.url) === canon(url))?.id;
      },
      5_000,
      () => `a tab showing ${url} in ${this.name} (tabs: ${seen.map((t) => `${t.id} ${t.url}`).join(', ')})`,
      100,
    );
  }

  storageGet(keys: string | string[] | null = null): Promise<Record<string, unknown>> {
    return this.extensionEvaluate<Record<string, unknown>>(`${API}.storage.local.get(${JSON.stringify(keys)})`);
  }

  async storageSet(items: Record<string, unknown>): Promise<void> {
    await this.extensionEvaluate<boolean>(`${API}.storage.local.set(${JSON.stringify(items)}).then(function () { return true; })`);
  }

  async storageClear(): Promise<void> {
    await this.extensionEvaluate<boolean>(`${API}.storage.local.clear().then(function () { return true; })`);
  }

  async waitForStorage(predicate: (items: Record<string, unknown>) => boolean, timeoutMs: number = DEFAULT_TIMEOUT_MS): Promise<Record<string, unknown>> {
    let last: Record<string, unknown> = {};
    return pollUntil(
      async () => {
        last = await this.storageGet();
        return predicate(last) ? last : undefined;
      },
      timeoutMs,
      () => `storage.local to satisfy ${predicate.toString().slice(0, 200)} in ${this.name} (keys now: ${Object.keys(last).join(', ')})`,
      100,
    );
  }
}
