import { writeFileSync } from 'node:fs';
import { describeIssue, EXPORT_FORMATS, exportAs, parseImport, planImport, toClaimReviews, type Creator, type ExportFormat, type ImportIssue } from '../core/export';
import { UsageError } from './errors';
import { readText } from './load-document';

/** The options `factmark convert` accepts, all taking a value. */
const KNOWN_FLAGS = ['--to', '--out', '--reviewer', '--organisation'];

function formatOf(raw: string | true | undefined): ExportFormat {
  const list = EXPORT_FORMATS.join(', ');
  if (raw === undefined) throw new UsageError(`--to is required: one of ${list}`);
  const format = EXPORT_FORMATS.find((f) => f === raw);
  if (!format) throw new UsageError(`--to must be one of ${list} (got ${String(raw)})`);
  return format;
}

/** A one-line list of issues: the first few, then how many more. */
function issueList(issues: ImportIssue[]): string {
  const shown = issues.slice(0, 3).map(describeIssue).join('; ');
  return issues.length > 3 ? `${shown}; and ${issues.length - 3} more` : shown;
}

function valueOf(flags: Map<string, string | true>, name: string): string | undefined {
  const value = flags.get(name);
  return typeof value === 'string' ? value : undefined;
}

/**
 * `factmark convert <file> --to FORMAT [--out FILE] [--reviewer NAME] [--organisation ORG]`:
 * reads an annotation file through the import parser (Factmark or other W3C exports, Hypothesis
 * exports) and writes it in another format. Returns the exit code; problems throw UsageError.
 */
export function runConvert(path: string, flags: Map<string, string | true>, out: (text: string) => void, err: (text: string) => void): number {
  for (const name of flags.keys()) if (!KNOWN_FLAGS.includes(name)) throw new UsageError(`unknown option ${name} for convert`);
  const format = formatOf(flags.get('--to'));
  const parsed = parseImport(readText(path));
  if (!parsed.ok) throw new UsageError(`${path}: ${parsed.error}`);
  if (parsed.total === 0) throw new UsageError(`${path}: no annotations found`);
  if (parsed.items.length === 0) throw new UsageError(`${path}: none of the ${parsed.total} annotations can be used (${issueList(parsed.rejected)})`);
  const now = new Date().toISOString();
  const library = planImport([], parsed, now).records;
  // Attribution: the command line wins, then whoever the file names as creator.
  const creator: Creator = {
    name: valueOf(flags, '--reviewer') ?? parsed.creator?.name ?? '',
    organisation: valueOf(flags, '--organisation') ?? parsed.creator?.organisation ?? '',
  };
  if (parsed.rejected.length > 0) err(`factmark: skipped ${parsed.rejected.length} of ${parsed.total} annotations: ${issueList(parsed.rejected)}`);
  if (parsed.warnings.length > 0) err(`factmark: dropped parts of annotations: ${issueList(parsed.warnings)}`);
  if (format === 'claimreview') {
    const reviews = toClaimReviews(library, { creator, now });
    if (reviews.length === 0) err('factmark: no claim has a verdict, so there is no ClaimReview to write');
    else if (!creator.name.trim() && !creator.organisation.trim()) err('factmark: the ClaimReview items have no author; pass --organisation or --reviewer');
  }
  const output = exportAs(format, library, { creator, now });
  const file = valueOf(flags, '--out');
  if (file === undefined) {
    // The writer adds the final line break.
    out(output.replace(/\r?\n$/, ''));
    return 0;
  }
  try {
    writeFileSync(file, output, 'utf8');
  } catch (error) {
    throw new UsageError(`${file}: cannot write (${error instanceof Error ? error.message : String(error)})`);
  }
  out(`wrote ${parsed.items.length} annotations (${parsed.format} → ${format}) to ${file}`);
  return 0;
}
