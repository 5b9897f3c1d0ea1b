/**
 * Joining and leaving a team. Joining signs in, checks that the database is there and that the
 * reader may use it, stores the team (the password on its own key, local storage only) and
 * queues every annotated page for its one upload. Leaving stops syncing and removes the
 * team's state and local copy of the database; the library itself stays.
 */
import { PAGE_KEY_PREFIX } from '../../core/model/records';
import { checkTeamInput, IDLE_STATUS, TEAM_CONFLICTS_KEY, TEAM_KEY, TEAM_OUTBOX_KEY, TEAM_PASSWORD_KEY, TEAM_REVS_PREFIX, TEAM_STATUS_KEY, type TeamConfig, type TeamStatus } from '../../core/sync/team';
import { closeTeam, localDbName, openTeam, readTeam, type SyncContext } from './context';
import { classify } from './engine';
import { setJoined } from './outbox';
import { TeamError, TeamSession, offline } from './session';

/** What the Team form sends. */
export interface JoinInput {
  serverUrl: string;
  database: string;
  userName: string;
  password: string;
}

/** Checks the credentials and the database against the server; throws a TeamError the reader can act on. */
async function checkAccess(ctx: SyncContext, serverUrl: string, database: string, userName: string, password: string): Promise<void> {
  const session = new TeamSession({ serverUrl, userName, fetch: ctx.fetch, password: async () => password });
  await session.signIn(password);
  let response: Response;
  try {
    response = await session.fetch(`${serverUrl}/${encodeURIComponent(database)}/`, { headers: { Accept: 'application/json' } });
  } catch (error) {
    throw offline(error);
  }
  if (response.status === 401 || response.status === 403) throw new TeamError('no-access', `You are not a member of the team database "${database}" (HTTP ${response.status}). Ask the team admin to add "${userName}".`);
  if (response.status === 404) throw classify({ status: 404 });
  if (!response.ok) throw new TeamError('error', `The team server answered HTTP ${response.status} for database "${database}".`);
}

/** Joins a team (or signs in again to the same one); the first sync then uploads the library once. */
export async function joinTeam(ctx: SyncContext, input: JoinInput): Promise<TeamStatus> {
  const checked = checkTeamInput(input);
  if ('problem' in checked) throw new TeamError('error', checked.problem);
  const current = await readTeam(ctx);
  const same = current !== null && localDbName(current) === localDbName(checked);
  if (current && !same) throw new TeamError('error', `You are in the team "${current.database}" on ${current.serverUrl}: leave it first.`);
  await checkAccess(ctx, checked.serverUrl, checked.database, checked.userName, input.password);
  await ctx.queue.run(async () => {
    const status: TeamStatus = { ...IDLE_STATUS, lastSync: same ? (await ctx.storage.get(TEAM_STATUS_KEY).then((items) => (items[TEAM_STATUS_KEY] as TeamStatus | undefined)?.lastSync ?? '')) : '' };
    if (same && current) {
      await ctx.storage.set({ [TEAM_PASSWORD_KEY]: input.password, [TEAM_STATUS_KEY]: status });
      return;
    }
    const all = await ctx.storage.get(null);
    const outbox: Record<string, number> = {};
    for (const key of Object.keys(all)) if (key.startsWith(PAGE_KEY_PREFIX)) outbox[key.slice(PAGE_KEY_PREFIX.length)] = 1;
    const team: TeamConfig = { serverUrl: checked.serverUrl, database: checked.database, userName: checked.userName, joinedAt: ctx.now(), appliedSeq: 0 };
    await ctx.storage.set({ [TEAM_KEY]: team, [TEAM_PASSWORD_KEY]: input.password, [TEAM_STATUS_KEY]: status, [TEAM_OUTBOX_KEY]: outbox, [TEAM_CONFLICTS_KEY]: {} });
    setJoined(true);
  });
  await openTeam(ctx);
  return { ...IDLE_STATUS };
}

/** Leaves the team: syncing stops, the local copy of the database and the team's state go; the library stays. */
export async function leaveTeam(ctx: SyncContext): Promise<void> {
  const team = await openTeam(ctx);
  await ctx.queue.run(async () => {
    const all = await ctx.storage.get(null);
    const keys = Object.keys(all).filter((key) => key.startsWith(TEAM_REVS_PREFIX));
    keys.push(TEAM_KEY, TEAM_PASSWORD_KEY, TEAM_STATUS_KEY, TEAM_OUTBOX_KEY, TEAM_CONFLICTS_KEY);
    await ctx.storage.remove(keys);
    setJoined(false);
  });
  if (team) {
    await team.session.signOut();
    await closeTeam();
    await team.local.destroy().catch((error: unknown) => console.warn(`Factmark: could not remove the local copy of the team database: ${error instanceof Error ? error.message : String(error)}`));
  }
}

/** Forgets the stored password: syncing goes on while the server's session lasts, then asks for it. */
export async function forgetPassword(ctx: SyncContext): Promise<void> {
  await ctx.queue.run(() => ctx.storage.remove(TEAM_PASSWORD_KEY));
}
