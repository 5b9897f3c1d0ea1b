/**
 * The browser's own extension API objects, found so that no page can fake them. In a content
 * script, every element with an id or a name is also a property of `window` (and forms nest
 * their fields as properties), so `<form id="browser"><input name="runtime" id="x"></form>`
 * makes `globalThis.browser.runtime.id` truthy: webextension-polyfill then takes the form for
 * the native API and the content script dies (mozilla/webextension-polyfill#720). The build
 * (build.mjs) loads the polyfill with `nativeGlobals()` in place of `globalThis`, so it only
 * ever sees what this module vouches for.
 */

/** What the polyfill reads from the global object. */
export interface NativeGlobals {
  browser?: unknown;
  chrome?: unknown;
}

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose => (typeof value === 'object' || typeof value === 'function') && value !== null;

/**
 * A property of the global object, as an ordinary read finds it: the real API where the browser
 * defines one (it wins over named elements), else possibly a page element or collection, which
 * `isExtensionApi` turns away. (Own-property descriptors are no safer: in Chromium's content
 * scripts an element with id="chrome" makes getOwnPropertyDescriptor(window, 'chrome') miss the
 * real object that a plain read returns.)
 */
function globalValue(global: object, name: string): unknown {
  try {
    return (global as Loose)[name];
  } catch {
    return undefined;
  }
}

/**
 * True for an extension API namespace: a plain object (not an element, a collection or a
 * window) whose runtime has a non-empty string id and a getURL function. Clobbered values are
 * DOM objects whose properties are elements or strings, never functions the page chose.
 */
export function isExtensionApi(value: unknown): boolean {
  if (!isObject(value) || Object.prototype.toString.call(value) !== '[object Object]') return false;
  const runtime = value.runtime;
  if (!isObject(runtime) || Object.prototype.toString.call(runtime) !== '[object Object]') return false;
  return typeof runtime.id === 'string' && runtime.id !== '' && typeof runtime.getURL === 'function';
}

/** The real `browser` and `chrome` of a global object, each only when it is the extension API. */
export function findNativeGlobals(global: object): NativeGlobals {
  const found: NativeGlobals = {};
  for (const name of ['browser', 'chrome'] as const) {
    const value = globalValue(global, name);
    if (isExtensionApi(value)) found[name] = value;
  }
  return found;
}

/**
 * Where `captureNativeGlobals` leaves what it found: a symbol key, which no element id or name
 * can shadow, on the content scripts' own global (pages never see it).
 */
const CAPTURED = Symbol.for('factmark.nativeGlobals');

/**
 * Run by a tiny content script at document_start (src/platform/capture-native-api.ts), before the
 * page has any element: Chromium leaves `chrome` and `browser` out of a content script's globals
 * when an element of that id already exists when the script world is made, so the main content
 * script (document_idle) may find only the page's elements under both names.
 */
export function captureNativeGlobals(): void {
  if (Object.hasOwn(globalThis, CAPTURED)) return;
  Object.defineProperty(globalThis, CAPTURED, { value: Object.freeze(findNativeGlobals(globalThis)) });
}

let cached: NativeGlobals | null = null;

/** The real `browser` and `chrome` of this context, looked up once (from the document_start capture when there is one). */
export function nativeGlobals(): NativeGlobals {
  if (cached) return cached;
  const captured = (globalThis as unknown as Record<symbol, NativeGlobals | undefined>)[CAPTURED];
  const found = findNativeGlobals(globalThis);
  cached = { browser: captured?.browser ?? found.browser, chrome: captured?.chrome ?? found.chrome };
  return cached;
}
