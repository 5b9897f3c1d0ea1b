import type { ClaimStrength } from '../claims/rank';
import type { ReasonId } from '../claims/score';
import type { KnownMatch } from '../known/known-matches';
import type { Annotation } from './annotation';
import type { PassageSelector } from './selectors';

/** One claim of the page as the popup shows it: detected, stored, or both. */
export interface ClaimView {
  id: string;
  text: string;
  score: number | null;
  reasons: ReasonId[];
  selector: PassageSelector;
  anchored: boolean;
  annotation: Annotation | null;
  /** Highlight strength (src/core/claims/rank.ts); absent until the page's claims are ranked. */
  strength?: ClaimStrength;
  /** True when the claim is a sentence of a caption of the story's own picture. */
  caption?: boolean;
  /** Fact-checks of the same claim (best first), when it was already checked. */
  known?: KnownMatch[];
}

/** The fact-checks (ClaimReview) read on the page, for the popup. */
export interface FactCheckReport {
  /** Reviews read and stored. */
  read: number;
  /** Why reviews, or parts of them, were skipped. */
  skipped: string[];
  /** False when collecting is switched off in the settings (nothing was read). */
  collecting: boolean;
}

/** Why automatic claim finding found nothing on a page it could read: another language, or no article. */
export type PageNotice = { kind: 'language'; language: string } | { kind: 'not-article'; reason: 'front' | 'search' | 'video' };

/** What the content script knows of its page. */
export interface PageState {
  key: string;
  url: string;
  title: string;
  status: 'ready' | 'no-article' | 'disabled';
  claims: ClaimView[];
  /** Present on pages that publish ClaimReview. */
  factChecks?: FactCheckReport;
  /** Set when the page gets no automatic highlights, and why (claims added by hand still work). */
  notice?: PageNotice;
}
