/** One labelled sentence from a claims CSV (columns id,text,label[,source]). */
export interface ClaimRow {
  id: string;
  text: string;
  label: 0 | 1;
  source?: string;
}

/** Precision, recall and F1 of the positive class over some rows. */
export interface ClassMetrics {
  n: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Positive-class metrics at a threshold, overall and per data source. */
export interface Metrics extends ClassMetrics {
  threshold: number;
  perSource: Record<string, ClassMetrics>;
}

/** A gold label and a model score, with the row's source when known. */
export interface Scored {
  label: 0 | 1;
  score: number;
  source?: string;
}

/** Splits RFC 4180 CSV text into records of fields; throws on unterminated or stray quotes. */
export function parseCsvRecords(csv: string): string[][] {
  const text = csv.charCodeAt(0) === 0xfeff ? csv.slice(1) : csv;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let line = 1;
  let i = 0;
  let quoted = false; // The current field was quoted, so only a separator may follow.
  const endField = (): void => {
    record.push(field);
    field = '';
    quoted = false;
  };
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      if (field !== '' || quoted) throw new Error(`CSV line ${line}: stray quote inside an unquoted field`);
      const startLine = line;
      i++;
      for (;;) {
        if (i >= text.length) throw new Error(`CSV line ${startLine}: unterminated quoted field`);
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n') line++;
        field += c;
        i++;
      }
      quoted = true;
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        throw new Error(`CSV line ${line}: unexpected character after a closing quote`);
      }
    } else if (ch === ',') {
      endField();
      i++;
    } else if (ch === '\n' || ch === '\r') {
      endField();
      records.push(record);
      record = [];
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
    } else {
      if (quoted) throw new Error(`CSV line ${line}: unexpected character after a closing quote`);
      field += ch;
      i++;
    }
  }
  if (field !== '' || quoted || record.length > 0) {
    endField();
    records.push(record);
  }
  // Blank lines (a lone empty field) carry no record.
  return records.filter((r) => !(r.length === 1 && r[0] === ''));
}

/** Parses a claims CSV with a header naming at least `text` and `label` (0 or 1) columns. */
export function parseClaimsCsv(csv: string): ClaimRow[] {
  const [header, ...body] = parseCsvRecords(csv);
  if (!header) throw new Error('CSV is empty: expected a header with text and label columns');
  const names = header.map((h) => h.trim().toLowerCase());
  const col = (name: string): number => names.indexOf(name);
  const [idCol, textCol, labelCol, sourceCol] = [col('id'), col('text'), col('label'), col('source')];
  const missing = [textCol < 0 ? 'text' : '', labelCol < 0 ? 'label' : ''].filter(Boolean);
  if (missing.length) throw new Error(`CSV header lacks required column(s): ${missing.join(', ')}`);
  return body.map((fields, k) => {
    const row = k + 2;
    if (fields.length !== header.length) {
      throw new Error(`CSV row ${row}: expected ${header.length} fields, found ${fields.length}`);
    }
    const rawLabel = (fields[labelCol] ?? '').trim();
    if (rawLabel !== '0' && rawLabel !== '1') throw new Error(`CSV row ${row}: label must be 0 or 1, got "${rawLabel}"`);
    const out: ClaimRow = {
      id: idCol >= 0 ? (fields[idCol] ?? '') : String(row - 1),
      text: fields[textCol] ?? '',
      label: rawLabel === '1' ? 1 : 0,
    };
    const source = sourceCol >= 0 ? fields[sourceCol] : undefined;
    if (source) out.source = source;
    return out;
  });
}

function classMetrics(tp: number, fp: number, fn: number, n: number): ClassMetrics {
  // With no predicted (or no actual) positives the ratio is undefined; report 0, not NaN.
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { n, precision, recall, f1 };
}

/** Positive-class precision/recall/F1 when score >= threshold predicts a claim, overall and per source. */
export function computeMetrics(items: readonly Scored[], threshold: number): Metrics {
  const counts = new Map<string, [number, number, number, number]>(); // tp, fp, fn, n
  const bump = (key: string, item: Scored, predicted: boolean): void => {
    const c = counts.get(key) ?? [0, 0, 0, 0];
    if (predicted && item.label === 1) c[0]++;
    else if (predicted) c[1]++;
    else if (item.label === 1) c[2]++;
    c[3]++;
    counts.set(key, c);
  };
  for (const item of items) {
    const predicted = item.score >= threshold;
    bump('\u0000all', item, predicted);
    if (item.source !== undefined) bump(item.source, item, predicted);
  }
  const perSource: Record<string, ClassMetrics> = {};
  for (const [key, [tp, fp, fn, n]] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (key !== '\u0000all') perSource[key] = classMetrics(tp, fp, fn, n);
  }
  const [tp, fp, fn, n] = counts.get('\u0000all') ?? [0, 0, 0, 0];
  return { ...classMetrics(tp, fp, fn, n), threshold, perSource };
}

/**
 * The threshold maximising positive-class F-beta (beta 1 = F1; 0.5 favours precision, 2 recall),
 * placed midway between the two neighbouring scores so that tiny numeric differences cannot flip
 * a decision. Ties keep the higher threshold.
 */
export function bestThreshold(items: readonly Scored[], beta = 1): { threshold: number; f: number } {
  const sorted = [...items].sort((a, b) => b.score - a.score);
  const positives = sorted.filter((s) => s.label === 1).length;
  const b2 = beta * beta;
  let tp = 0;
  let best = { threshold: 1, f: 0 };
  for (let k = 0; k < sorted.length; k++) {
    const item = sorted[k] as Scored;
    if (item.label === 1) tp++;
    const next = sorted[k + 1];
    if (next && next.score === item.score) continue; // Equal scores fall on the same side.
    // F-beta = (1 + b²)·tp / ((1 + b²)·tp + b²·fn + fp), with k + 1 predicted positives.
    const f = positives > 0 ? ((1 + b2) * tp) / (b2 * positives + k + 1) : 0;
    if (f > best.f) best = { threshold: next ? (item.score + next.score) / 2 : item.score, f };
  }
  return best;
}

/** Scores every row's text with `score` and computes the metrics at `threshold`. */
export function evaluateRows(rows: readonly ClaimRow[], score: (text: string) => number, threshold: number): Metrics {
  return computeMetrics(
    rows.map((row) => ({ label: row.label, score: score(row.text), ...(row.source !== undefined ? { source: row.source } : {}) })),
    threshold,
  );
}

/**
 * The operating point with the most recall whose precision is at least `minPrecision`: the lowest
 * such threshold, midway to the next lower score. Null when no threshold reaches that precision.
 */
export function thresholdForPrecision(items: readonly Scored[], minPrecision: number): number | null {
  const sorted = [...items].sort((a, b) => b.score - a.score);
  let tp = 0;
  let found: number | null = null;
  for (let k = 0; k < sorted.length; k++) {
    const item = sorted[k] as Scored;
    if (item.label === 1) tp++;
    const next = sorted[k + 1];
    if (next && next.score === item.score) continue;
    if (tp / (k + 1) >= minPrecision) found = next ? (item.score + next.score) / 2 : item.score;
  }
  return found;
}

/**
 * The operating point with the most precision whose recall is at least `minRecall`: the highest
 * threshold that keeps that recall, midway to the next lower score.
 */
export function thresholdForRecall(items: readonly Scored[], minRecall: number): number {
  const sorted = [...items].sort((a, b) => b.score - a.score);
  const positives = sorted.filter((s) => s.label === 1).length;
  let tp = 0;
  for (let k = 0; k < sorted.length; k++) {
    const item = sorted[k] as Scored;
    if (item.label === 1) tp++;
    const next = sorted[k + 1];
    if (next && next.score === item.score) continue;
    if (positives > 0 && tp / positives >= minRecall) return next ? (item.score + next.score) / 2 : item.score;
  }
  return 0;
}
