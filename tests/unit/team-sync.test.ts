// Team sync against a real CouchDB-protocol server (pouchdb-server started on 127.0.0.1 with a
// free port, or COUCH_URL): two Factmark backgrounds, each with its own storage.local (a fake)
// and its own local PouchDB (memory adapter), run the extension's sync code. They see each
// other's verdicts, conflicts are kept and shown, resolving deletes the losing revisions,
// deletions racing edits are conflicts too, and access problems stop syncing with a message.
import { selectorFor } from '../../src/core/model/selectors';
import { parseShard, shardKeyOf } from '../../src/core/model/summaries';
import { parseStatus, TEAM_OUTBOX_KEY, TEAM_STATUS_KEY } from '../../src/core/sync/team';
import { startCouch, type CouchServer } from '../support/couch-server';
import { cookieFetch } from '../support/cookie-fetch';
import { makeNodeClient, type NodeClient } from '../support/team-client';
import { seedLibraryItems, seedPage } from '../../bench/seed-library';

type Client = NodeClient;
const makeClient = makeNodeClient;

const PAGE = { key: 'https://news.example/story', url: 'https://news.example/story', title: 'A story' };
const selector = selectorFor('Unemployment fell to 3.9 percent last year.', 0, 44);

async function edit(client: Client, id: string, change: { verdict?: 'true' | 'false' | 'mixed' | 'misleading'; note?: string }): Promise<void> {
  await client.store.saveAnnotation({ page: PAGE, id, origin: 'detected', selector, edit: change, now: new Date().toISOString() });
}

async function sync(...clients: Client[]): Promise<void> {
  for (const client of clients) {
    const status = await client.engine.syncNow(client.ctx);
    if (status.problem) throw new Error(`${client.name}: ${status.detail}`);
  }
}

let couch: CouchServer;
let alice: Client;
let bob: Client;

beforeAll(async () => {
  couch = await startCouch();
  await couch.createUser('alice', 'alice-pw');
  await couch.createUser('bob', 'bob-pw');
  await couch.createUser('carol', 'carol-pw');
  await couch.setupTeam('desk', 'alice,bob');
}, 60_000);

afterAll(async () => {
  await couch?.close();
});

beforeEach(() => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  jest.spyOn(console, 'info').mockImplementation(() => undefined);
});

afterEach(() => jest.restoreAllMocks());

test('joining uploads the library once; the other member sees its verdicts, records and summaries rebuilt', async () => {
  alice = makeClient('alice');
  bob = makeClient('bob');
  await edit(alice, 'c1', { verdict: 'false', note: 'Checked against the statistics office.' });
  await alice.membership.joinTeam(alice.ctx, { serverUrl: couch.url, database: 'desk', userName: 'alice', password: 'alice-pw' });
  await sync(alice);
  await bob.membership.joinTeam(bob.ctx, { serverUrl: couch.url, database: 'desk', userName: 'bob', password: 'bob-pw' });
  await sync(bob);
  expect(bob.record(PAGE.key)?.annotations.c1).toMatchObject({ verdict: 'false', note: 'Checked against the statistics office.' });
  expect(parseShard(bob.storage.items[shardKeyOf(PAGE.key)]).summaries.get(PAGE.key)).toMatchObject({ total: 1, counts: { false: 1 } });
  expect(parseStatus(bob.storage.items[TEAM_STATUS_KEY])).toMatchObject({ state: 'idle', problem: null });
  expect(parseStatus(bob.storage.items[TEAM_STATUS_KEY]).lastSync).not.toBe('');
  // The server recorded who wrote it.
  const doc = await couch.admin(`/desk/${encodeURIComponent('a:' + encodeURIComponent(PAGE.key) + ':c1')}`);
  expect(doc.json).toMatchObject({ author: 'alice', type: 'factmark-annotation' });

  await edit(bob, 'c2', { verdict: 'true' });
  await sync(bob, alice);
  expect(alice.record(PAGE.key)?.annotations.c2?.verdict).toBe('true');
  expect(alice.conflicts()).toEqual({});
}, 60_000);

test('two members editing the same annotation make a conflict both see, with the same winner; keeping one deletes the other', async () => {
  await edit(alice, 'c1', { verdict: 'mixed' });
  await edit(bob, 'c1', { verdict: 'misleading', note: 'Bob disagrees.' });
  await sync(alice, bob, alice);
  expect(alice.conflicts()).toEqual({ [PAGE.key]: { c1: 2 } });
  expect(bob.conflicts()).toEqual({ [PAGE.key]: { c1: 2 } });
  expect(alice.record(PAGE.key)?.annotations.c1?.verdict).toBe(bob.record(PAGE.key)?.annotations.c1?.verdict);
  const versions = await alice.resolve.conflictDetails(alice.ctx, PAGE.key, 'c1');
  expect(versions.map((v) => [v.author, v.annotation?.verdict]).sort()).toEqual([
    ['alice', 'mixed'],
    ['bob', 'misleading'],
  ]);
  const bobs = versions.find((v) => v.author === 'bob');
  await alice.resolve.resolveConflict(alice.ctx, PAGE.key, 'c1', { keep: bobs?.rev ?? '' });
  await sync(alice, bob);
  for (const client of [alice, bob]) {
    expect(client.conflicts()).toEqual({});
    expect(client.record(PAGE.key)?.annotations.c1).toMatchObject({ verdict: 'misleading', note: 'Bob disagrees.' });
  }
  const leaves = (await couch.admin(`/desk/${encodeURIComponent('a:' + encodeURIComponent(PAGE.key) + ':c1')}?open_revs=all`)).json;
  expect(Array.isArray(leaves)).toBe(true);
  const live = (leaves as unknown as Array<{ ok?: { _deleted?: boolean } }>).filter((leaf) => leaf.ok && !leaf.ok._deleted);
  expect(live).toHaveLength(1);
}, 60_000);

test('a deletion racing an edit is a conflict too, and merging keeps both notes and sources', async () => {
  await alice.store.deleteAnnotation(PAGE.key, 'c2', new Date().toISOString());
  await edit(bob, 'c2', { verdict: 'false', note: 'Still false.' });
  await sync(alice, bob, alice);
  expect(alice.conflicts()[PAGE.key]).toEqual({ c2: 2 });
  expect(alice.record(PAGE.key)?.annotations.c2?.verdict).toBe('false');
  const versions = await alice.resolve.conflictDetails(alice.ctx, PAGE.key, 'c2');
  expect(versions.map((v) => [v.author, v.annotation === null])).toEqual(expect.arrayContaining([['alice', true], ['bob', false]]));
  await alice.resolve.resolveConflict(alice.ctx, PAGE.key, 'c2', { keep: versions.find((v) => v.annotation === null)?.rev ?? '' });
  await sync(alice, bob);
  expect(alice.record(PAGE.key)?.annotations.c2).toBeUndefined();
  expect(bob.record(PAGE.key)?.annotations.c2).toBeUndefined();
  expect(bob.conflicts()).toEqual({});

  await edit(alice, 'c1', { note: 'Alice: see the revised series.' });
  await edit(bob, 'c1', { note: 'Bob: the release says 3.9.' });
  await sync(alice, bob, alice);
  await bob.resolve.resolveConflict(bob.ctx, PAGE.key, 'c1', { merge: { verdict: 'mixed' } });
  await sync(bob, alice);
  for (const client of [alice, bob]) {
    expect(client.conflicts()).toEqual({});
    const merged = client.record(PAGE.key)?.annotations.c1;
    expect(merged?.verdict).toBe('mixed');
    expect(merged?.note).toContain('Alice: see the revised series.');
    expect(merged?.note).toContain('Bob: the release says 3.9.');
  }
}, 60_000);

test('a non-member, a wrong password and removed access get clear messages; the local library stays', async () => {
  const carol = makeClient('carol');
  await expect(carol.membership.joinTeam(carol.ctx, { serverUrl: couch.url, database: 'desk', userName: 'carol', password: 'carol-pw' })).rejects.toMatchObject({ problem: 'no-access' });
  await expect(carol.membership.joinTeam(carol.ctx, { serverUrl: couch.url, database: 'desk', userName: 'alice', password: 'wrong' })).rejects.toMatchObject({ problem: 'wrong-password' });
  await expect(carol.membership.joinTeam(carol.ctx, { serverUrl: couch.url, database: 'nothere', userName: 'carol', password: 'carol-pw' })).rejects.toMatchObject({ problem: expect.stringMatching(/no-access|not-found/) });

  await couch.setupTeam('desk', 'alice');
  await edit(bob, 'c3', { verdict: 'true' });
  const status = await bob.engine.syncNow(bob.ctx);
  expect(status).toMatchObject({ state: 'stopped', problem: 'no-access' });
  expect(status.detail).toMatch(/no longer have access/);
  expect(bob.record(PAGE.key)?.annotations.c3?.verdict).toBe('true');
  // Stopped: further runs do nothing until the reader joins again.
  expect((await bob.engine.syncNow(bob.ctx)).state).toBe('stopped');

  await bob.membership.leaveTeam(bob.ctx);
  expect(Object.keys(bob.storage.items).filter((key) => key.startsWith('team'))).toEqual([]);
  expect(bob.record(PAGE.key)?.annotations.c3?.verdict).toBe('true');
}, 60_000);

test('the server refuses documents that are not Factmark annotations or that misname their author', async () => {
  const fetch = cookieFetch();
  await fetch(`${couch.url}/_session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'alice', password: 'alice-pw' }) });
  const put = (id: string, body: unknown) => fetch(`${couch.url}/desk/${encodeURIComponent(id)}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  expect((await put('random', { hello: 'world' })).status).toBe(403);
  const id = `a:${encodeURIComponent(PAGE.key)}:c9`;
  const annotation = { id: 'c9', origin: 'detected', selector, verdict: 'true', note: '', sources: [], tags: [], createdAt: '', updatedAt: '' };
  const good = { type: 'factmark-annotation', page: PAGE, annotation, author: 'alice', editedAt: new Date().toISOString() };
  expect((await put(id, { ...good, author: 'bob' })).status).toBe(403);
  expect((await put(id, good)).status).toBe(201);
}, 60_000);

test('a first upload of a large library writes the outbox once, not once per round of pages; the teammate gets every page', async () => {
  await couch.setupTeam('bulkdesk', 'alice,bob');
  const carol = makeClient('alice');
  const pages = 1_100;
  Object.assign(carol.storage.items, seedLibraryItems({ pages, annotationsPerPage: 1 }));
  await carol.membership.joinTeam(carol.ctx, { serverUrl: couch.url, database: 'bulkdesk', userName: 'alice', password: 'alice-pw' });
  const joinedAt = carol.storage.log.length;
  const status = await carol.engine.syncNow(carol.ctx);
  expect(status).toMatchObject({ problem: null });
  const outboxWrites = carol.storage.log.slice(joinedAt).filter((entry) => entry.op === 'set' && entry.keys?.includes(TEAM_OUTBOX_KEY));
  expect(outboxWrites).toHaveLength(1);
  expect(carol.storage.items[TEAM_OUTBOX_KEY]).toEqual({});
  expect((await couch.admin('/bulkdesk')).json.doc_count).toBe(pages + 1);

  const dave = makeClient('bob');
  await dave.membership.joinTeam(dave.ctx, { serverUrl: couch.url, database: 'bulkdesk', userName: 'bob', password: 'bob-pw' });
  await sync(dave);
  expect(Object.keys(dave.storage.items).filter((key) => key.startsWith('page:'))).toHaveLength(pages);
  expect(dave.record(seedPage(17, 1).key)).toEqual(carol.record(seedPage(17, 1).key));
}, 180_000);
