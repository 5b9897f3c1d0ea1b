import { useCallback, useEffect, useState } from 'preact/hooks';
import { checkTeamInput, originPattern, TEAM_CONFLICTS_KEY, TEAM_KEY, TEAM_PASSWORD_KEY, TEAM_STATUS_KEY, type TeamStatus } from '../core/sync/team';
import { localStorage, requestBackground, requestHostPermission, t } from '../platform/browser';

type Info = { team: { serverUrl: string; database: string; userName: string } | null; status: TeamStatus; hasPassword: boolean };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Bytes in words: 0 B, 12.3 kB, 4.5 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

function formatTime(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : new Date(time).toLocaleString();
}

function useTeamInfo() {
  const [info, setInfo] = useState<Info | null>(null);
  const [loadError, setLoadError] = useState('');
  const load = useCallback(() => {
    requestBackground('team.get', {}).then(
      (value) => {
        setInfo(value);
        setLoadError('');
      },
      (error: unknown) => setLoadError(messageOf(error)),
    );
  }, []);
  useEffect(() => {
    load();
    return localStorage.onChanged((keys) => {
      if (keys.includes(TEAM_KEY) || keys.includes(TEAM_STATUS_KEY) || keys.includes(TEAM_PASSWORD_KEY)) load();
    });
  }, [load]);
  return { info, loadError, load };
}

/** Pages with annotations in conflict (canonical key → how many), kept up to date. */
export function useConflictedPages(): Record<string, number> {
  const [pages, setPages] = useState<Record<string, number>>({});
  useEffect(() => {
    const load = () => void requestBackground('team.conflicted-pages', {}).then(setPages, () => setPages({}));
    load();
    return localStorage.onChanged((keys) => {
      if (keys.includes(TEAM_CONFLICTS_KEY)) load();
    });
  }, []);
  return pages;
}

function Field({ label, value, type = 'text', autoComplete, onInput }: { label: string; value: string; type?: string; autoComplete: string; onInput: (value: string) => void }) {
  return (
    <label class="team-field">
      {label}
      <input type={type} value={value} autoComplete={autoComplete} spellcheck={false} onInput={(event) => onInput(event.currentTarget.value)} />
    </label>
  );
}

function StatusLine({ status }: { status: TeamStatus }) {
  if (status.state === 'syncing') {
    return (
      <p class="team-progress" role="status">
        {t('teamSyncing', [status.docs.toLocaleString(), formatBytes(status.bytes)])}
      </p>
    );
  }
  return (
    <>
      <p class="team-last-sync" role="status">
        {status.lastSync ? t('teamLastSync', formatTime(status.lastSync)) : t('teamNeverSynced')}
        {status.lastSync && status.docs + status.bytes > 0 && <span class="muted"> · {t('teamLastRun', [status.docs.toLocaleString(), formatBytes(status.bytes)])}</span>}
      </p>
      {status.state === 'stopped' && (
        <p class="error team-problem" role="alert">
          {t('teamStopped', status.detail)}
        </p>
      )}
      {status.state !== 'stopped' && status.problem && (
        <p class="error team-problem" role="alert">
          {t('teamProblem', status.detail)}
        </p>
      )}
    </>
  );
}

/** The library page's Team section: join a team server, sync, see progress, leave. */
export function Team() {
  const { info, loadError, load } = useTeamInfo();
  const [serverUrl, setServerUrl] = useState('');
  const [database, setDatabase] = useState('');
  const [userName, setUserName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const [notice, setNotice] = useState('');
  const team = info?.team ?? null;

  useEffect(() => {
    if (!team) return;
    setServerUrl(team.serverUrl);
    setDatabase(team.database);
    setUserName(team.userName);
  }, [team?.serverUrl, team?.database, team?.userName]);

  const act = async (work: () => Promise<unknown>, done = '') => {
    setBusy(true);
    setProblem('');
    setNotice('');
    try {
      await work();
      setNotice(done);
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setBusy(false);
      load();
    }
  };

  const join = (event: Event) => {
    event.preventDefault();
    const checked = checkTeamInput({ serverUrl, database, userName, password });
    if ('problem' in checked) return setProblem(checked.problem);
    // Asked before anything else, while the browser still counts this as the reader's click.
    const granted = requestHostPermission(originPattern(checked.serverUrl));
    void act(async () => {
      if (!(await granted)) throw new Error(t('teamPermissionDenied', checked.origin));
      setNotice(t('teamJoining'));
      await requestBackground('team.join', { serverUrl, database, userName, password });
      setPassword('');
    });
  };

  const needsPassword = team !== null && (!info?.hasPassword || info.status.state === 'stopped');
  return (
    <section class="team" aria-labelledby="team-heading">
      <h2 id="team-heading">{t('teamHeading')}</h2>
      <p class="muted">{t('teamIntro')}</p>
      {loadError && (
        <p class="error" role="alert">
          {t('errorGeneric', loadError)}
        </p>
      )}
      {team && info && (
        <div class="team-joined">
          <p>{t('teamJoinedAs', [team.userName, team.database, team.serverUrl])}</p>
          <StatusLine status={info.status} />
          <div class="row">
            <button type="button" disabled={busy || info.status.state === 'syncing'} onClick={() => void act(() => requestBackground('team.sync', {}))}>
              {t('teamSyncNow')}
            </button>
            <button type="button" disabled={busy || !info.hasPassword} onClick={() => void act(() => requestBackground('team.forget-password', {}), t('teamPasswordForgotten'))}>
              {t('teamForgetPassword')}
            </button>
            <button type="button" disabled={busy} onClick={() => void act(() => requestBackground('team.leave', {}), t('teamLeft'))}>
              {t('teamLeave')}
            </button>
          </div>
          {needsPassword && <p class="muted">{t('teamSignInAgain')}</p>}
        </div>
      )}
      {(!team || needsPassword) && info && (
        <form class="team-form" onSubmit={join} noValidate>
          <Field label={t('teamServerUrl')} value={serverUrl} type="url" autoComplete="url" onInput={setServerUrl} />
          <Field label={t('teamDatabase')} value={database} autoComplete="off" onInput={setDatabase} />
          <Field label={t('teamUserName')} value={userName} autoComplete="username" onInput={setUserName} />
          <Field label={t('teamPassword')} value={password} type="password" autoComplete="current-password" onInput={setPassword} />
          <button type="submit" disabled={busy}>
            {t('teamJoin')}
          </button>
        </form>
      )}
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      {notice && !problem && (
        <p class="muted" role="status">
          {notice}
        </p>
      )}
    </section>
  );
}
