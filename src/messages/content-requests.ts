import type { PageState } from '../core/model/page-state';

/** Requests the popup sends to the content script of a tab. */
export interface ContentRequests {
  /** The page's claims in reading order, merged with stored annotations. */
  'page.state': { request: Record<string, never>; reply: PageState };
  /** Scrolls the page to a claim's highlight and flashes it. */
  'claim.reveal': { request: { id: string }; reply: boolean };
  /** Moves to the next (+1) or previous (-1) highlighted claim; replies with its id. */
  'claim.step': { request: { direction: 1 | -1 }; reply: string | null };
  /** Adds the current text selection as the reader's own claim; replies with its id. */
  'selection.add': { request: Record<string, never>; reply: string };
  /** Attaches an orphaned annotation to the current text selection. */
  'selection.reattach': { request: { id: string }; reply: string };
}

/** The name of a content request. */
export type ContentRequestType = keyof ContentRequests;

/** A content request on the wire. */
export type ContentMessage = {
  [K in ContentRequestType]: { to: 'content'; type: K; payload: ContentRequests[K]['request'] };
}[ContentRequestType];
