import { scoreSentence, type ReasonId } from '../claims/score';

/** Scores one sentence for check-worthiness, with the reasons behind the score. */
export type SentenceScorer = (text: string) => { score: number; reasons: ReasonId[] };

/**
 * The claim models by language (BCP 47 primary subtag). Only English has one today; a model for
 * another language is added here and that language's pages are scanned automatically.
 */
const CLAIM_MODELS: Readonly<Record<string, SentenceScorer>> = { en: scoreSentence };

/** The languages automatic claim finding covers. */
export const CLAIM_LANGUAGES: readonly string[] = Object.keys(CLAIM_MODELS);

/** The claim model for a language, or null when automatic claim finding does not cover it. */
export function claimModelFor(language: string): SentenceScorer | null {
  return CLAIM_MODELS[language] ?? null;
}
