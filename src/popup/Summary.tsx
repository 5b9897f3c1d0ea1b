import { CLAIM_FILTERS, filterCounts, verdictSummary, type ClaimFilter } from '../core/model/claim-filters';
import type { ClaimView } from '../core/model/page-state';
import { t } from '../platform/browser';
import { verdictLabel } from '../ui/labels';

const FILTER_LABEL_KEYS: Record<ClaimFilter, string> = {
  all: 'filterAll',
  top: 'filterTop',
  unreviewed: 'filterUnreviewed',
  reviewed: 'filterReviewed',
  mine: 'filterMine',
  orphans: 'filterOrphans',
};

/** Counts by verdict and the filter buttons above the claim list. */
export function Summary({ claims, filter, onFilter }: { claims: readonly ClaimView[]; filter: ClaimFilter; onFilter(filter: ClaimFilter): void }) {
  const counts = filterCounts(claims);
  return (
    <div class="summary">
      <p class="verdict-summary" aria-label={t('summaryLabel')}>
        {verdictSummary(claims).map(([state, count]) => (
          <span class="badge" data-verdict={state} key={state}>
            {state === 'unreviewed' ? t('unreviewed') : verdictLabel(state)}: {count}
          </span>
        ))}
      </p>
      <div class="filters" role="group" aria-label={t('filtersLabel')}>
        {CLAIM_FILTERS.map((id) => (
          <button type="button" key={id} aria-pressed={filter === id} title={id === 'top' ? t('filterTopHint') : undefined} onClick={() => onFilter(id)}>
            {t(FILTER_LABEL_KEYS[id])} ({counts[id]})
          </button>
        ))}
      </div>
    </div>
  );
}
