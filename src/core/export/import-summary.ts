/** What the library shows before (and after) an import: counts and the reasons for rejections. */
export interface ImportSummary {
  format: string;
  total: number;
  new: number;
  updated: number;
  duplicatesSkipped: number;
  keptLocalNewer: number;
  rejected: Array<{ index: number; reason: string }>;
  warnings: number;
  pages: number;
}
