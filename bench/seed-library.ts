// Storage items for a synthetic library at scale, in the format the current build stores:
// page records, library summary shards and the meta record. Built with the same core
// functions the background writes with (applyEdit, pageChanges), so it follows the format
// when that changes. Deterministic: the same options give the same items.
//
// Bundle it for an extension page (esbuild --bundle --format=iife --global-name=factmarkSeed)
// and write the items with chrome.storage.local.set, a few thousand keys per call
// (seedChunks), before the extension's worker first touches storage.
import type { PageRecord } from '../src/core/model/annotation';
import { applyEdit } from '../src/core/model/records';
import { META_KEY, SCHEMA_VERSION } from '../src/core/model/schema';
import { selectorFor } from '../src/core/model/selectors';
import { pageChanges, SHARD_KEYS } from '../src/core/model/summaries';
import { VERDICT_IDS, type VerdictId } from '../src/core/model/verdicts';
import { random } from '../tests/support/random';

/** What to build. */
export interface SeedOptions {
  /** Number of annotated pages. */
  pages: number;
  /** Annotations on each page. */
  annotationsPerPage: number;
  /** Update time of the oldest page; each later page is one minute newer. */
  start?: string;
}

const SITES = ['news.example', 'gazette.example', 'daily.example.co.uk', 'blog.example', 'tribune.example', 'noticias.example'];
const TOPICS = ['minister', 'election', 'budget', 'troops', 'vaccine', 'climate', 'border', 'inflation', 'unemployment', 'housing', 'según', 'déficit', 'millones', 'Zürich', 'São Paulo'];
const VERBS = ['rose by', 'fell by', 'doubled to', 'reached', 'stayed at', 'was cut to'];
const PUBLISHERS = ['Reuters', 'Agence Example', 'Office for Statistics', 'Fact Desk', 'Instituto Nacional'];

function pick<T>(items: readonly T[], next: () => number): T {
  return items[Math.floor(next() * items.length)] as T;
}

/** One synthetic page record, built edit by edit as the popup would. */
export function seedPage(index: number, annotationsPerPage: number, start = '2025-01-01T00:00:00.000Z'): PageRecord {
  const next = random(index + 1);
  const site = SITES[index % SITES.length] as string;
  const url = `https://${site}/${2020 + (index % 6)}/story-${index}`;
  const page = { key: url, url, title: `Story ${index}: ${pick(TOPICS, next)} ${pick(VERBS, next)} ${Math.floor(next() * 100)} percent` };
  const base = Date.parse(start) + index * 60_000;
  let body = '';
  const claims: Array<{ start: number; end: number }> = [];
  for (let a = 0; a < annotationsPerPage; a++) {
    const claim = `The ${pick(TOPICS, next)} figure ${pick(VERBS, next)} ${Math.floor(next() * 1000) / 10} percent in ${2000 + Math.floor(next() * 26)}, ${pick(TOPICS, next)} officials said (claim ${index}-${a}).`;
    claims.push({ start: body.length, end: body.length + claim.length });
    body += `${claim} Context sentence ${a} about the ${pick(TOPICS, next)} debate. `;
  }
  let record: PageRecord | null = null;
  for (const [a, { start: from, end }] of claims.entries()) {
    const now = new Date(base - (annotationsPerPage - a) * 1000).toISOString();
    const verdict: VerdictId | null = a % 5 === 4 ? null : (VERDICT_IDS[Math.floor(next() * VERDICT_IDS.length)] as VerdictId);
    const edit = {
      verdict,
      note: a % 3 === 0 ? `Checked against the ${pick(TOPICS, next)} report of ${pick(PUBLISHERS, next)}.` : '',
      sources: a % 2 === 0 ? [{ url: `https://sources.example/${index}/${a}`, title: `Report ${index}-${a}`, quote: `${pick(TOPICS, next)} data`, publisher: pick(PUBLISHERS, next) }] : [],
      tags: a % 4 === 0 ? [pick(TOPICS, next).toLowerCase(), `desk-${index % 20}`] : [],
    };
    record = applyEdit(record, { page, id: `p${index}a${a}`, origin: a % 7 === 6 ? 'user' : 'detected', selector: selectorFor(body, from, end), edit, now });
  }
  return record ?? { ...page, annotations: {}, updatedAt: new Date(base).toISOString() };
}

/** Every storage item of a synthetic library: page records, all summary shards, and meta. */
export function seedLibraryItems(options: SeedOptions): Record<string, unknown> {
  const records: PageRecord[] = [];
  for (let index = 0; index < options.pages; index++) records.push(seedPage(index, options.annotationsPerPage, options.start));
  // The write path's own function, from empty storage: records plus the shards they land in.
  const { set } = pageChanges({}, records);
  const empty = Object.fromEntries(SHARD_KEYS.map((key) => [key, {}]));
  return { ...empty, ...set, [META_KEY]: { schemaVersion: SCHEMA_VERSION } };
}

/** The items split into objects of at most `size` keys, for one storage.local.set each (meta last). */
export function seedChunks(items: Record<string, unknown>, size = 2_000): Array<Record<string, unknown>> {
  const entries = Object.entries(items).filter(([key]) => key !== META_KEY);
  const chunks: Array<Record<string, unknown>> = [];
  for (let start = 0; start < entries.length; start += size) chunks.push(Object.fromEntries(entries.slice(start, start + size)));
  chunks.push({ [META_KEY]: items[META_KEY] });
  return chunks;
}
