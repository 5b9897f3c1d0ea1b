/** Why a sentence looks check-worthy; each id has a human-readable label in the UI. */
export type ReasonId =
  | 'quantity'
  | 'date'
  | 'attribution'
  | 'comparison'
  | 'causal'
  | 'actor'
  | 'official'
  | 'history';

/**
 * Reason ids in priority order: when one feature (e.g. the bigram "ENT said") touches several
 * cues, its weight is credited to the earliest, most specific one.
 */
export const REASON_IDS: readonly ReasonId[] = [
  'quantity',
  'date',
  'attribution',
  'official',
  'comparison',
  'causal',
  'actor',
  'history',
];

/** Index of a reason in REASON_IDS; NO_REASON marks features that explain nothing. */
export const R = {
  quantity: 0,
  date: 1,
  attribution: 2,
  official: 3,
  comparison: 4,
  causal: 5,
  actor: 6,
  history: 7,
} as const satisfies Record<ReasonId, number>;

/** Marks a feature that is not credited to any reason (function words, shapes, length). */
export const NO_REASON = 255;
