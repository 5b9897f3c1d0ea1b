// Static HTTP server for the real-browser tests: the bundled sample pages, the shared
// readability corpus and synthetic in-memory pages, on 127.0.0.1 only.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, promises as fs } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A synthetic page or asset served from memory. */
export interface Route {
  body: string | Buffer;
  /** Content-Type; defaults from the path's extension (text/html; charset=utf-8 for .html). */
  type?: string;
  /** HTTP status; defaults to 200. */
  status?: number;
  /** Extra response headers. */
  headers?: Record<string, string>;
}

/** Options for startServer. */
export interface ServerOptions {
  /** In-memory routes, by exact pathname (query strings are ignored when matching). */
  routes?: Record<string, Route>;
}

/** One request the server answered, for assertions such as "the extension made no requests". */
export interface RequestRecord {
  method: string;
  url: string;
  status: number;
}

/** A running test server. */
export interface TestServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  origin: string;
  /** Absolute URL for a path on this server, e.g. url('/sample/index.html'). */
  url(path: string): string;
  /** Registers (or replaces) an in-memory route while the server runs. */
  setRoute(path: string, route: Route): void;
  /** Every request answered so far, oldest first. */
  requests: RequestRecord[];
  /** Stops the server and drops open keep-alive connections. */
  close(): Promise<void>;
}

const here: string =
  typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));

/** The repository root (this file lives in <root>/tests/e2e/harness/). */
export const REPO_ROOT: string = resolve(here, '..', '..', '..');

/** The bundled sample pages, served under /sample/. */
export const SAMPLE_DIR: string = join(REPO_ROOT, 'sample');

/** The shared readability corpus (outside the repo), served under /corpus/. */
export const CORPUS_DIR: string = resolve(REPO_ROOT, '..', 'shared', 'corpus', 'readability');

const MOUNTS: ReadonlyArray<{ prefix: string; dir: string }> = [
  { prefix: '/sample/', dir: SAMPLE_DIR },
  { prefix: '/corpus/', dir: CORPUS_DIR },
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/** The Content-Type the server sends for a path, by extension. */
export function contentTypeFor(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Resolves a URL path inside a mount directory, or null when it would escape it. */
function resolveInside(dir: string, rest: string): string | null {
  const segments = rest.split('/');
  for (const segment of segments) {
    if (segment === '..' || segment === '.' || segment.includes('\\') || segment.includes('\0')) return null;
  }
  const full = resolve(dir, ...segments.filter((s) => s !== ''));
  if (full !== dir && !full.startsWith(dir + sep)) return null;
  return full;
}

/** Starts the server on 127.0.0.1 with a random free port. */
export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  const routes = new Map<string, Route>(Object.entries(options.routes ?? {}));
  const requests: RequestRecord[] = [];

  const send = (req: IncomingMessage, res: ServerResponse, status: number, body: string | Buffer, type: string, headers: Record<string, string> = {}): void => {
    requests.push({ method: req.method ?? 'GET', url: req.url ?? '', status });
    res.writeHead(status, {
      'Content-Type': type,
      'Content-Length': String(Buffer.byteLength(body)),
      'Cache-Control': 'no-store',
      ...headers,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  const plain = 'text/plain; charset=utf-8';

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(req, res, 405, 'method not allowed\n', plain, { Allow: 'GET, HEAD' });
      return;
    }
    const raw = (req.url ?? '/').split('?')[0]!.split('#')[0]!;
    let path: string;
    try {
      path = decodeURIComponent(raw);
    } catch {
      send(req, res, 400, 'bad request\n', plain);
      return;
    }
    const route = routes.get(path) ?? routes.get(raw);
    if (route) {
      send(req, res, route.status ?? 200, route.body, route.type ?? contentTypeFor(path), route.headers);
      return;
    }
    for (const mount of MOUNTS) {
      if (!path.startsWith(mount.prefix)) continue;
      let file = resolveInside(mount.dir, path.slice(mount.prefix.length));
      if (file === null) {
        send(req, res, 403, 'forbidden\n', plain);
        return;
      }
      try {
        let stat = await fs.stat(file);
        if (stat.isDirectory()) {
          file = join(file, 'index.html');
          stat = await fs.stat(file);
        }
        // Symlinks must not lead out of the mount either.
        const real = await fs.realpath(file);
        const realDir = await fs.realpath(mount.dir);
        if (!real.startsWith(realDir + sep) || !stat.isFile()) throw new Error('outside');
        send(req, res, 200, await fs.readFile(file), contentTypeFor(file));
      } catch {
        send(req, res, 404, 'not found\n', plain);
      }
      return;
    }
    send(req, res, 404, 'not found\n', plain);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(req, res, 500, `${String(error)}\n`, plain);
      else res.destroy();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    url: (path: string) => origin + (path.startsWith('/') ? path : `/${path}`),
    setRoute: (path: string, route: Route) => {
      routes.set(path, route);
    },
    requests,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        server.closeAllConnections();
      }),
  };
}

/** True when the shared corpus page exists (so /corpus/<name>/source.html can be served). */
export function corpusPageExists(name: string): boolean {
  return existsSync(join(CORPUS_DIR, name, 'source.html'));
}
