/**
 * Merging an import into the library, as a plan the caller shows and then writes. An annotation
 * is matched by page key and annotation id. A local edit made after the incoming version is never
 * overwritten; an identical annotation is skipped; anything else is added or updated.
 */

import type { Annotation, PageRecord } from '../model/annotation';
import type { ImportIssue, ParsedImport } from './w3c-import';

/** An incoming annotation that lost to a newer local edit. */
export interface ImportConflict {
  pageKey: string;
  id: string;
  localUpdatedAt: string;
  incomingUpdatedAt: string;
}

/** What an import will do, and the page records to write for it. */
export interface ImportPlan {
  /** Annotations added (on new or existing pages). */
  new: number;
  /** Local annotations replaced by a newer (or undated local) incoming version. */
  updated: number;
  /** Incoming annotations identical to the local ones. */
  duplicatesSkipped: number;
  /** Incoming annotations not applied because the local copy was edited later ("kept local (newer)"). */
  keptLocalNewer: number;
  conflicts: ImportConflict[];
  /** Annotations of the file that could not be read, with the reason. */
  rejected: ImportIssue[];
  /** Parts of annotations that were dropped while reading. */
  warnings: ImportIssue[];
  /** Every page record that changes, complete, sorted by key: write these and nothing else. */
  records: PageRecord[];
}

/** True when two annotations say the same thing (timestamps aside). */
export function sameContent(a: Annotation, b: Annotation): boolean {
  const { quote: qa, position: pa } = a.selector;
  const { quote: qb, position: pb } = b.selector;
  return (
    a.origin === b.origin &&
    qa.exact === qb.exact &&
    qa.prefix === qb.prefix &&
    qa.suffix === qb.suffix &&
    pa.start === pb.start &&
    pa.end === pb.end &&
    a.verdict === b.verdict &&
    a.note === b.note &&
    a.tags.length === b.tags.length &&
    a.tags.every((tag, i) => tag === b.tags[i]) &&
    a.sources.length === b.sources.length &&
    a.sources.every((s, i) => {
      const t = b.sources[i];
      return t !== undefined && s.url === t.url && s.title === t.title && s.quote === t.quote && s.publisher === t.publisher;
    })
  );
}

/**
 * True when the local copy must be kept: it was edited after the incoming one, or the incoming
 * one has no date to show it is newer. An undated local copy cannot claim to be newer.
 */
function localWins(local: Annotation, incoming: Annotation): boolean {
  const localTime = Date.parse(local.updatedAt);
  const incomingTime = Date.parse(incoming.updatedAt);
  if (!Number.isFinite(localTime)) return false;
  return !Number.isFinite(incomingTime) || localTime > incomingTime;
}

/** Plans an import into `existing`, without changing it; `now` dates new records and undated annotations. */
export function planImport(existing: readonly PageRecord[], incoming: ParsedImport, now: string): ImportPlan {
  const plan: ImportPlan = { new: 0, updated: 0, duplicatesSkipped: 0, keptLocalNewer: 0, conflicts: [], rejected: [...incoming.rejected], warnings: [...incoming.warnings], records: [] };
  const stored = new Map(existing.map((record) => [record.key, record]));
  const changed = new Map<string, PageRecord>();

  /** The record to change for a page: a copy of the stored one, or a new one. */
  const writable = (page: { key: string; url: string; title: string }): PageRecord => {
    let record = changed.get(page.key);
    if (!record) {
      const base = stored.get(page.key);
      record = base
        ? { ...base, title: base.title || page.title, annotations: { ...base.annotations } }
        : { key: page.key, url: page.url, title: page.title, annotations: {}, updatedAt: now };
      changed.set(page.key, record);
    }
    record.updatedAt = now;
    return record;
  };

  for (const item of incoming.items) {
    const current = changed.get(item.page.key) ?? stored.get(item.page.key);
    const local = current && Object.hasOwn(current.annotations, item.annotation.id) ? current.annotations[item.annotation.id] : undefined;
    const annotation: Annotation = {
      ...item.annotation,
      createdAt: item.annotation.createdAt || local?.createdAt || now,
      updatedAt: item.annotation.updatedAt || now,
    };
    if (!local) {
      writable(item.page).annotations[annotation.id] = annotation;
      plan.new++;
    } else if (sameContent(local, annotation)) {
      plan.duplicatesSkipped++;
    } else if (localWins(local, item.annotation)) {
      plan.keptLocalNewer++;
      plan.conflicts.push({ pageKey: item.page.key, id: annotation.id, localUpdatedAt: local.updatedAt, incomingUpdatedAt: item.annotation.updatedAt });
    } else {
      writable(item.page).annotations[annotation.id] = annotation;
      plan.updated++;
    }
  }
  plan.records = [...changed.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return plan;
}
