// fetch with a cookie jar, for Node: stands in for the browser's cookie store when the sync
// code runs in tests (the browser keeps CouchDB's AuthSession cookie itself).

/** A fetch that keeps the cookies its server sets, per origin. */
export function cookieFetch(): (input: string | Request, init?: RequestInit) => Promise<Response> {
  const jar = new Map<string, Map<string, string>>();
  return async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input.url);
    const cookies = jar.get(url.origin) ?? new Map<string, string>();
    const headers = new Headers(init?.headers);
    if (cookies.size > 0) headers.set('Cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(input, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair?.indexOf('=') ?? -1;
      if (!pair || at < 0) continue;
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (value === '' || /max-age=0|expires=Thu, 01 Jan 1970/i.test(line)) cookies.delete(name);
      else cookies.set(name, value);
    }
    jar.set(url.origin, cookies);
    return response;
  };
}
