import { useEffect, useState } from 'preact/hooks';
import type { ConflictVersion } from '../core/sync/conflicts';
import { isVerdictId, type VerdictId } from '../core/model/verdicts';
import { requestBackground, t } from '../platform/browser';
import { verdictLabel } from '../ui/labels';
import { NoteView } from './NoteView';

function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

function VersionView({ version, busy, onKeep }: { version: ConflictVersion; busy: boolean; onKeep: () => void }) {
  const annotation = version.annotation;
  const verdict = annotation?.verdict ?? null;
  return (
    <li class="conflict-version" data-verdict={verdict ?? 'unreviewed'} data-rev={version.rev}>
      <div class="conflict-head">
        <strong>{annotation ? (verdict ? verdictLabel(verdict) : t('unreviewed')) : t('conflictDeleted')}</strong>
        {version.winner && <span class="chip">{t('conflictShown')}</span>}
        <span class="muted">{t('conflictBy', [version.author || '?', formatTime(version.editedAt)])}</span>
      </div>
      {annotation && (annotation.note ? <NoteView note={annotation.note} /> : <p class="muted">{t('conflictNoNote')}</p>)}
      {annotation && annotation.sources.length > 0 && (
        <ul class="sources" aria-label={t('sourcesHeading')}>
          {annotation.sources.map((source, i) => (
            <li key={`${source.url}-${i}`}>
              <a href={source.url} target="_blank" rel="noopener noreferrer">
                {source.title || source.url}
              </a>
            </li>
          ))}
        </ul>
      )}
      <button type="button" disabled={busy} onClick={onKeep}>
        {t('conflictKeep')}
      </button>
    </li>
  );
}

/** Every version of a conflicted annotation (verdict, note, sources, who, when): keep one, or merge. */
export function ConflictView({ pageKey, annotationId, onResolved }: { pageKey: string; annotationId: string; onResolved: () => void }) {
  const [versions, setVersions] = useState<ConflictVersion[] | null>(null);
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const [verdict, setVerdict] = useState<string>('');
  useEffect(() => {
    requestBackground('team.conflict', { key: pageKey, id: annotationId }).then(
      (found) => {
        setVersions(found);
        setVerdict(found[0]?.annotation?.verdict ?? '');
      },
      (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)),
    );
  }, [pageKey, annotationId]);
  const resolve = async (resolution: { keep: string } | { merge: { verdict: VerdictId | null } }) => {
    setBusy(true);
    setProblem('');
    try {
      await requestBackground('team.resolve', { key: pageKey, id: annotationId, resolution });
      onResolved();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  const verdicts = [...new Set((versions ?? []).map((version) => version.annotation?.verdict).filter((v): v is VerdictId => isVerdictId(v)))];
  const mergeable = (versions ?? []).filter((version) => version.annotation).length > 1;
  return (
    <div class="conflict" role="group" aria-label={t('conflictHeading')}>
      <h3 class="conflict-title">{t('conflictHeading')}</h3>
      {versions && (
        <ol class="conflict-versions">
          {versions.map((version) => (
            <VersionView key={version.rev} version={version} busy={busy} onKeep={() => void resolve({ keep: version.rev })} />
          ))}
        </ol>
      )}
      {mergeable && (
        <div class="row conflict-merge">
          <label>
            {t('conflictMergeVerdict')}{' '}
            <select value={verdict} onChange={(event) => setVerdict(event.currentTarget.value)}>
              <option value="">{t('unreviewed')}</option>
              {verdicts.map((id) => (
                <option key={id} value={id}>
                  {verdictLabel(id)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" disabled={busy} title={t('conflictMergeHint')} onClick={() => void resolve({ merge: { verdict: isVerdictId(verdict) ? verdict : null } })}>
            {t('conflictMerge')}
          </button>
        </div>
      )}
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
