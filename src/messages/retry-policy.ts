/**
 * When to send a background request again. The background may stop at any moment (Chrome stops
 * an idle MV3 service worker, Firefox suspends its event page, either may do so in the middle of
 * a request): which failures on the way deserve another try, for which requests, how soon, and
 * which requests must keep their order. Pure; background-client.ts applies it.
 */
import type { BackgroundMessage, BackgroundRequestType } from './background-requests';

/**
 * How a send failed on the way. 'not-delivered': no listener ever saw the request, so sending
 * it again is always harmless. 'outcome-unknown': the background may have run it, wholly or in
 * part, before it stopped; only requests that end the same when run twice may be sent again.
 */
export type DeliveryFailure = 'not-delivered' | 'outcome-unknown';

/** What a browser's messaging guarantees, as far as classifying failures goes. */
export interface MessagingTraits {
  /**
   * True when "Receiving end does not exist" means no listener got the message (Chrome: none of
   * the edits that got it were stored when we stopped the worker mid-burst). Firefox also says it
   * when the event page unloaded with the request half done (its parent process drops the gone
   * receiver's error and finds no answer; we saw an edit stored whose sender got this error), so
   * there the outcome is unknown.
   */
  noReceiverMeansNotDelivered: boolean;
}

const NO_RECEIVER = /Receiving end does not exist/i;
/** Chrome's errors for a request a listener took but never answered (the worker stopped meanwhile). */
const ANSWER_LOST = [/message port closed before a response was received/i, /message channel closed before a response was received/i];

/** Classifies a sendMessage error; null when it is not about delivery (it is reported as it is). */
export function classifyDeliveryError(message: string, traits: MessagingTraits): DeliveryFailure | null {
  if (NO_RECEIVER.test(message)) return traits.noReceiverMeansNotDelivered ? 'not-delivered' : 'outcome-unknown';
  if (ANSWER_LOST.some((pattern) => pattern.test(message))) return 'outcome-unknown';
  return null;
}

/**
 * Whether each request ends the same when the background runs it twice, so it may be sent again
 * after an 'outcome-unknown' failure. Every type is listed: a new request type needs a decision.
 */
const REPEATABLE: Record<BackgroundRequestType, boolean> = {
  // Reads change nothing.
  'page.get': true,
  'settings.get': true,
  'library.list': true,
  'library.search-index': true,
  'import.preview': true,
  'known.match': true,
  'known.count': true,
  // Merges reviews by id: a second merge changes nothing.
  'known.collect': true,
  // Removing what is already gone changes nothing.
  'known.clear': true,
  // Sets the given fields of one annotation (keyed by page and id) to the given values.
  'annotation.save': true,
  // Deleting what is already gone changes nothing.
  'annotation.delete': true,
  // Merges a patch of whole values into the settings.
  'settings.update': true,
  // Merges the deleted record back, newer annotations winning: a second merge changes nothing.
  'page.restore': true,
  // The reply is the deleted record, which the library keeps for Undo: a repeat after a delete
  // that did land would reply null, and Undo would be lost without a word.
  'page.delete': false,
  // A repeat would save a second file.
  'export.download': false,
  // Team: reads, and writes that end the same when repeated (joining the same team again only
  // stores the password again; leaving, forgetting and syncing twice change nothing more).
  'team.get': true,
  'team.conflicts': true,
  'team.conflicted-pages': true,
  'team.conflict': true,
  'team.join': true,
  'team.sync': true,
  'team.leave': true,
  'team.forget-password': true,
  // Resolution revisions are deterministic, and a repeat after it landed finds no conflict and says so.
  'team.resolve': true,
  // Storage would end the same (the import is planned again inside the write queue and identical
  // annotations are skipped), but the repeat's summary would call every imported annotation a
  // duplicate: better to say the outcome is unknown.
  'import.commit': false,
};

/** Whether a request may be sent again after a failure of this kind. */
export function mayRetry(type: BackgroundRequestType, failure: DeliveryFailure): boolean {
  return failure === 'not-delivered' || REPEATABLE[type];
}

/**
 * What a write changes, when one context's writes to it must reach the background in the order
 * they were made: a retried edit must not overtake, and undo, a later edit of the same thing.
 * Null for requests that need no order (reads, exports).
 */
export function orderingKey(message: BackgroundMessage): string | null {
  switch (message.type) {
    case 'annotation.save':
      return `annotation\u0000${message.payload.page.key}\u0000${message.payload.id}`;
    case 'annotation.delete':
      return `annotation\u0000${message.payload.key}\u0000${message.payload.id}`;
    case 'page.delete':
      return `page\u0000${message.payload.key}`;
    case 'page.restore':
      return `page\u0000${message.payload.record.key}`;
    case 'settings.update':
      return 'settings';
    case 'import.commit':
    case 'known.clear':
      return 'import';
    case 'team.join':
    case 'team.leave':
    case 'team.forget-password':
      return 'team';
    case 'team.resolve':
      return `annotation\u0000${message.payload.key}\u0000${message.payload.id}`;
    default:
      return null;
  }
}

/**
 * The waits before each further try, 1.5 s in all: a stopped background starts again for the
 * next message in 0.1–0.4 s (measured here, Chromium and Firefox), and browsers stop it at
 * most once in such a span (after 30 s idle), so this outlasts a stop with room to spare.
 */
export const RETRY_DELAYS_MS: readonly number[] = [100, 200, 400, 800];
