import { useState } from 'preact/hooks';
import { adoptEdit, knownHeadline } from '../core/known/adopt';
import type { KnownMatch } from '../core/known/known-matches';
import type { AnnotationEdit } from '../core/model/annotation';
import type { ClaimView, FactCheckReport } from '../core/model/page-state';
import { t } from '../platform/browser';

/** A claim's known fact-checks (best first): headline with link, the fact-check's claim, similarity, and the adopt button. */
export function KnownMatches({ claim, save }: { claim: ClaimView; save(edit: AnnotationEdit): Promise<boolean> }) {
  const [adopted, setAdopted] = useState<string | null>(null);
  if (!claim.known?.length) return null;
  return (
    <ul class="known-matches">
      {claim.known.map((match: KnownMatch) => (
        <li key={match.id} class="known-match" data-known-verdict={match.verdict ?? 'unrated'}>
          <p class="known-title">
            <strong>{t('knownAlready')}</strong>{' '}
            <a href={match.url} target="_blank" rel="noopener noreferrer">
              {knownHeadline(match)}
            </a>
            {match.own && <span class="muted"> ({t('knownYourVerdict')})</span>}
          </p>
          <blockquote aria-label={t('knownClaimLabel')}>{match.claim}</blockquote>
          <div class="row">
            <span class="chip">{t('knownSimilarity', String(Math.round(match.score * 100)))}</span>
            <button
              type="button"
              disabled={adopted === match.id}
              onClick={() => void save(adoptEdit(claim.annotation, match)).then((ok) => ok && setAdopted(match.id))}
            >
              {adopted === match.id ? t('knownAdopted') : match.verdict ? t('knownAdopt') : t('knownAdoptSource')}
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}

/** What the page's ClaimReview gave: how many reviews were read, and what was skipped. */
export function FactCheckNote({ report }: { report: FactCheckReport | undefined }) {
  if (!report) return null;
  if (!report.collecting) return <p class="state fact-checks muted">{t('factChecksOff')}</p>;
  return (
    <div class="state fact-checks" role="status">
      <p>{t('factChecksRead', String(report.read))}</p>
      {report.skipped.length > 0 && (
        <details>
          <summary>{t('factChecksSkipped', String(report.skipped.length))}</summary>
          <ul>
            {report.skipped.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
