import { useState } from 'preact/hooks';
import type { AnnotationEdit, Source } from '../core/model/annotation';
import type { ClaimView } from '../core/model/page-state';
import { isHttpUrl } from '../core/model/records';
import { isVerdictId } from '../core/model/verdicts';
import { t } from '../platform/browser';
import { reasonLabel, VERDICT_OPTIONS, verdictLabel } from './labels';

/** Props of one claim in the popup list. */
export interface ClaimCardProps {
  claim: ClaimView;
  onSave(claim: ClaimView, edit: AnnotationEdit): Promise<void>;
  onReveal(claim: ClaimView): void;
}

/** One claim: its text, score and reasons, verdict, note and sources. */
export function ClaimCard({ claim, onSave, onReveal }: ClaimCardProps) {
  const annotation = claim.annotation;
  const [note, setNote] = useState(annotation?.note ?? '');
  const [sourceUrl, setSourceUrl] = useState('');
  const [sourceTitle, setSourceTitle] = useState('');
  const [problem, setProblem] = useState('');
  const sources = annotation?.sources ?? [];
  const verdict = annotation?.verdict ?? 'unreviewed';
  const save = (edit: AnnotationEdit) => onSave(claim, edit).then(() => setProblem(''), (error: unknown) => setProblem(t('saveFailed', error instanceof Error ? error.message : String(error))));
  const addSource = () => {
    const url = sourceUrl.trim();
    if (!isHttpUrl(url)) {
      setProblem(t('invalidSourceUrl'));
      return;
    }
    const source: Source = { url, title: sourceTitle.trim(), quote: '', publisher: '' };
    void save({ sources: [...sources, source] }).then(() => {
      setSourceUrl('');
      setSourceTitle('');
    });
  };
  const labelId = `claim-${claim.id}`;
  return (
    <li class="claim" data-claim-id={claim.id} data-verdict={verdict} aria-labelledby={labelId}>
      <p id={labelId} class="claim-text" onClick={() => onReveal(claim)}>
        {claim.text}
      </p>
      <div class="claim-meta">
        {claim.score !== null && <span class="chip">{t('scoreLabel', String(Math.round(claim.score * 100)))}</span>}
        {claim.reasons.map((reason) => (
          <span class="chip" key={reason}>{reasonLabel(reason)}</span>
        ))}
        {!claim.anchored && <span class="chip error">{t('orphanLabel')}</span>}
      </div>
      <div class="row">
        <select
          aria-label={t('verdictLabel')}
          value={verdict}
          onChange={(event) => {
            const value = event.currentTarget.value;
            void save({ verdict: isVerdictId(value) ? value : null });
          }}
        >
          <option value="unreviewed">{t('unreviewed')}</option>
          {VERDICT_OPTIONS.map((id) => (
            <option value={id} key={id}>{verdictLabel(id)}</option>
          ))}
        </select>
        {claim.anchored && <button type="button" onClick={() => onReveal(claim)}>{t('showOnPage')}</button>}
      </div>
      <textarea
        aria-label={t('noteLabel')}
        placeholder={t('notePlaceholder')}
        value={note}
        onInput={(event) => setNote(event.currentTarget.value)}
        onBlur={() => {
          if (note !== (annotation?.note ?? '')) void save({ note });
        }}
      />
      {sources.length > 0 && (
        <ul class="sources" aria-label={t('sourcesHeading')}>
          {sources.map((source, i) => (
            <li key={`${source.url}-${i}`}>
              <a href={source.url} target="_blank" rel="noopener noreferrer">{source.title || source.url}</a>
              <button type="button" aria-label={t('removeSource')} onClick={() => void save({ sources: sources.filter((_, j) => j !== i) })}>×</button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="row"
        onSubmit={(event) => {
          event.preventDefault();
          addSource();
        }}
      >
        <input type="url" aria-label={t('sourceUrlLabel')} placeholder="https://" value={sourceUrl} onInput={(event) => setSourceUrl(event.currentTarget.value)} />
        <input type="text" aria-label={t('sourceTitleLabel')} placeholder={t('sourceTitleLabel')} value={sourceTitle} onInput={(event) => setSourceTitle(event.currentTarget.value)} />
        <button type="submit">{t('addSource')}</button>
      </form>
      <div class="status error" role="status">{problem}</div>
    </li>
  );
}
