/**
 * What the sync modules share: storage, the background's write queue, the database factory and
 * fetch (injected, so the same code runs in the extension and in Node tests), and the open
 * databases and session of the team the reader joined.
 */
import { hash128 } from '../../core/sync/docs';
import { parseTeam, TEAM_KEY, TEAM_PASSWORD_KEY, type TeamConfig } from '../../core/sync/team';
import type { WriteQueue } from '../write-queue';
import type { DbFactory, SyncDb } from './pouch-types';
import { TeamSession, type FetchLike } from './session';

/** browser.storage.local, reduced to what sync uses. */
export interface SyncStorage {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** The injected environment. */
export interface SyncContext {
  storage: SyncStorage;
  queue: WriteQueue;
  dbs: DbFactory;
  fetch: FetchLike;
  now(): string;
}

/** The joined team's open databases and session. */
export interface OpenTeam {
  config: TeamConfig;
  local: SyncDb;
  remote: SyncDb;
  session: TeamSession;
  /** Bytes sent and received since the counter was last reset. */
  bytes: { count: number };
}

/** The local database's name for a team: one per server, database and user. */
export function localDbName(config: Pick<TeamConfig, 'serverUrl' | 'database' | 'userName'>): string {
  return `factmark-team-${hash128(`${config.serverUrl}\u0000${config.database}\u0000${config.userName}`).slice(0, 16)}`;
}

let open: { key: string; team: OpenTeam } | null = null;

/** Reads the joined team; null when the reader has not joined one. */
export async function readTeam(ctx: SyncContext): Promise<TeamConfig | null> {
  return parseTeam((await ctx.storage.get(TEAM_KEY))[TEAM_KEY]);
}

/** The open databases of the joined team (opened once per worker); null when not joined. */
export async function openTeam(ctx: SyncContext): Promise<OpenTeam | null> {
  const config = await readTeam(ctx);
  if (!config) return null;
  const key = localDbName(config);
  if (open && open.key === key) {
    open.team.config = config;
    return open.team;
  }
  const bytes = { count: 0 };
  const session = new TeamSession({
    serverUrl: config.serverUrl,
    userName: config.userName,
    fetch: ctx.fetch,
    password: async () => {
      const stored = (await ctx.storage.get(TEAM_PASSWORD_KEY))[TEAM_PASSWORD_KEY];
      return typeof stored === 'string' ? stored : null;
    },
    onBytes: (n) => {
      bytes.count += n;
    },
  });
  const team: OpenTeam = { config, local: ctx.dbs.local(key), remote: ctx.dbs.remote(`${config.serverUrl}/${encodeURIComponent(config.database)}`, session.fetch), session, bytes };
  open = { key, team };
  return team;
}

/** Forgets the open databases (after leaving a team). */
export async function closeTeam(): Promise<void> {
  const current = open;
  open = null;
  await current?.team.remote.close().catch(() => undefined);
}
