import { useState } from 'preact/hooks';
import type { AnnotationEdit } from '../core/model/annotation';
import type { ClaimView } from '../core/model/page-state';
import { isVerdictId, VERDICT_IDS, type VerdictId } from '../core/model/verdicts';
import { t } from '../platform/browser';
import { ClaimDetails } from './ClaimDetails';
import { KnownMatches } from './KnownMatches';
import { ConflictView } from './Conflict';
import { reasonLabel, verdictLabel } from '../ui/labels';

/** Props of one claim in the popup list. */
export interface ClaimCardProps {
  claim: ClaimView;
  /** Rank by check-worthiness on the page (1 = most), and how many claims are ranked; none for the reader's own. */
  rank?: number | undefined;
  rankOf?: number;
  onSave(claim: ClaimView, edit: AnnotationEdit): Promise<void>;
  onReveal(claim: ClaimView): void;
  onReattach(claim: ClaimView): Promise<void>;
  onDelete(claim: ClaimView): Promise<void>;
  /** Team sync: how many versions the annotation has (absent or 1: no conflict), and its page. */
  conflict?: { versions: number; pageKey: string; onResolved(): void };
}

/** The verdict a digit key chooses on a focused claim: 1–8 in display order, 0 clears. */
export function verdictForKey(key: string): VerdictId | null | undefined {
  if (key === '0') return null;
  const n = Number(key);
  return Number.isInteger(n) && n >= 1 && n <= VERDICT_IDS.length ? VERDICT_IDS[n - 1] : undefined;
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString();
}

/** One claim: its text, score and reasons, verdict, and (expanded) note, sources and tags. */
export function ClaimCard({ claim, rank, rankOf = 0, onSave, onReveal, onReattach, onDelete, conflict }: ClaimCardProps) {
  const annotation = claim.annotation;
  const [expanded, setExpanded] = useState(false);
  const [showVersions, setShowVersions] = useState(false);
  const versions = conflict && conflict.versions > 1 ? conflict.versions : 0;
  const [problem, setProblem] = useState('');
  const verdict = annotation?.verdict ?? 'unreviewed';
  const save = (edit: AnnotationEdit) =>
    onSave(claim, edit).then(
      () => {
        setProblem('');
        return true;
      },
      (error: unknown) => {
        setProblem(t('saveFailed', error instanceof Error ? error.message : String(error)));
        return false;
      },
    );
  const detailsId = `details-${claim.id}`;
  return (
    <li
      class="claim"
      data-claim-id={claim.id}
      data-verdict={verdict}
      data-known={claim.known?.length ? (claim.known[0]?.verdict ?? 'unrated') : undefined}
      onKeyDown={(event) => {
        if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
        const chosen = verdictForKey(event.key);
        if (chosen !== undefined) {
          event.preventDefault();
          void save({ verdict: chosen });
        }
      }}
    >
      <button type="button" class="claim-text" title={t('showOnPage')} onClick={() => onReveal(claim)}>
        {claim.text}
      </button>
      <div class="claim-meta">
        {rank !== undefined && (
          <span class="chip rank" title={t('rankHint', [String(rank), String(rankOf)])}>
            {t('rankLabel', String(rank))}
          </span>
        )}
        {claim.strength === 'strong' && <span class="chip strong">{t('strongLabel')}</span>}
        {claim.score !== null && <span class="chip">{t('scoreLabel', String(Math.round(claim.score * 100)))}</span>}
        {claim.reasons.map((reason) => (
          <span class="chip" key={reason}>{reasonLabel(reason)}</span>
        ))}
        {claim.caption && <span class="chip caption-chip" title={t('captionHint')}>{t('captionLabel')}</span>}
        {annotation?.origin === 'user' && <span class="chip">{t('addedByMe')}</span>}
        {!claim.anchored && <span class="chip error">{t('orphanLabel')}</span>}
        {versions > 0 && (
          <button type="button" class="chip conflict-chip" aria-expanded={showVersions} data-factmark-versions={versions} onClick={() => setShowVersions(!showVersions)}>
            {t('conflictVersions', String(versions))}
          </button>
        )}
      </div>
      {versions > 0 && showVersions && conflict && (
        <ConflictView
          pageKey={conflict.pageKey}
          annotationId={claim.id}
          onResolved={() => {
            setShowVersions(false);
            conflict.onResolved();
          }}
        />
      )}
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
          {VERDICT_IDS.map((id, i) => (
            <option value={id} key={id}>{`${verdictLabel(id)} (${i + 1})`}</option>
          ))}
        </select>
        <button type="button" aria-expanded={expanded} aria-controls={detailsId} onClick={() => setExpanded(!expanded)}>
          {t(expanded ? 'hideDetails' : 'showDetails')}
          {annotation && (annotation.sources.length > 0 || annotation.note) ? ` (${annotation.sources.length + (annotation.note ? 1 : 0)})` : ''}
        </button>
      </div>
      <KnownMatches claim={claim} save={save} />
      {!claim.anchored && annotation && (
        <div class="row orphan-actions">
          <button type="button" title={t('reattachHint')} onClick={() => void onReattach(claim).catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)))}>
            {t('reattach')}
          </button>
          <button type="button" onClick={() => void onDelete(claim).catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)))}>
            {t('deleteAnnotation')}
          </button>
        </div>
      )}
      {annotation && (
        <div class="times muted">
          {t('createdAt', formatTime(annotation.createdAt))} · {t('updatedAt', formatTime(annotation.updatedAt))}
        </div>
      )}
      {expanded && (
        <div id={detailsId}>
          <ClaimDetails annotation={annotation} save={save} onProblem={setProblem} />
        </div>
      )}
      <div class="status error" role="status">{problem}</div>
    </li>
  );
}
