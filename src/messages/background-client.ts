/**
 * Sends requests to the background and gets their answers back, though the background may stop
 * at any moment: a failure on the way is retried as retry-policy.ts allows, and one context's
 * writes to the same thing keep their order. Pure: the browser's sendMessage is passed in.
 */
import type { BackgroundMessage, BackgroundRequests, BackgroundRequestType } from './background-requests';
import { isReply } from './reply';
import { classifyDeliveryError, mayRetry, orderingKey, RETRY_DELAYS_MS, type DeliveryFailure, type MessagingTraits } from './retry-policy';

/** A request that did not get through after every try the policy allows. */
export class DeliveryError extends Error {
  /** 'outcome-unknown' when any try may have run in the background, else 'not-delivered'. */
  readonly failure: DeliveryFailure;
  /** The request's type. */
  readonly requestType: BackgroundRequestType;
  /** How many times it was sent. */
  readonly attempts: number;

  constructor(requestType: BackgroundRequestType, failure: DeliveryFailure, attempts: number, cause: string) {
    super(`${requestType} failed on the way to the background after ${attempts} ${attempts === 1 ? 'try' : 'tries'}: ${cause}`);
    this.name = 'DeliveryError';
    this.requestType = requestType;
    this.failure = failure;
    this.attempts = attempts;
  }
}

/** Sends one message to the background; resolves with whatever came back (undefined when nothing did). */
export type SendMessage = (message: BackgroundMessage) => Promise<unknown>;

/** What createBackgroundClient needs. */
export interface BackgroundClientOptions extends MessagingTraits {
  send: SendMessage;
  /** How to wait before a further try (tests pass a fake clock). */
  wait?: (ms: number) => Promise<void>;
}

/** Sends background requests with retries; one per extension context. */
export interface BackgroundClient {
  /** Resolves with the reply's value; rejects with the background's error, or a DeliveryError. */
  request<K extends BackgroundRequestType>(type: K, payload: BackgroundRequests[K]['request']): Promise<BackgroundRequests[K]['reply']>;
}

/** Runs tasks with the same key one after another, and tasks without a key (null) at once. */
class KeyedSequence {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string | null, task: () => Promise<T>): Promise<T> {
    if (key === null) return task();
    const result = (this.tails.get(key) ?? Promise.resolve()).then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    // Forget finished keys, so the map does not grow with every annotation ever edited.
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A client that retries failed deliveries as far as mayRetry allows and keeps writes to one thing in order. */
export function createBackgroundClient(options: BackgroundClientOptions): BackgroundClient {
  const wait = options.wait ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
  const sequence = new KeyedSequence();

  const deliver = async (message: BackgroundMessage): Promise<unknown> => {
    let outcomeUnknown = false;
    for (let attempt = 1; ; attempt++) {
      const sent = await options.send(message).then(
        (reply: unknown) => ({ reply }),
        (error: unknown) => ({ error }),
      );
      let failure: DeliveryFailure;
      let cause: string;
      if ('error' in sent) {
        cause = messageOf(sent.error);
        const classified = classifyDeliveryError(cause, options);
        if (classified === null) throw sent.error;
        failure = classified;
      } else if (isReply(sent.reply)) {
        if (sent.reply.ok) return sent.reply.value;
        // The background ran the request and said no: its answer stands.
        throw new Error(sent.reply.error);
      } else {
        // Nothing came back: webextension-polyfill (on a Chrome without `browser`) resolves
        // "The message port closed before a response was received." to undefined.
        failure = 'outcome-unknown';
        cause = 'no answer';
      }
      outcomeUnknown ||= failure === 'outcome-unknown';
      const delay = RETRY_DELAYS_MS[attempt - 1];
      if (delay === undefined || !mayRetry(message.type, failure)) throw new DeliveryError(message.type, outcomeUnknown ? 'outcome-unknown' : 'not-delivered', attempt, cause);
      await wait(delay);
    }
  };

  return {
    request<K extends BackgroundRequestType>(type: K, payload: BackgroundRequests[K]['request']): Promise<BackgroundRequests[K]['reply']> {
      const message = { to: 'background', type, payload } as BackgroundMessage;
      return sequence.run(orderingKey(message), () => deliver(message)) as Promise<BackgroundRequests[K]['reply']>;
    },
  };
}
