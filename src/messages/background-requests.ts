import type { AnnotationEdit, PageRecord } from '../core/model/annotation';
import type { PassageSelector } from '../core/model/selectors';
import type { Settings } from '../core/model/settings';
import type { LibraryEntry } from '../core/model/library';
import type { ExportFormat } from '../core/export';
import type { ImportSummary } from '../core/export';
import type { SearchIndexBatch } from '../core/library/index-batch';
import type { KnownMatch, MatchQuery } from '../core/known/known-matches';
import type { KnownReview } from '../core/known/review';
import type { TeamStatus } from '../core/sync/team';
import type { ConflictVersion } from '../core/sync/conflicts';
import type { VerdictId } from '../core/model/verdicts';

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
  /** Exports one page (key) or the whole library (key null) and downloads the file. */
  'export.download': { request: { format: ExportFormat; key: string | null }; reply: { fileName: string; claims: number } };
  /** What importing a file's text would do; changes nothing. */
  'import.preview': { request: { text: string }; reply: ImportSummary };
  /** Imports a file's text atomically (all or nothing); newer local edits are kept. */
  'import.commit': { request: { text: string }; reply: ImportSummary };
  /** Every annotated page, newest first, with counts by verdict, from the library summary alone. */
  'library.list': { request: Record<string, never>; reply: LibraryEntry[] };
  /**
   * The pages with these canonical keys read from their records, with search haystacks, and
   * the keys that have no record any more or an unreadable one. Ask in batches (a few hundred).
   * `checkSummaries` also reads their summaries and repairs those that disagree with the records.
   */
  'library.search-index': { request: { keys: string[]; checkSummaries: boolean }; reply: SearchIndexBatch };
  /** Removes a page's record with all its annotations; replies with what was stored, for Undo. */
  'page.delete': { request: { key: string }; reply: PageRecord | null };
  /**
   * Puts back a record that page.delete returned, exactly as it was. Annotations made on the
   * page since the delete are kept. Replies with the stored record.
   */
  'page.restore': { request: { record: PageRecord }; reply: PageRecord };
  /** Stores the fact-checks read on a page (merged by review id). */
  'known.collect': { request: { reviews: KnownReview[] }; reply: { new: number; updated: number; duplicatesSkipped: number } };
  /** Matches a page's sentences and annotations against the known claims; replies with the matches by query id. */
  'known.match': { request: { pageKey: string; queries: MatchQuery[] }; reply: Record<string, KnownMatch[]> };
  /** How many fact-checks are stored, for the library page. */
  'known.count': { request: Record<string, never>; reply: { reviews: number } };
  /** Removes every stored fact-check (the reader's own verdicts stay). */
  'known.clear': { request: Record<string, never>; reply: { removed: number } };
  /** The team the reader joined (never the password) and the sync status. */
  'team.get': { request: Record<string, never>; reply: { team: { serverUrl: string; database: string; userName: string } | null; status: TeamStatus; hasPassword: boolean } };
  /** Signs in, checks access and joins a team (or signs in again to the same one); the library is uploaded once. */
  'team.join': { request: { serverUrl: string; database: string; userName: string; password: string }; reply: TeamStatus };
  /** Syncs now; replies with the status the run ended in. */
  'team.sync': { request: Record<string, never>; reply: TeamStatus };
  /** Stops syncing and removes the team's state; the library stays. */
  'team.leave': { request: Record<string, never>; reply: void };
  /** Removes the stored password. */
  'team.forget-password': { request: Record<string, never>; reply: void };
  /** Annotations of a page in conflict: annotation id → versions. */
  'team.conflicts': { request: { key: string }; reply: Record<string, number> };
  /** Pages with annotations in conflict: canonical key → how many annotations. */
  'team.conflicted-pages': { request: Record<string, never>; reply: Record<string, number> };
  /** Every version of one conflicted annotation, winner first. */
  'team.conflict': { request: { key: string; id: string }; reply: ConflictVersion[] };
  /** Keeps one version (by revision) or merges them, deleting the losing revisions. */
  'team.resolve': { request: { key: string; id: string; resolution: { keep: string } | { merge: { verdict: VerdictId | null } } }; reply: void };
}

/** The name of a background request. */
export type BackgroundRequestType = keyof BackgroundRequests;

/** A background request on the wire. */
export type BackgroundMessage = {
  [K in BackgroundRequestType]: { to: 'background'; type: K; payload: BackgroundRequests[K]['request'] };
}[BackgroundRequestType];
