import { bestThreshold, computeMetrics, evaluateRows, parseClaimsCsv, parseCsvRecords, thresholdForPrecision, thresholdForRecall, type Scored } from '../../src/core/claims/evaluate';

describe('parseCsvRecords (RFC 4180)', () => {
  test('plain, quoted, doubled quotes, embedded commas and newlines', () => {
    const csv = 'a,b,c\n1,"x, y","say ""hi"""\n2,"line one\nline two",\n';
    expect(parseCsvRecords(csv)).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', 'say "hi"'],
      ['2', 'line one\nline two', ''],
    ]);
  });

  test('CRLF line ends, a BOM, no final newline, blank lines and empty quoted fields', () => {
    expect(parseCsvRecords('\uFEFFa,b\r\n\r\n"",2\r\n3,""')).toEqual([['a', 'b'], ['', '2'], ['3', '']]);
  });

  test('errors name the line and the problem', () => {
    expect(() => parseCsvRecords('a,b\n1,"open\n2,3\n')).toThrow('CSV line 2: unterminated quoted field');
    expect(() => parseCsvRecords('a,b\n1,x"y\n')).toThrow('CSV line 2: stray quote inside an unquoted field');
    expect(() => parseCsvRecords('a,b\n1,"x"y\n')).toThrow('CSV line 2: unexpected character after a closing quote');
  });
});

describe('parseClaimsCsv', () => {
  test('reads id, text, label and source by header name, in any column order', () => {
    const rows = parseClaimsCsv('label,text,source,id\n1,"It rose 5%, they said.",debates,a1\n0,Hello,,a2\n');
    expect(rows).toEqual([
      { id: 'a1', text: 'It rose 5%, they said.', label: 1, source: 'debates' },
      { id: 'a2', text: 'Hello', label: 0 },
    ]);
  });

  test('id is optional (row number) and the header is case-insensitive', () => {
    expect(parseClaimsCsv('Text,Label\nA,0\nB,1\n')).toEqual([
      { id: '1', text: 'A', label: 0 },
      { id: '2', text: 'B', label: 1 },
    ]);
  });

  test('clear one-line errors for malformed files', () => {
    expect(() => parseClaimsCsv('')).toThrow('CSV is empty');
    expect(() => parseClaimsCsv('id,sentence,label\n1,x,0\n')).toThrow('CSV header lacks required column(s): text');
    expect(() => parseClaimsCsv('id,text\n1,x\n')).toThrow('CSV header lacks required column(s): label');
    expect(() => parseClaimsCsv('id,body\n1,x\n')).toThrow('CSV header lacks required column(s): text, label');
    expect(() => parseClaimsCsv('id,text,label\n1,x,yes\n')).toThrow('CSV row 2: label must be 0 or 1, got "yes"');
    expect(() => parseClaimsCsv('id,text,label\n1,x\n')).toThrow('CSV row 2: expected 3 fields, found 2');
    expect(() => parseClaimsCsv('id,text,label\n1,"x,0\n')).toThrow('unterminated quoted field');
    for (const bad of ['', 'id,text\n1,x\n', 'text,label\n"x,1']) {
      try {
        parseClaimsCsv(bad);
      } catch (err) {
        expect((err as Error).message).not.toContain('\n');
      }
    }
  });
});

describe('computeMetrics', () => {
  const items: Scored[] = [
    { label: 1, score: 0.9, source: 'a' }, // tp
    { label: 1, score: 0.6, source: 'b' }, // tp
    { label: 1, score: 0.2, source: 'a' }, // fn
    { label: 0, score: 0.7, source: 'a' }, // fp
    { label: 0, score: 0.1, source: 'b' }, // tn
    { label: 0, score: 0.5, source: 'b' }, // fp: a score equal to the threshold predicts a claim
  ];

  test('precision, recall and F1 of the positive class; score >= threshold is positive', () => {
    const m = computeMetrics(items, 0.5);
    // tp 2, fp 2, fn 1
    expect(m.n).toBe(6);
    expect(m.precision).toBeCloseTo(2 / 4);
    expect(m.recall).toBeCloseTo(2 / 3);
    expect(m.f1).toBeCloseTo((2 * 0.5 * (2 / 3)) / (0.5 + 2 / 3));
    expect(m.threshold).toBe(0.5);
  });

  test('per-source metrics', () => {
    const m = computeMetrics(items, 0.5);
    expect(Object.keys(m.perSource)).toEqual(['a', 'b']);
    expect(m.perSource.a).toEqual({ n: 3, precision: 0.5, recall: 0.5, f1: 0.5 }); // tp 1, fp 1, fn 1
    expect(m.perSource.b).toEqual({ n: 3, precision: 0.5, recall: 1, f1: 2 / 3 }); // tp 1, fp 1, fn 0
  });

  test('degenerate cases report 0 rather than NaN', () => {
    expect(computeMetrics([], 0.5)).toEqual({ n: 0, precision: 0, recall: 0, f1: 0, threshold: 0.5, perSource: {} });
    const none = computeMetrics([{ label: 1, score: 0.1 }], 0.5);
    expect([none.precision, none.recall, none.f1]).toEqual([0, 0, 0]);
    const perfect = computeMetrics([{ label: 1, score: 0.9 }, { label: 0, score: 0.1 }], 0.5);
    expect([perfect.precision, perfect.recall, perfect.f1]).toEqual([1, 1, 1]);
  });
});

describe('evaluateRows', () => {
  test('scores rows with the given scorer and groups by source', () => {
    const rows = parseClaimsCsv('id,text,label,source\n1,yes,1,s\n2,no,0,s\n3,yes,0,t\n');
    const m = evaluateRows(rows, (text) => (text === 'yes' ? 0.9 : 0.1), 0.5);
    expect([m.precision, m.recall]).toEqual([0.5, 1]);
    expect(m.perSource.s).toEqual({ n: 2, precision: 1, recall: 1, f1: 1 });
    expect(m.perSource.t).toEqual({ n: 1, precision: 0, recall: 0, f1: 0 });
  });
});

describe('bestThreshold', () => {
  test('finds the F1-optimal cut, midway between neighbouring scores', () => {
    const items: Scored[] = [
      { label: 1, score: 0.9 },
      { label: 1, score: 0.8 },
      { label: 0, score: 0.6 },
      { label: 1, score: 0.4 },
      { label: 0, score: 0.2 },
    ];
    const best = bestThreshold(items);
    // Cutting below 0.4 gives tp 3, fp 1: F1 6/7, better than above 0.8 (F1 0.8).
    expect(best.threshold).toBeCloseTo(0.3);
    expect(best.f).toBeCloseTo(6 / 7);
    expect(computeMetrics(items, best.threshold).f1).toBeCloseTo(best.f);
  });

  test('beta < 1 favours precision, beta > 1 recall', () => {
    const items: Scored[] = [
      { label: 1, score: 0.9 },
      { label: 0, score: 0.7 },
      { label: 1, score: 0.6 },
      { label: 0, score: 0.5 },
      { label: 1, score: 0.3 },
    ];
    expect(bestThreshold(items, 0.5).threshold).toBeGreaterThan(bestThreshold(items, 3).threshold);
    expect(bestThreshold(items, 0.5).threshold).toBeCloseTo(0.8);
    expect(bestThreshold(items, 3).threshold).toBe(0.3);
  });
});

describe('operating points', () => {
  // Scores high to low: labels 1 1 0 1 0 1 0 0 (4 positives).
  const items = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2].map((score, i) => ({ score, label: ([1, 1, 0, 1, 0, 1, 0, 0][i] ?? 0) as 0 | 1 }));

  test('precision floor: the lowest threshold keeping precision, so recall is as high as it can be', () => {
    // precision at k=1..: 1, 1, .67, .75, .6, .67 ... -> >= 0.75 last holds at k=4 (cut between .6 and .5).
    const t = thresholdForPrecision(items, 0.75);
    expect(t).toBeCloseTo(0.55);
    const m = computeMetrics(items, t ?? 1);
    expect(m.precision).toBeGreaterThanOrEqual(0.75);
    expect(m.recall).toBe(0.75);
    expect(thresholdForPrecision(items, 1)).toBeCloseTo(0.75);
    expect(thresholdForPrecision([{ score: 0.5, label: 0 }], 0.5)).toBeNull();
  });

  test('recall floor: the highest threshold reaching the recall', () => {
    const t = thresholdForRecall(items, 0.9);
    expect(t).toBeCloseTo(0.35); // all 4 positives need the first 6 items
    expect(computeMetrics(items, t).recall).toBe(1);
    expect(thresholdForRecall(items, 0.5)).toBeCloseTo(0.75);
  });
});
