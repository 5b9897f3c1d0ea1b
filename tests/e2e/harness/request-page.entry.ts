// The script of request-page.html (see request-page.ts): the extension's own background
// client, requestBackground from src/platform/browser.ts with its retries, on window, so a test
// can send requests in bulk through exactly the code the popup uses. It also counts the sends
// that failed on the way (an error or no answer), to show that a test's stops hit requests in flight.
import { requestBackground } from '../../../src/platform/browser';

/** What request-page.html puts on window.factmark. */
export interface RequestPageApi {
  /** The extension's requestBackground. */
  request: typeof requestBackground;
  /** Requests made through `request` that have finished, either way. */
  settled: number;
  /** runtime.sendMessage calls so far that rejected or got no answer. */
  transportFailures: number;
}

declare global {
  interface Window {
    factmark: RequestPageApi;
  }
}

const request: typeof requestBackground = (type, payload) =>
  requestBackground(type, payload).finally(() => {
    api.settled++;
  });
const api: RequestPageApi = { request, settled: 0, transportFailures: 0 };
// requestBackground looks runtime.sendMessage up on every call, so wrapping it here counts its sends.
const runtime = (globalThis as unknown as { browser: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).browser.runtime;
const send = runtime.sendMessage;
runtime.sendMessage = (message: unknown) =>
  send.call(runtime, message).then(
    (reply) => {
      if (reply === undefined) api.transportFailures++;
      return reply;
    },
    (error: unknown) => {
      api.transportFailures++;
      throw error;
    },
  );
window.factmark = api;
