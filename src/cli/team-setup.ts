/**
 * `factmark team-setup URL DB --members NAME[,NAME...] [--admins NAME,...]`: prepares a team
 * database on a CouchDB-protocol server, with the server admin's credentials in URL. Creates
 * the database when missing, sets its _security (names, and roles written `role:NAME`), and
 * installs or updates the design document whose validate_doc_update records each change's
 * author and refuses documents that are not Factmark's. Running it again updates all three.
 */
import { DATABASE_NAME } from '../core/sync/team';
import { designDocument, DESIGN_DOC_ID } from '../core/sync/design';
import { UsageError } from './errors';

/** Names and roles of one _security section. */
export interface SecuritySection {
  names: string[];
  roles: string[];
}

/** Splits `alice,bob,role:desk` into names and roles. */
export function parseMembers(list: string): SecuritySection {
  const names: string[] = [];
  const roles: string[] = [];
  for (const item of list.split(',').map((part) => part.trim()).filter((part) => part !== '')) {
    if (item.startsWith('role:')) roles.push(item.slice(5));
    else names.push(item);
  }
  return { names: [...new Set(names)], roles: [...new Set(roles)] };
}

/** What team-setup did. */
export interface SetupReport {
  database: string;
  created: boolean;
  security: { admins: SecuritySection; members: SecuritySection };
  design: 'installed' | 'updated' | 'unchanged';
}

/** Prepares the team database; `fetchImpl` is injectable for tests. */
export async function teamSetup(serverUrl: string, database: string, members: SecuritySection, admins: SecuritySection, fetchImpl: typeof fetch = fetch): Promise<SetupReport> {
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    throw new UsageError(`not a URL: ${serverUrl}`);
  }
  if (!DATABASE_NAME.test(database)) throw new UsageError(`invalid database name "${database}": lowercase letter first, then lowercase letters, digits and _$()+-/`);
  if (members.names.length + members.roles.length === 0) throw new UsageError('--members needs at least one name or role:NAME');
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (url.username) headers.Authorization = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
  url.username = '';
  url.password = '';
  const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}/${encodeURIComponent(database)}`;
  const call = async (path: string, method: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> => {
    let response: Response;
    try {
      response = await fetchImpl(`${base}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    } catch (error) {
      throw new UsageError(`cannot reach ${url.origin}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (response.status === 401 || response.status === 403) throw new UsageError(`the server refused the admin credentials in the URL (HTTP ${response.status}: ${String(json.reason ?? json.error ?? '')})`);
    return { status: response.status, json };
  };
  const created = await call('', 'PUT');
  if (created.status !== 201 && created.status !== 202 && created.status !== 412) throw new UsageError(`could not create ${database}: HTTP ${created.status} ${String(created.json.reason ?? '')}`);
  const security = { admins, members };
  const secured = await call('/_security', 'PUT', security);
  if (secured.status >= 300) throw new UsageError(`could not set _security: HTTP ${secured.status} ${String(secured.json.reason ?? '')}`);
  const existing = await call(`/${DESIGN_DOC_ID}`, 'GET');
  const wanted = designDocument();
  let design: SetupReport['design'] = 'installed';
  if (existing.status === 200) {
    design = existing.json.validate_doc_update === wanted.validate_doc_update && existing.json.factmarkVersion === wanted.factmarkVersion ? 'unchanged' : 'updated';
  }
  if (design !== 'unchanged') {
    const put = await call(`/${DESIGN_DOC_ID}`, 'PUT', { ...wanted, ...(existing.status === 200 ? { _rev: existing.json._rev } : {}) });
    if (put.status >= 300) throw new UsageError(`could not install the design document: HTTP ${put.status} ${String(put.json.reason ?? '')}`);
  }
  return { database, created: created.status !== 412, security, design };
}

/** The CLI's text for a report. */
export function formatSetup(report: SetupReport): string {
  const list = (section: SecuritySection) => [...section.names, ...section.roles.map((role) => `role:${role}`)].join(', ') || '(none)';
  return [
    `${report.database}: ${report.created ? 'created' : 'already there'}`,
    `members: ${list(report.security.members)}`,
    `admins: ${list(report.security.admins)}`,
    `validate_doc_update: ${report.design}`,
  ].join('\n');
}
