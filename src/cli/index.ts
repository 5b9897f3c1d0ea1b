import { DEFAULT_THRESHOLD } from '../core/claims/score';
import { UsageError } from './errors';
import { formatScan, scanFile } from './scan';

const USAGE = 'usage: factmark scan <file.html|file.txt> [--json] [--threshold T] | factmark eval <file.csv> [--json] | factmark eval-article <corpus-dir> [--json] [--worst N] [--no-baseline] | factmark eval-segmenter [--json] | factmark anchor <page.html> <annotations.jsonld> [--json] | factmark match <queries.tsv> <claims.jsonl> [--qrels FILE] [--top N] [--json] | factmark convert <export.jsonld> --to claimreview|csv|markdown|w3c [--out FILE] [--reviewer NAME] [--organisation ORG] | factmark team-setup <URL with admin credentials> <DB> --members NAME[,NAME...] [--admins NAME,...]';

/** Splits argv into positional arguments and --flags (with values for those that take one). */
function parseArgs(argv: string[], valued: string[]): { positional: string[]; flags: Map<string, string | true> } {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) positional.push(arg);
    else if (valued.includes(arg)) {
      const value = argv[++i];
      if (value === undefined) throw new UsageError(`${arg} needs a value`);
      flags.set(arg, value);
    } else flags.set(arg, true);
  }
  return { positional, flags };
}

function thresholdOf(flags: Map<string, string | true>): number {
  const raw = flags.get('--threshold');
  if (raw === undefined) return DEFAULT_THRESHOLD;
  const value = Number(raw);
  if (typeof raw !== 'string' || !Number.isFinite(value) || value < 0 || value > 1) throw new UsageError(`--threshold must be a number from 0 to 1 (got ${String(raw)})`);
  return value;
}

/** Writes a command's result: as JSON with --json, else in its readable form. */
function emit<T>(out: (text: string) => void, flags: Map<string, string | true>, result: T, format: (result: T) => string): void {
  out(flags.has('--json') ? JSON.stringify(result) : format(result));
}

/** Runs the command line; returns the exit code. Output goes through the given writers. */
export async function main(argv: string[], out: (text: string) => void, err: (text: string) => void): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === 'scan') {
      const { positional, flags } = parseArgs(rest, ['--threshold']);
      if (positional.length !== 1) throw new UsageError(USAGE);
      const report = scanFile(positional[0] as string, thresholdOf(flags));
      emit(out, flags, report, formatScan);
      return 0;
    }
    if (command === 'eval') {
      const { positional, flags } = parseArgs(rest, []);
      if (positional.length !== 1) throw new UsageError(USAGE);
      const { evaluateFile, formatEvaluation } = await import('./eval');
      const result = evaluateFile(positional[0] as string);
      emit(out, flags, result, formatEvaluation);
      return 0;
    }
    if (command === 'eval-article') {
      const { positional, flags } = parseArgs(rest, ['--worst']);
      if (positional.length !== 1) throw new UsageError(USAGE);
      const worst = Number(flags.get('--worst') ?? 10);
      if (!Number.isInteger(worst) || worst < 0) throw new UsageError('--worst must be a whole number');
      const { evaluateArticles, formatArticleEvaluation } = await import('./eval-article');
      const result = evaluateArticles(positional[0] as string, { baseline: !flags.has('--no-baseline'), worst });
      emit(out, flags, result, formatArticleEvaluation);
      return 0;
    }
    if (command === 'eval-segmenter') {
      const { positional, flags } = parseArgs(rest, []);
      if (positional.length !== 0) throw new UsageError(USAGE);
      const { evaluateSegmenter, formatSegmenterEvaluation } = await import('./eval-segmenter');
      const result = evaluateSegmenter();
      emit(out, flags, result, formatSegmenterEvaluation);
      return 0;
    }
    if (command === 'anchor') {
      const { positional, flags } = parseArgs(rest, []);
      if (positional.length !== 2) throw new UsageError(USAGE);
      const { anchorFile, formatAnchors } = await import('./anchor');
      const rows = anchorFile(positional[0] as string, positional[1] as string);
      emit(out, flags, rows, formatAnchors);
      return 0;
    }
    if (command === 'match') {
      const { positional, flags } = parseArgs(rest, ['--qrels', '--top']);
      if (positional.length !== 2) throw new UsageError(USAGE);
      const { formatMatch, runMatch } = await import('./match');
      const report = runMatch(positional, flags);
      emit(out, flags, report, formatMatch);
      return 0;
    }
    if (command === 'convert') {
      const { positional, flags } = parseArgs(rest, ['--to', '--out', '--reviewer', '--organisation']);
      if (positional.length !== 1) throw new UsageError(USAGE);
      const { runConvert } = await import('./convert');
      return runConvert(positional[0] as string, flags, out, err);
    }
    if (command === 'team-setup') {
      const { positional, flags } = parseArgs(rest, ['--members', '--admins']);
      const members = flags.get('--members');
      const admins = flags.get('--admins');
      if (positional.length !== 2 || typeof members !== 'string' || admins === true) throw new UsageError(USAGE);
      const { teamSetup, parseMembers, formatSetup } = await import('./team-setup');
      out(formatSetup(await teamSetup(positional[0] as string, positional[1] as string, parseMembers(members), parseMembers(admins ?? ''))));
      return 0;
    }
    throw new UsageError(USAGE);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Expected problems get their message; anything else is still one line, never a stack.
    err(`factmark: ${error instanceof UsageError ? message : `unexpected error: ${message}`}`.replace(/\s*\n\s*/g, ' '));
    return error instanceof UsageError ? 2 : 1;
  }
}
