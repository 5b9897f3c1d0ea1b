/**
 * Reads one W3C Web Annotation: Factmark's own (recognised by `factmark:id`, read losslessly)
 * or another tool's (bodies mapped by purpose onto verdict, note, tags and sources).
 */

import type { AnnotationOrigin } from '../model/annotation';
import { isHttpUrl } from '../model/records';
import { isVerdictId, type VerdictId } from '../model/verdicts';
import type { ItemFields, RawSource } from './import-item';
import { hasType, isObject, many, preview, str, type Loose } from './json-input';
import { verdictFromText, type Creator } from './library';
import { sha1Hex } from './uuid';

/** The annotated target: the first one that quotes a passage. */
function quotedTarget(raw: Loose): { source: unknown; title: unknown; quote: Loose; position: Loose | undefined } | null {
  for (const target of many(raw.target)) {
    // A target given as a bare IRI annotates a whole page: there is no passage to import.
    if (!isObject(target)) continue;
    const selectors = many(target.selector).filter(isObject);
    const quote = selectors.find((s) => hasType(s, 'TextQuoteSelector'));
    if (!quote) continue;
    const source = isObject(target.source) ? target.source.id : target.source;
    const title = isObject(target.source) ? (target.source['dcterms:title'] ?? target.source.title) : undefined;
    return { source, title, quote, position: selectors.find((s) => hasType(s, 'TextPositionSelector')) };
  }
  return null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Plain text of an HTML body value: notes are stored as text, never as markup. */
function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>|<\/p\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+);/gi, (whole, name: string) => {
      const code = name[0] === '#' ? (name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)) : NaN;
      if (Number.isFinite(code)) return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '';
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .trim();
}

/** The title or publisher of a source: a string, or an object with a name. */
function label(value: unknown): unknown {
  return isObject(value) ? value.name : value;
}

/** A linking body (SpecificResource or external resource) as a source. */
function linkSource(body: Loose): RawSource {
  const resource = isObject(body.source) ? body.source : null;
  const url = resource ? resource.id : (body.source ?? body.id);
  const quote = many(body.selector).filter(isObject).find((s) => hasType(s, 'TextQuoteSelector'));
  return {
    url,
    title: label(resource?.['dcterms:title'] ?? resource?.title ?? body['dcterms:title'] ?? body.title ?? body.name),
    publisher: label(resource?.['dcterms:publisher'] ?? body['dcterms:publisher'] ?? body.publisher),
    quote: quote?.exact,
  };
}

/** What the bodies say: verdict, note, tags, sources. */
function readBodies(raw: Loose, warn: (reason: string) => void): Pick<ItemFields, 'verdict' | 'note' | 'tags' | 'sources'> {
  let verdict: VerdictId | null = null;
  const notes: string[] = [];
  const tags: unknown[] = [];
  const sources: RawSource[] = [];
  if (typeof raw.bodyValue === 'string') notes.push(raw.bodyValue);
  for (const body of many(raw.body)) {
    if (typeof body === 'string') {
      // A body given as an IRI: a link when it is a web page, otherwise nothing to keep.
      if (isHttpUrl(body)) sources.push({ url: body });
      else warn(`ignored a body that is not an http(s) link (${preview(body)})`);
      continue;
    }
    if (!isObject(body)) continue;
    const purposes = many(body.purpose);
    const value = typeof body.value === 'string' ? body.value : null;
    if (value === null) {
      if (body.source !== undefined || typeof body.id === 'string') sources.push(linkSource(body));
      continue;
    }
    const named = isVerdictId(body['factmark:verdict']) ? body['factmark:verdict'] : verdictFromText(value);
    if (purposes.includes('tagging')) tags.push(value);
    else if (purposes.includes('assessing') && named && verdict === null) verdict = named;
    else if (purposes.includes('assessing') && named) warn(`kept the first of several verdicts (ignored "${preview(value)}")`);
    // Any other text (commenting, describing, an assessment that names no verdict...) is note text.
    else notes.push(body.format === 'text/html' ? htmlToText(value) : value);
  }
  return { verdict, note: notes.filter((n) => n !== '').join('\n\n'), tags, sources };
}

/** A stable id for a foreign annotation: a hash of its own id, or of what it points at when it has none. */
export function foreignId(prefix: string, ownId: unknown, fallback: unknown[]): string {
  const basis = typeof ownId === 'string' && ownId !== '' ? ownId : JSON.stringify(fallback);
  return `${prefix}-${sha1Hex(basis).slice(0, 20)}`;
}

/** The fields of one W3C annotation, or why it cannot be imported. */
export function w3cFields(raw: Loose, warn: (reason: string) => void): ItemFields | string {
  const target = quotedTarget(raw);
  if (!target) return 'no TextQuoteSelector: only annotations of a quoted passage can be imported';
  const { quote, position } = target;
  const factmark = typeof raw['factmark:id'] === 'string';
  const origin: AnnotationOrigin = factmark && raw['factmark:origin'] !== 'user' ? 'detected' : 'user';
  return {
    id: factmark ? str(raw['factmark:id']) : foreignId('w', raw.id, [target.source, quote.exact, position?.start, position?.end]),
    origin,
    pageUrl: target.source,
    pageKey: factmark ? raw['factmark:pageKey'] : undefined,
    pageTitle: factmark ? raw['factmark:pageTitle'] : label(target.title),
    exact: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
    start: position?.start,
    end: position?.end,
    ...readBodies(raw, warn),
    created: raw.created,
    modified: raw.modified ?? raw.created,
  };
}

/** The reviewer and organisation named by a W3C `creator`, or null when it names neither. */
export function w3cCreator(raw: Loose): Creator | null {
  const creator: Creator = { name: '', organisation: '' };
  for (const agent of many(raw.creator)) {
    if (!isObject(agent) || typeof agent.name !== 'string') continue;
    if (hasType(agent, 'Organization')) creator.organisation ||= agent.name;
    else creator.name ||= agent.name;
  }
  return creator.name || creator.organisation ? creator : null;
}
