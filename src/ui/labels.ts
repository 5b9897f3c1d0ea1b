import type { ReasonId } from '../core/claims/score';
import { VERDICT_LABEL_KEYS, type VerdictId } from '../core/model/verdicts';
import { t } from '../platform/browser';

/** The localised label of a verdict. */
export function verdictLabel(verdict: VerdictId): string {
  return t(VERDICT_LABEL_KEYS[verdict]);
}

/** The localised label of a check-worthiness reason; unknown reasons show their id. */
export function reasonLabel(reason: ReasonId): string {
  return t(`reason_${reason}`);
}
