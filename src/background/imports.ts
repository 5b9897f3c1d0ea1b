import { parseImport, planImport, type ImportPlan, type ImportSummary } from '../core/export';
import { allPages, replaceRecordsAtomically } from './store';

function summarise(format: string, total: number, plan: ImportPlan): ImportSummary {
  return {
    format,
    total,
    new: plan.new,
    updated: plan.updated,
    duplicatesSkipped: plan.duplicatesSkipped,
    keptLocalNewer: plan.keptLocalNewer,
    rejected: plan.rejected.slice(0, 50),
    warnings: plan.warnings.length,
    pages: plan.records.length,
  };
}

function parsed(text: string) {
  const result = parseImport(text);
  if (!result.ok) throw new Error(result.error);
  return result;
}

/** A dry run: what importing the file would do, changing nothing. */
export async function previewImport(text: string): Promise<ImportSummary> {
  const file = parsed(text);
  return summarise(file.format, file.total, planImport(await allPages(), file, new Date().toISOString()));
}

/** Imports the file: planned again against current storage and written in one atomic write. */
export async function commitImport(text: string): Promise<ImportSummary> {
  const file = parsed(text);
  return replaceRecordsAtomically((existing) => {
    const plan = planImport(existing, file, new Date().toISOString());
    return { records: plan.records, result: summarise(file.format, file.total, plan) };
  });
}
