// The extension API lookup that webextension-polyfill is built against (build.mjs): page elements
// named browser or chrome are never taken for the API (mozilla/webextension-polyfill#720).
import { JSDOM } from 'jsdom';
import { findNativeGlobals, isExtensionApi } from '../../src/platform/native-api';

const api = () => ({ runtime: { id: 'factmark@factmark.dev', getURL: (path: string) => `moz-extension://x/${path}` } });

describe('the native extension API lookup', () => {
  test('clobbered globals are turned away, whatever the shape', () => {
    const { window } = new JSDOM(`<form id="browser"><input name="runtime" id="x"></form>
      <form id="chrome" name="runtime"><input name="id" value="y"><input name="getURL"></form><a id="chrome"></a>`);
    // jsdom's window reaches elements by id, as browsers do (its forms do not expose fields by name).
    expect((window as unknown as { browser: unknown }).browser).toBe(window.document.forms[0]);
    expect(findNativeGlobals(window)).toEqual({});
    for (const fake of [window.document.forms[0], window.document.getElementsByTagName('form'), window, { runtime: { id: 'x' } }, { runtime: window.document.forms[1] }, { runtime: window.document.querySelector('input') }, null, 'browser']) expect(isExtensionApi(fake)).toBe(false);
  });

  test('the real objects are found', () => {
    const browser = api();
    const chrome = api();
    expect(findNativeGlobals({ browser, chrome })).toEqual({ browser, chrome });
    expect(findNativeGlobals({ chrome })).toEqual({ chrome });
  });
});
