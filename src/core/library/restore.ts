import type { PageRecord } from '../model/annotation';

/**
 * What Undo writes back for a deleted page record. With nothing stored for the page since the
 * delete, that is the deleted record itself, unchanged (fields this build does not know
 * included). When the page has been annotated again meanwhile, both are kept: the newer
 * record's fields and annotations win where they collide, and the later update time stays.
 */
export function restoredRecord(deleted: PageRecord, current: PageRecord | null): PageRecord {
  if (!current) return deleted;
  return {
    ...deleted,
    ...current,
    annotations: { ...deleted.annotations, ...current.annotations },
    updatedAt: deleted.updatedAt > current.updatedAt ? deleted.updatedAt : current.updatedAt,
  };
}
