/**
 * W3C Web Annotation (JSON-LD) export: one AnnotationCollection whose first AnnotationPage
 * holds one Annotation per claim. Standard terms carry everything other tools understand;
 * Factmark-only facts (annotation id, origin, page key, page title, verdict id) go under the
 * `factmark:` prefix so a Factmark import of the file loses nothing.
 */

import type { Annotation, PageRecord, Source } from '../model/annotation';
import { scriptSafeJson } from './script-safe-json';
import { claimsOf, VERDICT_LABELS, type Creator, type ExportOptions } from './library';
import { annotationUrn, FACTMARK_NAMESPACE, uuidV5 } from './uuid';

/** The IRI the `factmark:` prefix stands for. */
export const FACTMARK_VOCAB = 'https://factmark.dev/ns#';

/** The export's JSON-LD context: the Web Annotation context, then the Factmark prefix. */
export const W3C_CONTEXT = ['http://www.w3.org/ns/anno.jsonld', { factmark: FACTMARK_VOCAB }] as const;

/** A Person or Organization credited as creator. */
export interface W3cAgent {
  type: 'Person' | 'Organization';
  name: string;
}

/** A TextualBody: verdict (assessing), note (commenting) or tag (tagging). */
export interface W3cTextualBody {
  type: 'TextualBody';
  purpose: 'assessing' | 'commenting' | 'tagging';
  value: string;
  format?: string;
  language?: string;
  /** The verdict id, on the assessing body only. */
  'factmark:verdict'?: string;
}

/**
 * A source as a linking SpecificResource: the source page (`source.id`) with its title and
 * publisher as Dublin Core terms (predefined by the Web Annotation context), and the quoted
 * passage as a TextQuoteSelector into that page, which is what a quoted passage is.
 */
export interface W3cLinkBody {
  type: 'SpecificResource';
  purpose: 'linking';
  source: { id: string; 'dcterms:title'?: string; 'dcterms:publisher'?: string };
  selector?: { type: 'TextQuoteSelector'; exact: string };
}

/** Any body of an exported annotation. */
export type W3cBody = W3cTextualBody | W3cLinkBody;

/** The selectors of the claim in the page. */
export type W3cSelector = { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string } | { type: 'TextPositionSelector'; start: number; end: number };

/** One exported claim. */
export interface W3cAnnotation {
  id: string;
  type: 'Annotation';
  created?: string;
  modified?: string;
  creator?: W3cAgent | W3cAgent[];
  motivation: 'assessing' | 'commenting' | 'highlighting';
  body?: W3cBody[];
  target: { source: string; selector: W3cSelector[] };
  'factmark:id': string;
  'factmark:origin': string;
  'factmark:pageKey': string;
  'factmark:pageTitle': string;
}

/** The whole export. */
export interface W3cCollection {
  '@context': typeof W3C_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generator: { id: string; type: 'Software'; name: string };
  generated: string;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: W3cAnnotation[] };
}

/** The creator value for the options' attribution: a Person, an Organization, both, or none. */
function creatorOf(creator: Creator): W3cAgent | W3cAgent[] | undefined {
  const agents: W3cAgent[] = [];
  if (creator.name.trim()) agents.push({ type: 'Person', name: creator.name.trim() });
  if (creator.organisation.trim()) agents.push({ type: 'Organization', name: creator.organisation.trim() });
  return agents.length > 1 ? agents : agents[0];
}

function linkBody(source: Source): W3cLinkBody {
  const body: W3cLinkBody = { type: 'SpecificResource', purpose: 'linking', source: { id: source.url } };
  if (source.title) body.source['dcterms:title'] = source.title;
  if (source.publisher) body.source['dcterms:publisher'] = source.publisher;
  if (source.quote) body.selector = { type: 'TextQuoteSelector', exact: source.quote };
  return body;
}

/** The bodies of one claim, in a fixed order: verdict, note, tags, sources. */
export function bodiesOf(annotation: Annotation): W3cBody[] {
  const bodies: W3cBody[] = [];
  if (annotation.verdict) {
    bodies.push({ type: 'TextualBody', purpose: 'assessing', value: VERDICT_LABELS[annotation.verdict], language: 'en', 'factmark:verdict': annotation.verdict });
  }
  // Notes are written in the small Markdown subset core/text/markdown.ts renders.
  if (annotation.note) bodies.push({ type: 'TextualBody', purpose: 'commenting', value: annotation.note, format: 'text/markdown' });
  for (const tag of annotation.tags) bodies.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  for (const source of annotation.sources) bodies.push(linkBody(source));
  return bodies;
}

/** The motivation: assessing with a verdict, else commenting with a note, else highlighting. */
function motivationOf(annotation: Annotation): W3cAnnotation['motivation'] {
  if (annotation.verdict) return 'assessing';
  return annotation.note ? 'commenting' : 'highlighting';
}

/** One claim as a Web Annotation. */
export function toW3cAnnotation(page: PageRecord, annotation: Annotation, creator: Creator): W3cAnnotation {
  const { quote, position } = annotation.selector;
  const selector: W3cSelector[] = [{ type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix }];
  // An empty span is how imports without a TextPositionSelector are stored: nothing to export.
  if (position.end > position.start) selector.push({ type: 'TextPositionSelector', start: position.start, end: position.end });
  const bodies = bodiesOf(annotation);
  const agent = creatorOf(creator);
  return {
    id: annotationUrn(page.key, annotation.id),
    type: 'Annotation',
    ...(annotation.createdAt ? { created: annotation.createdAt } : {}),
    ...(annotation.updatedAt ? { modified: annotation.updatedAt } : {}),
    ...(agent ? { creator: agent } : {}),
    motivation: motivationOf(annotation),
    ...(bodies.length > 0 ? { body: bodies } : {}),
    target: { source: page.url, selector },
    'factmark:id': annotation.id,
    'factmark:origin': annotation.origin,
    'factmark:pageKey': page.key,
    'factmark:pageTitle': page.title,
  };
}

/** The library as one AnnotationCollection; ids depend only on the content and `now`, never on chance. */
export function toW3c(library: readonly PageRecord[], options: ExportOptions): W3cCollection {
  const items = claimsOf(library).map(({ page, annotation }) => toW3cAnnotation(page, annotation, options.creator));
  const collectionUuid = uuidV5(FACTMARK_NAMESPACE, `collection\n${options.now}\n${items.map((item) => item.id).join('\n')}`);
  return {
    '@context': W3C_CONTEXT,
    id: `urn:uuid:${collectionUuid}`,
    type: 'AnnotationCollection',
    label: 'Factmark export',
    total: items.length,
    generator: { id: 'https://factmark.dev/', type: 'Software', name: 'Factmark' },
    generated: options.now,
    first: { id: `urn:uuid:${uuidV5(FACTMARK_NAMESPACE, `page\n${collectionUuid}`)}`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

/** The W3C export as a JSON-LD file's text, safe to paste into a script block. */
export function exportW3c(library: readonly PageRecord[], options: ExportOptions): string {
  return `${scriptSafeJson(toW3c(library, options), 2)}\n`;
}
