/**
 * The team set-up a reader joined, where sync keeps its state in storage.local, and the status
 * the library page shows. The password is stored on its own key, in local storage only: it is
 * never exported, logged or synced.
 */

/** Storage key of the team a reader joined (no password). */
export const TEAM_KEY = 'team';
/** Storage key of the password, kept apart so that "Forget password" removes only it. */
export const TEAM_PASSWORD_KEY = 'teamPassword';
/** Storage key of the sync status the library page shows. */
export const TEAM_STATUS_KEY = 'teamStatus';
/** Storage key of pages edited since they were last pushed: canonical key → edit counter. */
export const TEAM_OUTBOX_KEY = 'teamOutbox';
/** Storage key of annotations in conflict: canonical key → annotation id → versions. */
export const TEAM_CONFLICTS_KEY = 'teamConflicts';
/** Prefix of each page's rev entries (see plan.ts): `teamRevs:<canonical key>`. */
export const TEAM_REVS_PREFIX = 'teamRevs:';

/** The storage key of a page's rev entries. */
export function revsKey(pageKey: string): string {
  return TEAM_REVS_PREFIX + pageKey;
}

/** The team a reader joined. */
export interface TeamConfig {
  /** The server's origin plus any path prefix, without a trailing slash, e.g. https://couch.example.org. */
  serverUrl: string;
  database: string;
  userName: string;
  joinedAt: string;
  /** The local database's sequence up to which synced changes are in the page records. */
  appliedSeq: number | string;
}

/** Why syncing stopped, when it did. */
export type TeamProblem = 'wrong-password' | 'no-access' | 'password-needed' | 'not-found' | 'offline' | 'refused' | 'error';

/** What the library page shows about syncing. */
export interface TeamStatus {
  state: 'idle' | 'syncing' | 'stopped';
  /** When the last run finished without error (ISO), or ''. */
  lastSync: string;
  /** Documents sent and received by the current (or last) run. */
  docs: number;
  /** Bytes sent and received by the current (or last) run. */
  bytes: number;
  problem: TeamProblem | null;
  /** The server's words, for the reader (never credentials). */
  detail: string;
  /** Documents the server refused in the last run. */
  refused: number;
}

/** A status before anything ran. */
export const IDLE_STATUS: TeamStatus = { state: 'idle', lastSync: '', docs: 0, bytes: 0, problem: null, detail: '', refused: 0 };

/** CouchDB database names: lowercase letter first, then lowercase letters, digits and _$()+-/ . */
export const DATABASE_NAME = /^[a-z][a-z0-9_$()+/-]*$/;

/** The checked join form, or the message to show. */
export function checkTeamInput(input: { serverUrl: string; database: string; userName: string; password: string }): { serverUrl: string; origin: string; database: string; userName: string } | { problem: string } {
  let url: URL;
  try {
    url = new URL(input.serverUrl.trim());
  } catch {
    return { problem: 'Server URL must be a full address such as https://couch.example.org.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { problem: 'Server URL must start with https:// (or http:// for a server on this computer).' };
  if (url.username || url.password) return { problem: 'Put the user name and password in their own fields, not in the Server URL.' };
  if (url.search || url.hash) return { problem: 'Server URL must not have a query or fragment.' };
  const database = input.database.trim();
  if (!DATABASE_NAME.test(database)) return { problem: 'Database names start with a lowercase letter and use lowercase letters, digits and _$()+-/ only.' };
  const userName = input.userName.trim();
  if (!userName) return { problem: 'Enter your user name on the team server.' };
  if (!input.password) return { problem: 'Enter your password.' };
  return { serverUrl: `${url.origin}${url.pathname.replace(/\/+$/, '')}`, origin: url.origin, database, userName };
}

/** The host-permission pattern for a server: that origin only. */
export function originPattern(serverUrl: string): string {
  const url = new URL(serverUrl);
  return `${url.protocol}//${url.hostname}/*`;
}

/** Reads the stored team; null when the reader has not joined one. */
export function parseTeam(raw: unknown): TeamConfig | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const value = raw as Record<string, unknown>;
  if (typeof value.serverUrl !== 'string' || typeof value.database !== 'string' || typeof value.userName !== 'string') return null;
  const appliedSeq = typeof value.appliedSeq === 'number' || typeof value.appliedSeq === 'string' ? value.appliedSeq : 0;
  return { serverUrl: value.serverUrl, database: value.database, userName: value.userName, joinedAt: typeof value.joinedAt === 'string' ? value.joinedAt : '', appliedSeq };
}

/** Reads the stored status leniently. */
export function parseStatus(raw: unknown): TeamStatus {
  if (typeof raw !== 'object' || raw === null) return IDLE_STATUS;
  const value = raw as Partial<TeamStatus>;
  return {
    state: value.state === 'syncing' || value.state === 'stopped' ? value.state : 'idle',
    lastSync: typeof value.lastSync === 'string' ? value.lastSync : '',
    docs: typeof value.docs === 'number' ? value.docs : 0,
    bytes: typeof value.bytes === 'number' ? value.bytes : 0,
    problem: typeof value.problem === 'string' ? (value.problem as TeamProblem) : null,
    detail: typeof value.detail === 'string' ? value.detail : '',
    refused: typeof value.refused === 'number' ? value.refused : 0,
  };
}

/** Reads the stored conflicts leniently. */
export function parseConflicts(raw: unknown): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  if (typeof raw !== 'object' || raw === null) return out;
  for (const [page, value] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof value !== 'object' || value === null) continue;
    const ids: Record<string, number> = {};
    for (const [id, count] of Object.entries(value as Record<string, unknown>)) if (typeof count === 'number' && count > 1) ids[id] = count;
    if (Object.keys(ids).length > 0) out[page] = ids;
  }
  return out;
}
