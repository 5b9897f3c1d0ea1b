/**
 * Fact-checkers' published ratings mapped to Factmark's verdict scale. The text is always kept
 * as published; the mapped verdict is for colours, filters and adopting. Only the labels in the
 * table (common English ratings) map; anything else maps to no verdict, never to a guess. The
 * README documents the table. PolitiFact's Flip-O-Meter (full flop, half flip, no flip) rates
 * consistency, not truth, and maps to nothing.
 */
import type { VerdictId } from '../model/verdicts';

/** Published rating → verdict, keyed by the normalised label (lower case, letters and digits only, single spaces). */
export const RATING_TABLE: ReadonlyArray<readonly [VerdictId, readonly string[]]> = [
  ['true', ['true', 'correct', 'accurate', 'fact', 'verified', 'geppetto checkmark', 'correct attribution']],
  ['mostly-true', ['mostly true', 'mostly correct', 'mostly accurate', 'largely accurate', 'largely true', 'one pinocchio']],
  ['mixed', ['half true', 'mixed', 'mixture', 'partly true', 'partly false', 'partially true', 'partially false', 'half right', 'two pinocchios']],
  ['mostly-false', ['mostly false', 'barely true', 'largely false', 'mostly inaccurate', 'three pinocchios', 'mostly fiction']],
  ['false', ['false', 'pants on fire', 'pants fire', 'four pinocchios', 'incorrect', 'inaccurate', 'fake', 'wrong', 'fiction', 'hoax', 'scam', 'baseless', 'no evidence', 'incorrect attribution', 'misattributed', 'fabricated', 'altered', 'altered photo', 'altered video', 'doctored']],
  ['misleading', ['misleading', 'missing context', 'lacks context', 'needs context', 'cherry picks', 'exaggerated', 'exaggeration', 'distorts the facts', 'spins the facts', 'out of context', 'miscaptioned', 'partly misleading', 'upside down pinocchio']],
  ['unverifiable', ['unproven', 'unsupported', 'unverified', 'unverifiable', 'not proven', 'research in progress', 'unclear']],
];

const LOOKUP = new Map<string, VerdictId>(RATING_TABLE.flatMap(([verdict, labels]) => labels.map((label) => [normaliseRating(label), verdict] as const)));

/** A rating label in the table's key form: lower case, hyphens and punctuation as spaces, "!" kept out. */
export function normaliseRating(label: string): string {
  return label
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The verdict a published rating maps to, or null when the label is not in the table. */
export function verdictForRating(label: string): VerdictId | null {
  return LOOKUP.get(normaliseRating(label)) ?? null;
}
