// What bench/scale.mjs needs from the core, bundled for Node: the synthetic library, plus the
// sample page's own annotations built with the same write path.
import type { PageRecord } from '../src/core/model/annotation';
import type { PageState } from '../src/core/model/page-state';
import { applyEdit } from '../src/core/model/records';
import { META_KEY, SCHEMA_VERSION } from '../src/core/model/schema';
import { pageChanges, SHARD_KEYS } from '../src/core/model/summaries';
import { VERDICT_IDS, type VerdictId } from '../src/core/model/verdicts';
import { seedChunks, seedPage } from './seed-library';

export { seedChunks };

/** The page's first `count` claims annotated (a verdict each, a note, a source), as saved from the popup. */
export function annotatedRecord(state: PageState, count: number, now: string): PageRecord {
  let record: PageRecord | null = null;
  const page = { key: state.key, url: state.url, title: state.title };
  state.claims.slice(0, count).forEach((claim, i) => {
    const verdict = VERDICT_IDS.filter((id) => id !== 'not-a-claim')[i % (VERDICT_IDS.length - 1)] as VerdictId;
    const edit = { verdict, note: `Checked (${i}).`, sources: [{ url: `https://sources.example/${i}`, title: `Source ${i}`, quote: '', publisher: '' }], tags: [] };
    record = applyEdit(record, { page, id: claim.id, origin: 'detected', selector: claim.selector, edit, now });
  });
  if (!record) throw new Error('the sample page has no claims to annotate');
  return record;
}

/** Storage items holding `record` plus `otherPages` synthetic pages of `perPage` annotations each. */
export function libraryWith(record: PageRecord, otherPages: number, perPage: number): Record<string, unknown> {
  const records = [record];
  for (let index = 0; index < otherPages; index++) records.push(seedPage(index, perPage));
  const { set } = pageChanges({}, records);
  const empty = Object.fromEntries(SHARD_KEYS.map((key) => [key, {}]));
  return { ...empty, ...set, [META_KEY]: { schemaVersion: SCHEMA_VERSION } };
}
