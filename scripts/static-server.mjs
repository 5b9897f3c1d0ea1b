// A small static file server for the sample page, corpus pages and tests. Binds 127.0.0.1
// only, always declares UTF-8 (several corpus pages carry no charset) and never caches.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonld': 'application/ld+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Starts the server. `mounts` maps URL prefixes (such as '/sample/') to folders; `routes`
 * maps exact paths to in-memory bodies; `headers` are added to every response. Resolves to {origin, port, close, setRoute}.
 */
export async function startStaticServer({ mounts = {}, routes = {}, port = 0, headers = {} } = {}) {
  const memory = new Map(Object.entries(routes));
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const send = (status, body, type) => {
      response.writeHead(status, { ...headers, 'Content-Type': type, 'Cache-Control': 'no-store' });
      response.end(body);
    };
    const route = memory.get(path);
    if (route) return send(200, route.body, route.type ?? TYPES[extname(path)] ?? 'text/html; charset=utf-8');
    for (const [prefix, folder] of Object.entries(mounts)) {
      if (!path.startsWith(prefix)) continue;
      const base = resolve(folder);
      let file = normalize(join(base, path.slice(prefix.length)));
      if (file !== base && !file.startsWith(base + sep)) return send(403, 'Forbidden', 'text/plain; charset=utf-8');
      if (path.endsWith('/')) file = join(file, 'index.html');
      try {
        return send(200, await readFile(file), TYPES[extname(file)] ?? 'application/octet-stream');
      } catch {
        return send(404, 'Not found', 'text/plain; charset=utf-8');
      }
    }
    send(404, 'Not found', 'text/plain; charset=utf-8');
  });
  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', done);
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    origin: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    setRoute: (path, body, type) => memory.set(path, { body, type }),
    close: () => new Promise((done) => server.close(() => done())),
  };
}
