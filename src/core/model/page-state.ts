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
  /** Set when the page gets no automatic highlights, and why (claims added by hand still work). */
  notice?: PageNotice;
}
