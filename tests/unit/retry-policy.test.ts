import type { BackgroundMessage, BackgroundRequestType } from '../../src/messages/background-requests';
import { createBackgroundClient, DeliveryError, type SendMessage } from '../../src/messages/background-client';
import { classifyDeliveryError, mayRetry, orderingKey, RETRY_DELAYS_MS } from '../../src/messages/retry-policy';
import { fail, ok } from '../../src/messages/reply';
import { selectorFor } from '../../src/core/model/selectors';

const CHROME = { noReceiverMeansNotDelivered: true };
const FIREFOX = { noReceiverMeansNotDelivered: false };
const NO_RECEIVER = 'Could not establish connection. Receiving end does not exist.';
const PORT_CLOSED = 'The message port closed before a response was received.';
const CHANNEL_CLOSED = 'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received';

const ALL_TYPES: BackgroundRequestType[] = [
  'page.get',
  'annotation.save',
  'annotation.delete',
  'settings.get',
  'settings.update',
  'export.download',
  'import.preview',
  'import.commit',
  'library.list',
  'library.search-index',
  'page.delete',
  'page.restore',
];

const page = { key: 'example.com/a', url: 'https://example.com/a', title: 'A' };
const selector = selectorFor('Some claim text here.', 0, 10);
const save = (id: string, note: string) => ({ page, id, origin: 'detected' as const, selector, edit: { note } });

describe('which failures on the way are delivery failures', () => {
  test("Chrome's no-receiver error means the request was never delivered", () => {
    expect(classifyDeliveryError(NO_RECEIVER, CHROME)).toBe('not-delivered');
  });

  test('Firefox reports no receiver also for an event page unloaded half way: outcome unknown', () => {
    expect(classifyDeliveryError(NO_RECEIVER, FIREFOX)).toBe('outcome-unknown');
  });

  test('a closed port or channel means a listener took the request: outcome unknown', () => {
    for (const traits of [CHROME, FIREFOX]) {
      expect(classifyDeliveryError(PORT_CLOSED, traits)).toBe('outcome-unknown');
      expect(classifyDeliveryError(CHANNEL_CLOSED, traits)).toBe('outcome-unknown');
    }
  });

  test('other errors are not about delivery and are never retried', () => {
    for (const message of ['Extension context invalidated.', 'Could not save to browser storage: QuotaExceededError.', '']) {
      expect(classifyDeliveryError(message, CHROME)).toBeNull();
      expect(classifyDeliveryError(message, FIREFOX)).toBeNull();
    }
  });
});

describe('which requests are sent again', () => {
  test('anything that was never delivered', () => {
    for (const type of ALL_TYPES) expect(mayRetry(type, 'not-delivered')).toBe(true);
  });

  test('after an unknown outcome, only requests that end the same when run twice', () => {
    const repeated = ALL_TYPES.filter((type) => mayRetry(type, 'outcome-unknown'));
    expect(repeated.sort()).toEqual(
      ['annotation.delete', 'annotation.save', 'import.preview', 'library.list', 'library.search-index', 'page.get', 'page.restore', 'settings.get', 'settings.update'].sort(),
    );
    // page.delete's reply is the Undo record, export.download would save a second file, and a
    // repeated import.commit would report the imported annotations as duplicates.
    expect(ALL_TYPES.filter((type) => !mayRetry(type, 'outcome-unknown')).sort()).toEqual(['export.download', 'import.commit', 'page.delete']);
  });

  test('writes to the same thing share an ordering key; reads and exports need none', () => {
    const message = (m: BackgroundMessage) => orderingKey(m);
    const a = message({ to: 'background', type: 'annotation.save', payload: save('c1', 'x') });
    expect(a).toBe(message({ to: 'background', type: 'annotation.delete', payload: { key: page.key, id: 'c1' } }));
    expect(a).not.toBe(message({ to: 'background', type: 'annotation.save', payload: save('c2', 'x') }));
    expect(message({ to: 'background', type: 'page.delete', payload: { key: page.key } })).toBe(
      message({ to: 'background', type: 'page.restore', payload: { record: { ...page, annotations: {}, updatedAt: '' } } }),
    );
    expect(message({ to: 'background', type: 'settings.update', payload: { patch: {} } })).toBe('settings');
    expect(message({ to: 'background', type: 'page.get', payload: { key: page.key } })).toBeNull();
    expect(message({ to: 'background', type: 'export.download', payload: { format: 'w3c', key: null } })).toBeNull();
  });
});

/** A fake sendMessage: answers each call from a script (a reply value, or an Error to throw), then ok(null). */
function scriptedSend(script: Array<unknown>): { send: SendMessage; sent: BackgroundMessage[] } {
  const sent: BackgroundMessage[] = [];
  const send: SendMessage = async (message) => {
    sent.push(message);
    const next = script.length > 0 ? script.shift() : ok(null);
    if (next instanceof Error) throw next;
    return next;
  };
  return { send, sent };
}

function clientWith(script: Array<unknown>, traits = CHROME) {
  const waits: number[] = [];
  const { send, sent } = scriptedSend(script);
  const client = createBackgroundClient({ ...traits, send, wait: async (ms) => void waits.push(ms) });
  return { client, sent, waits };
}

describe('the background client', () => {
  test('sends a failed annotation.save again after a short wait until it gets through', async () => {
    const { client, sent, waits } = clientWith([new Error(NO_RECEIVER), new Error(CHANNEL_CLOSED), undefined, ok('saved')]);
    await expect(client.request('annotation.save', save('c1', 'x'))).resolves.toBe('saved');
    expect(sent).toHaveLength(4);
    expect(waits).toEqual(RETRY_DELAYS_MS.slice(0, 3));
  });

  test('gives up after a bounded number of tries, saying whether anything may have changed', async () => {
    const never = clientWith(Array.from({ length: 10 }, () => new Error(NO_RECEIVER)));
    const error = await never.client.request('annotation.save', save('c1', 'x')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({ failure: 'not-delivered', attempts: RETRY_DELAYS_MS.length + 1 });
    expect(never.sent).toHaveLength(RETRY_DELAYS_MS.length + 1);

    const once = clientWith([new Error(PORT_CLOSED), ...Array.from({ length: 10 }, () => new Error(NO_RECEIVER))]);
    await expect(once.client.request('annotation.save', save('c1', 'x'))).rejects.toMatchObject({ failure: 'outcome-unknown' });
  });

  test("the background's own error is final", async () => {
    const { client, sent } = clientWith([fail(new Error('Unknown verdict "maybe".'))]);
    await expect(client.request('annotation.save', save('c1', 'x'))).rejects.toThrow('Unknown verdict "maybe".');
    expect(sent).toHaveLength(1);
  });

  test('an error that is not about delivery is passed on as it is', async () => {
    const { client, sent } = clientWith([new Error('Extension context invalidated.')]);
    await expect(client.request('page.get', { key: page.key })).rejects.toThrow('Extension context invalidated.');
    expect(sent).toHaveLength(1);
  });

  test('page.delete is sent again only when it surely never arrived', async () => {
    const chrome = clientWith([new Error(NO_RECEIVER), ok(null)]);
    await expect(chrome.client.request('page.delete', { key: page.key })).resolves.toBeNull();
    expect(chrome.sent).toHaveLength(2);

    const lost = clientWith([new Error(CHANNEL_CLOSED)]);
    await expect(lost.client.request('page.delete', { key: page.key })).rejects.toMatchObject({ failure: 'outcome-unknown', attempts: 1 });

    const firefox = clientWith([new Error(NO_RECEIVER)], FIREFOX);
    await expect(firefox.client.request('page.delete', { key: page.key })).rejects.toMatchObject({ failure: 'outcome-unknown', attempts: 1 });
  });

  test('a retried edit never overtakes a later edit of the same annotation; other annotations do not wait', async () => {
    const sent: string[] = [];
    let failFirst = true;
    const send: SendMessage = async (message) => {
      const note = message.type === 'annotation.save' && 'note' in message.payload.edit ? String(message.payload.edit.note) : '?';
      sent.push(note);
      if (note === 'first' && failFirst) {
        failFirst = false;
        throw new Error(CHANNEL_CLOSED);
      }
      return ok(note);
    };
    let releaseWait: () => void = () => undefined;
    const client = createBackgroundClient({ ...CHROME, send, wait: () => new Promise<void>((done) => (releaseWait = done)) });
    const first = client.request('annotation.save', save('c1', 'first'));
    const second = client.request('annotation.save', save('c1', 'second'));
    const other = client.request('annotation.save', save('c2', 'other'));
    await expect(other).resolves.toBe('other');
    expect(sent).toEqual(['first', 'other']);
    releaseWait();
    await expect(first).resolves.toBe('first');
    await expect(second).resolves.toBe('second');
    expect(sent).toEqual(['first', 'other', 'first', 'second']);
  });

  test('a failed write does not hold up the next write of the same thing', async () => {
    const { client } = clientWith([fail(new Error('disk full')), ok('second')]);
    await expect(client.request('settings.update', { patch: {} })).rejects.toThrow('disk full');
    await expect(client.request('settings.update', { patch: {} })).resolves.toBe('second');
  });
});
