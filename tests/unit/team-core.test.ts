// The pure parts of team sync: document ids, push planning against the revision each local copy
// came from, applying synced winners (local edits are never overwritten), conflict versions
// (deletions racing edits included) and merging, the join form's checks, team-setup's lists.
import type { Annotation, PageRecord } from '../../src/core/model/annotation';
import { selectorFor } from '../../src/core/model/selectors';
import { conflictVersions, mergeVersions, versionCount } from '../../src/core/sync/conflicts';
import { childRev, contentHash, docId, parseDocId, parseRevision, type ParsedRevision } from '../../src/core/sync/docs';
import { applySynced, planPush } from '../../src/core/sync/plan';
import { checkTeamInput, originPattern } from '../../src/core/sync/team';
import { parseMembers } from '../../src/cli/team-setup';
import { TeamSession } from '../../src/background/sync/session';

const KEY = 'https://news.example/a:b?x=1';
const page = { key: KEY, url: KEY, title: 'Story' };

function annotation(id: string, verdict: Annotation['verdict'], note = ''): Annotation {
  return { id, origin: 'detected', selector: selectorFor('The rate rose to 4 percent.', 0, 27), verdict, note, sources: [], tags: [], createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z' };
}

function record(...annotations: Annotation[]): PageRecord {
  return { ...page, annotations: Object.fromEntries(annotations.map((a) => [a.id, a])), updatedAt: '2026-01-02T00:00:00.000Z' };
}

function live(rev: string, a: Annotation, author = 'bob'): ParsedRevision {
  return { deleted: false, rev, page, annotation: a, author, editedAt: '2026-01-03T00:00:00.000Z' };
}

test('document ids carry the canonical key and annotation id, both recoverable, whatever characters they hold', () => {
  const id = docId(KEY, 'claim:1/2');
  expect(id.startsWith('a:')).toBe(true);
  expect(id.split(':')).toHaveLength(3);
  expect(parseDocId(id)).toEqual({ pageKey: KEY, annotationId: 'claim:1/2' });
  expect(parseDocId('_design/factmark')).toBeNull();
  expect(parseRevision({ _id: id, _rev: '1-x', type: 'other' })).toBeNull();
});

test('revision ids are deterministic: a push repeated after a stop writes the same revision', () => {
  expect(childRev('a:x:y', '1-abc', 'h', 'alice')).toEqual(childRev('a:x:y', '1-abc', 'h', 'alice'));
  expect(childRev('a:x:y', '1-abc', 'h', 'alice').rev).toMatch(/^2-[0-9a-f]{32}$/);
  expect(childRev('a:x:y', '1-abc', 'h', 'bob').rev).not.toBe(childRev('a:x:y', '1-abc', 'h', 'alice').rev);
  expect(childRev('a:x:y', null, 'h', 'alice').depth).toBe(1);
});

test('push writes changed and new annotations on top of their base revision, tombstones for deleted ones, nothing for unchanged', () => {
  const same = annotation('same', 'true');
  const changed = annotation('changed', 'false');
  const revs = { same: { rev: '2-s', hash: contentHash(same) }, changed: { rev: '3-c', hash: contentHash(annotation('changed', 'true')) }, gone: { rev: '1-g', hash: contentHash(annotation('gone', null)) } };
  const writes = planPush(KEY, record(same, changed, annotation('new', 'mixed')), revs, 'alice', '2026-02-01T00:00:00.000Z');
  expect(writes.map((w) => [w.annotationId, w.base, w.body.author, '_deleted' in w.body])).toEqual([
    ['changed', '3-c', 'alice', false],
    ['new', null, 'alice', false],
    ['gone', '1-g', 'alice', true],
  ]);
  expect(writes[0]?.rev.startsWith('4-')).toBe(true);
  // A page deleted here: every synced annotation gets a tombstone; already deleted ones nothing.
  expect(planPush(KEY, null, { ...revs, old: { rev: '5-o', hash: contentHash(null) } }, 'alice', '2026-02-01T00:00:00.000Z').map((w) => w.annotationId)).toEqual(['same', 'changed', 'gone']);
});

test('applying winners updates clean copies, leaves copies edited here alone, and records conflicts', () => {
  const base = annotation('c1', 'true');
  const revs = { c1: { rev: '1-a', hash: contentHash(base) } };
  const theirs = annotation('c1', 'false', 'from bob');
  const clean = applySynced(KEY, record(base), revs, {}, [{ annotationId: 'c1', winner: live('2-b', theirs), versions: 1 }]);
  expect(clean.record?.annotations.c1?.verdict).toBe('false');
  expect(clean.revs.c1?.rev).toBe('2-b');
  expect(clean.recordChanged).toBe(true);

  const mine = annotation('c1', 'mixed');
  const dirty = applySynced(KEY, record(mine), revs, {}, [{ annotationId: 'c1', winner: live('2-b', theirs), versions: 2 }]);
  expect(dirty.record?.annotations.c1?.verdict).toBe('mixed');
  expect(dirty.revs.c1?.rev).toBe('1-a');
  expect(dirty.conflicts).toEqual({ c1: 2 });

  // A new page arrives whole; a deletion winner removes the last annotation and the page.
  const arrived = applySynced(KEY, null, {}, {}, [{ annotationId: 'c1', winner: live('1-a', base), versions: 1 }]);
  expect(arrived.record).toMatchObject({ key: KEY, url: KEY, title: 'Story' });
  const tombstone: ParsedRevision = { deleted: true, rev: '2-d', page, annotationId: 'c1', author: 'bob', editedAt: '', reason: 'deleted' };
  const removed = applySynced(KEY, record(base), revs, {}, [{ annotationId: 'c1', winner: tombstone, versions: 1 }]);
  expect(removed.record).toBeNull();
  expect(removed.recordChanged).toBe(true);
});

test('conflict versions: live leaves and deletions that raced an edit count; resolved tombstones do not', () => {
  const leaves: ParsedRevision[] = [
    live('3-b', annotation('c1', 'false'), 'bob'),
    live('3-a', annotation('c1', 'true'), 'alice'),
    { deleted: true, rev: '2-x', page, annotationId: 'c1', author: 'carol', editedAt: '', reason: 'deleted' },
    { deleted: true, rev: '4-r', page, annotationId: 'c1', author: 'alice', editedAt: '', reason: 'resolved' },
  ];
  const versions = conflictVersions('3-b', leaves);
  expect(versions.map((v) => [v.rev, v.winner, v.annotation?.verdict ?? 'deleted'])).toEqual([
    ['3-b', true, 'false'],
    ['2-x', false, 'deleted'],
    ['3-a', false, 'true'],
  ]);
  expect(versionCount('3-b', leaves.slice(0, 1))).toBe(1);
  // A deleted winner means every leaf is deleted: nothing to show.
  expect(conflictVersions('2-x', [leaves[2] as ParsedRevision])).toEqual([]);
});

test('merging keeps the chosen verdict and every distinct note, source and tag', () => {
  const a = { ...annotation('c1', 'true', 'Alice note'), sources: [{ url: 'https://a.example', title: 'A', quote: '', publisher: '' }], tags: ['x'] };
  const b = { ...annotation('c1', 'false', 'Bob note'), sources: [{ url: 'https://a.example', title: 'A', quote: '', publisher: '' }, { url: 'https://b.example', title: 'B', quote: '', publisher: '' }], tags: ['x', 'y'] };
  const merged = mergeVersions(
    [
      { rev: '2-a', winner: true, annotation: a, author: 'alice', editedAt: '' },
      { rev: '2-b', winner: false, annotation: b, author: 'bob', editedAt: '' },
      { rev: '2-c', winner: false, annotation: null, author: 'carol', editedAt: '' },
    ],
    'mixed',
    '2026-03-01T00:00:00.000Z',
  );
  expect(merged).toMatchObject({ verdict: 'mixed', note: 'Alice note\n\n---\n\nBob note', tags: ['x', 'y'], updatedAt: '2026-03-01T00:00:00.000Z' });
  expect(merged?.sources.map((s) => s.url)).toEqual(['https://a.example', 'https://b.example']);
});

test('the join form refuses what cannot work and names the one origin to ask permission for', () => {
  const good = { serverUrl: 'https://couch.example.org/couch/', database: 'newsroom', userName: ' alice ', password: 'pw' };
  expect(checkTeamInput(good)).toEqual({ serverUrl: 'https://couch.example.org/couch', origin: 'https://couch.example.org', database: 'newsroom', userName: 'alice' });
  expect(checkTeamInput({ ...good, serverUrl: 'couch.example.org' })).toHaveProperty('problem');
  expect(checkTeamInput({ ...good, serverUrl: 'https://admin:pw@couch.example.org' })).toHaveProperty('problem');
  expect(checkTeamInput({ ...good, serverUrl: 'ftp://couch.example.org' })).toHaveProperty('problem');
  expect(checkTeamInput({ ...good, database: 'Newsroom' })).toHaveProperty('problem');
  expect(checkTeamInput({ ...good, password: '' })).toHaveProperty('problem');
  expect(originPattern('https://couch.example.org:6984/couch')).toBe('https://couch.example.org/*');
});

test('team-setup lists: names, and roles written role:NAME', () => {
  expect(parseMembers('alice, bob,role:desk,alice,,role:desk')).toEqual({ names: ['alice', 'bob'], roles: ['desk'] });
  expect(parseMembers('')).toEqual({ names: [], roles: [] });
});

test('the session talks to the team server only, and signs in again once when the server says 401', async () => {
  const calls: string[] = [];
  let signedIn = false;
  const fetch = async (input: string | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input.url;
    calls.push(`${init?.method ?? 'GET'} ${url} ${init?.credentials ?? ''}`);
    if (url.endsWith('/_session')) {
      signedIn = JSON.parse(String(init?.body)).password === 'pw';
      return new Response(JSON.stringify(signedIn ? { ok: true } : { error: 'unauthorized' }), { status: signedIn ? 200 : 401 });
    }
    return new Response('{}', { status: signedIn ? 200 : 401 });
  };
  let bytes = 0;
  const session = new TeamSession({ serverUrl: 'https://couch.example.org', userName: 'alice', password: async () => 'pw', fetch, onBytes: (n) => (bytes += n) });
  expect((await session.fetch('https://couch.example.org/desk/')).status).toBe(200);
  expect(calls).toEqual(['GET https://couch.example.org/desk/ include', 'POST https://couch.example.org/_session include', 'GET https://couch.example.org/desk/ include']);
  expect(bytes).toBeGreaterThan(0);
  await expect(session.fetch('https://elsewhere.example/desk/')).rejects.toMatchObject({ problem: 'refused' });
  expect(calls).toHaveLength(3);
  const wrong = new TeamSession({ serverUrl: 'https://couch.example.org', userName: 'alice', password: async () => 'nope', fetch });
  signedIn = false;
  await expect(wrong.fetch('https://couch.example.org/desk/')).rejects.toMatchObject({ problem: 'wrong-password' });
  const forgotten = new TeamSession({ serverUrl: 'https://couch.example.org', userName: 'alice', password: async () => null, fetch });
  await expect(forgotten.fetch('https://couch.example.org/desk/')).rejects.toMatchObject({ problem: 'password-needed' });
});
