import type { AnnotationEdit, PageRecord } from '../core/model/annotation';
import type { PassageSelector } from '../core/model/selectors';
import type { Settings } from '../core/model/settings';
import type { LibraryEntry } from '../core/model/library';

/** Identifies the page an edit belongs to, as the content script resolved it. */
export interface PageRef {
  key: string;
  url: string;
  title: string;
}

/** Requests any extension context sends to the background, which owns storage. */
export interface BackgroundRequests {
  /** The stored record of one page, or null when the page has none. */
  'page.get': { request: { key: string }; reply: PageRecord | null };
  /** Creates or edits the annotation of one claim; the background serialises all writes. */
  'annotation.save': {
    request: { page: PageRef; id: string; origin: 'detected' | 'user'; selector: PassageSelector; edit: AnnotationEdit };
    reply: PageRecord;
  };
  /** Deletes one annotation. */
  'annotation.delete': { request: { key: string; id: string }; reply: PageRecord | null };
  /** The current settings. */
  'settings.get': { request: Record<string, never>; reply: Settings };
  /** Changes some settings. */
  'settings.update': { request: { patch: Partial<Settings> }; reply: Settings };
  /** Every annotated page, newest first, with counts by verdict. */
  'library.list': { request: Record<string, never>; reply: LibraryEntry[] };
}

/** The name of a background request. */
export type BackgroundRequestType = keyof BackgroundRequests;

/** A background request on the wire. */
export type BackgroundMessage = {
  [K in BackgroundRequestType]: { to: 'background'; type: K; payload: BackgroundRequests[K]['request'] };
}[BackgroundRequestType];
