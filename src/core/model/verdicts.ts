/** The verdicts a reviewer can give a claim, in the order the UI lists them. */
export const VERDICT_IDS = [
  'true',
  'mostly-true',
  'mixed',
  'mostly-false',
  'false',
  'misleading',
  'unverifiable',
  'not-a-claim',
] as const;

/** One of the verdict ids; `unreviewed` is not a verdict but the absence of one. */
export type VerdictId = (typeof VERDICT_IDS)[number];

/** Highlight state of a claim: its verdict, or `unreviewed`. */
export type HighlightState = VerdictId | 'unreviewed';

/** True when `value` is one of the verdict ids. */
export function isVerdictId(value: unknown): value is VerdictId {
  return typeof value === 'string' && (VERDICT_IDS as readonly string[]).includes(value);
}

/** Message-catalogue keys of each verdict's label (see extension/_locales). */
export const VERDICT_LABEL_KEYS: Record<VerdictId, string> = {
  true: 'verdictTrue',
  'mostly-true': 'verdictMostlyTrue',
  mixed: 'verdictMixed',
  'mostly-false': 'verdictMostlyFalse',
  false: 'verdictFalse',
  misleading: 'verdictMisleading',
  unverifiable: 'verdictUnverifiable',
  'not-a-claim': 'verdictNotAClaim',
};
