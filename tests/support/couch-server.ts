// A CouchDB-protocol server for tests and benches: pouchdb-server (in memory) started on
// 127.0.0.1 with a free port, or the real CouchDB that COUCH_URL points at (with the server
// admin's credentials in it, e.g. http://admin:secret@127.0.0.1:5984). Both enforce _session,
// _users, _security and validate_doc_update, which the team tests rely on.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseMembers, teamSetup } from '../../src/cli/team-setup';

const REPO_ROOT = join(__dirname, '..', '..');

/** A running team server. */
export interface CouchServer {
  /** The server's URL, no credentials, no trailing slash. */
  readonly url: string;
  /** The same URL with the server admin's credentials. */
  readonly adminUrl: string;
  /** True for the bundled pouchdb-server (which the tests can freeze), false for COUCH_URL. */
  readonly local: boolean;
  /** Creates (or updates the password of) a user in _users. */
  createUser(name: string, password: string): Promise<void>;
  /** Runs team-setup for a database. */
  setupTeam(database: string, members: string, admins?: string): Promise<void>;
  /** An admin request, JSON in and out. */
  admin(path: string, method?: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }>;
  /** SIGSTOP / SIGCONT the server process (pouchdb-server only). */
  freeze(): void;
  resume(): void;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess | null): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`pouchdb-server exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`no CouchDB-protocol server answered at ${url}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Starts pouchdb-server, or connects to COUCH_URL. */
export async function startCouch(): Promise<CouchServer> {
  let child: ChildProcess | null = null;
  let dir = '';
  let adminUrl: string;
  if (process.env.COUCH_URL) {
    adminUrl = process.env.COUCH_URL.replace(/\/+$/, '');
  } else {
    const port = await freePort();
    dir = mkdtempSync(join(tmpdir(), 'factmark-couch-'));
    child = spawn(process.execPath, [join(REPO_ROOT, 'scripts', 'team-server.cjs'), '--in-memory', '-p', String(port), '-o', '127.0.0.1', '-c', join(dir, 'config.json'), '-n'], { cwd: dir, stdio: 'ignore' });
    const plain = `http://127.0.0.1:${port}`;
    await waitUntilUp(plain, child);
    // A fresh pouchdb-server is an "admin party"; naming an admin ends it, as on CouchDB.
    await fetch(`${plain}/_config/admins/admin`, { method: 'PUT', body: JSON.stringify('admin-secret') });
    adminUrl = `http://admin:admin-secret@127.0.0.1:${port}`;
  }
  const parsed = new URL(adminUrl);
  const authorization = `Basic ${Buffer.from(`${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`).toString('base64')}`;
  parsed.username = '';
  parsed.password = '';
  const url = parsed.toString().replace(/\/+$/, '');
  await waitUntilUp(url, child);
  const admin = async (path: string, method = 'GET', body?: unknown) => {
    const response = await fetch(`${url}${path}`, { method, headers: { Authorization: authorization, 'Content-Type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    return { status: response.status, json: (await response.json().catch(() => ({}))) as Record<string, unknown> };
  };
  return {
    url,
    adminUrl,
    local: child !== null,
    admin,
    async createUser(name, password) {
      const id = `/_users/org.couchdb.user:${encodeURIComponent(name)}`;
      const existing = await admin(id);
      const result = await admin(id, 'PUT', { _id: `org.couchdb.user:${name}`, name, password, roles: [], type: 'user', ...(existing.status === 200 ? { _rev: existing.json._rev } : {}) });
      if (result.status >= 300) throw new Error(`could not create user ${name}: ${JSON.stringify(result.json)}`);
    },
    async setupTeam(database, members, admins = '') {
      await teamSetup(adminUrl, database, parseMembers(members), parseMembers(admins));
    },
    freeze() {
      if (!child?.pid) throw new Error('only the bundled pouchdb-server can be frozen');
      process.kill(child.pid, 'SIGSTOP');
    },
    resume() {
      if (child?.pid) process.kill(child.pid, 'SIGCONT');
    },
    async close() {
      if (child && child.exitCode === null) {
        process.kill(child.pid as number, 'SIGCONT');
        child.kill('SIGTERM');
        await new Promise((done) => child?.once('exit', done));
      }
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
