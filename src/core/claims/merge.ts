import { anchorSelector } from '../anchoring/anchor';
import type { Annotation, PageRecord } from '../model/annotation';
import type { ClaimView } from '../model/page-state';
import type { ScoredSentence } from './detect';

/** The caption mark a claim view carries when its sentence comes from a picture's caption (absent otherwise). */
function captionFlag(sentence: Pick<ScoredSentence, 'caption'>): { caption?: true } {
  return sentence.caption ? { caption: true } : {};
}

/** The claim view of a sentence the detector found, with the reader's annotation of it (null while unreviewed). */
export function detectedClaimView(sentence: ScoredSentence, annotation: Annotation | null): ClaimView {
  return { id: sentence.id, text: sentence.text, score: sentence.score, reasons: sentence.reasons, selector: sentence.selector, anchored: true, annotation, ...captionFlag(sentence) };
}

/**
 * Joins the page's scored sentences with its stored annotations into the claim list: detected
 * claims over the threshold, plus every annotation (anchored by id when the detector found the
 * same sentence, else by its selectors; unanchored ones are orphans, listed last).
 */
export function mergeClaims(text: string, sentences: ScoredSentence[], threshold: number, record: PageRecord | null): ClaimView[] {
  const byId = new Map(sentences.map((sentence) => [sentence.id, sentence]));
  const views: ClaimView[] = [];
  const used = new Set<string>();
  for (const annotation of Object.values(record?.annotations ?? {})) {
    const sentence = byId.get(annotation.id);
    used.add(annotation.id);
    if (sentence) {
      // Found by id, so the sentence's id is the annotation's.
      views.push(detectedClaimView(sentence, annotation));
      continue;
    }
    const anchor = anchorSelector(text, annotation.selector);
    const selector = anchor
      ? { quote: annotation.selector.quote, position: { start: anchor.start, end: anchor.end } }
      : annotation.selector;
    views.push({ id: annotation.id, text: anchor ? text.slice(anchor.start, anchor.end) : annotation.selector.quote.exact, score: null, reasons: [], selector, anchored: anchor !== null, annotation });
  }
  // The reader's own passages win over unreviewed detected sentences they overlap.
  const taken = views.filter((view) => view.anchored).map((view) => view.selector.position);
  const overlapsTaken = (start: number, end: number) => taken.some((range) => start < range.end && range.start < end);
  for (const sentence of sentences) {
    if (used.has(sentence.id) || sentence.score < threshold || overlapsTaken(sentence.start, sentence.end)) continue;
    views.push(detectedClaimView(sentence, null));
  }
  return views.sort((a, b) => Number(b.anchored) - Number(a.anchored) || a.selector.position.start - b.selector.position.start);
}
