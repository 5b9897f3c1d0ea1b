import type { PassageSelector } from './selectors';
import type { VerdictId } from './verdicts';

/** A source a reviewer attached to a claim. Only http(s) URLs are accepted. */
export interface Source {
  url: string;
  title: string;
  quote: string;
  publisher: string;
}

/** Where an annotation's claim came from: the detector, or the reader's own selection. */
export type AnnotationOrigin = 'detected' | 'user';

/** A reviewer's work on one claim of one page, as stored. */
export interface Annotation {
  id: string;
  origin: AnnotationOrigin;
  selector: PassageSelector;
  verdict: VerdictId | null;
  note: string;
  sources: Source[];
  tags: string[];
  createdAt: string;
  updatedAt: string;
}

/** Everything stored about one page, keyed by its canonical key. */
export interface PageRecord {
  key: string;
  url: string;
  title: string;
  annotations: Record<string, Annotation>;
  updatedAt: string;
}

/** The editable fields of an annotation, as sent by the popup. */
export type AnnotationEdit = Partial<Pick<Annotation, 'verdict' | 'note' | 'sources' | 'tags' | 'selector'>>;
