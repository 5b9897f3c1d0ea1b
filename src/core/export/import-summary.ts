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
  /** Fact-checks (ClaimReview, DataFeed or JSON Lines) in the file, when it has any. */
  reviews?: ReviewImportSummary;
}

/** What importing a file's fact-checks does. */
export interface ReviewImportSummary {
  format: 'claimreview' | 'datafeed' | 'jsonl';
  total: number;
  new: number;
  updated: number;
  duplicatesSkipped: number;
  rejected: Array<{ index: number; reason: string }>;
}
