/**
 * Talks to the team server with a CouchDB cookie session: signs in with POST /_session (the
 * browser keeps the AuthSession cookie), signs in again when the server answers 401 because
 * the session expired, and refuses to send anything to any other origin. Counts the bytes
 * that go each way, for the progress the library page shows.
 */
import type { TeamProblem } from '../../core/sync/team';

/** A failure the reader must act on (or wait for), with the words to show. */
export class TeamError extends Error {
  constructor(
    readonly problem: TeamProblem,
    message: string,
  ) {
    super(message);
    this.name = 'TeamError';
  }
}

/** The fetch this module sends through (the browser's, or a test's with a cookie jar). */
export type FetchLike = (url: string | Request, init?: RequestInit) => Promise<Response>;

/** What a session needs. */
export interface SessionOptions {
  serverUrl: string;
  userName: string;
  /** The stored password; null when the reader chose "Forget password". */
  password(): Promise<string | null>;
  fetch: FetchLike;
  /** Called with the size of each request and response body. */
  onBytes?(bytes: number): void;
}

function urlOf(input: string | Request): string {
  return typeof input === 'string' ? input : input.url;
}

function bodySize(body: unknown): number {
  if (typeof body === 'string') return new TextEncoder().encode(body).length;
  if (body instanceof ArrayBuffer) return body.byteLength;
  if (ArrayBuffer.isView(body)) return body.byteLength;
  return 0;
}

/** A CouchDB cookie session on one server. */
export class TeamSession {
  private readonly origin: string;
  private signingIn: Promise<void> | null = null;

  constructor(private readonly options: SessionOptions) {
    this.origin = new URL(options.serverUrl).origin;
  }

  /** Signs in (POST /_session); the server's cookie is kept by the browser. */
  signIn(passwordOverride?: string): Promise<void> {
    this.signingIn ??= this.doSignIn(passwordOverride).finally(() => {
      this.signingIn = null;
    });
    return this.signingIn;
  }

  private async doSignIn(passwordOverride?: string): Promise<void> {
    const password = passwordOverride ?? (await this.options.password());
    if (password === null) throw new TeamError('password-needed', 'Your session on the team server ended and the password was forgotten: enter it and press Join team to sync again.');
    const body = JSON.stringify({ name: this.options.userName, password });
    let response: Response;
    try {
      response = await this.send(`${this.options.serverUrl}/_session`, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body });
    } catch (error) {
      throw offline(error);
    }
    if (response.status === 401) throw new TeamError('wrong-password', `The team server did not accept user name "${this.options.userName}" with this password.`);
    if (!response.ok) throw new TeamError('error', `The team server refused to sign you in (HTTP ${response.status}).`);
  }

  /** Ends the session on the server (best effort). */
  async signOut(): Promise<void> {
    await this.send(`${this.options.serverUrl}/_session`, { method: 'DELETE' }).catch(() => undefined);
  }

  /** A fetch for PouchDB: same origin only, signs in again once on 401. */
  readonly fetch: FetchLike = async (input, init) => {
    const url = urlOf(input);
    let response = await this.send(input, init);
    if (response.status === 401 && !url.endsWith('/_session')) {
      await this.signIn();
      response = await this.send(input, init);
    }
    return response;
  };

  private async send(input: string | Request, init?: RequestInit): Promise<Response> {
    const url = urlOf(input);
    if (new URL(url).origin !== this.origin) throw new TeamError('refused', `Factmark only talks to the team server (${this.origin}); it did not contact ${new URL(url).origin}.`);
    this.options.onBytes?.(bodySize(init?.body));
    const response = await this.options.fetch(input, { ...init, credentials: 'include' });
    if (!this.options.onBytes) return response;
    const buffer = await response.arrayBuffer();
    this.options.onBytes(buffer.byteLength);
    return new Response(buffer.byteLength === 0 && (response.status === 204 || response.status === 304) ? null : buffer, { status: response.status, statusText: response.statusText, headers: response.headers });
  }
}

/** A network failure as the reader's problem. */
export function offline(error: unknown): TeamError {
  return new TeamError('offline', `The team server could not be reached (${error instanceof Error ? error.message : String(error)}). Factmark keeps your edits and tries again.`);
}
