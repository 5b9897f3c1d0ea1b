import type { ClaimStrength } from '../claims/rank';
import type { ReasonId } from '../claims/score';
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
}

/** What the content script knows of its page. */
export interface PageState {
  key: string;
  url: string;
  title: string;
  status: 'ready' | 'no-article' | 'disabled';
  claims: ClaimView[];
}
