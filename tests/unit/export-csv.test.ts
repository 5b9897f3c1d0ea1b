import { csvCell, CSV_COLUMNS, exportCsv } from '../../src/core/export/csv';
import { claim, library, page } from './export-fixtures';

/** A strict RFC 4180 reader, to check that every cell reads back as written. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = (): void => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') {
      if (cell !== '') throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
    } else if (c === ',') endCell();
    else if (c === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else if (c === '\r' || c === '\n') throw new Error(`bare line break outside quotes at ${i}`);
    else cell += c;
  }
  if (quoted || cell !== '' || row.length > 0) throw new Error('file does not end with CRLF');
  return rows;
}

const TEXT = 'He said "no", then left.\nNext line: 東京, Москва, القاهرة 🚀. =HYPERLINK("http://evil.example","x")';

function tricky() {
  return [
    page('https://news.example/q', 'Title, with "quotes"', [
      claim(TEXT, 'He said "no", then left.\nNext line: 東京, Москва, القاهرة 🚀.', 'c1', {
        verdict: 'mixed',
        note: 'Line one,\r\nline "two"',
        sources: [
          { url: 'https://a.example/1', title: 'Первый', quote: '', publisher: '' },
          { url: 'https://b.example/2', title: '', quote: '', publisher: '' },
        ],
        tags: ['a,b', 'c'],
      }),
      claim(TEXT, '=HYPERLINK("http://evil.example","x")', 'c2', { note: '@SUM(A1:A9)', tags: ['+1', '-2', '\tTab'] }),
    ]),
  ];
}

describe('CSV export', () => {
  test('UTF-8 BOM, CRLF records, header row, one row per claim', () => {
    const csv = exportCsv(library());
    expect(csv.startsWith('\uFEFFpage_url,page_title,claim,verdict,score,note,sources,tags,created,updated\r\n')).toBe(true);
    const rows = readCsv(csv.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(9);
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
  });

  test('commas, quotes, line breaks and non-Latin text (Cyrillic, Arabic, CJK, emoji) read back unchanged', () => {
    const [, first] = readCsv(exportCsv(tricky()).slice(1));
    expect(first).toEqual([
      'https://news.example/q',
      'Title, with "quotes"',
      'He said "no", then left.\nNext line: 東京, Москва, القاهرة 🚀.',
      'Mixed',
      '3',
      'Line one,\r\nline "two"',
      'https://a.example/1 — Первый\nhttps://b.example/2',
      'a,b; c',
      '2026-03-01T10:00:00.000Z',
      '2026-03-02T11:30:00.000Z',
    ]);
  });

  test('formula injection: cells starting with = + - @ tab or CR get a leading apostrophe', () => {
    const [, , second] = readCsv(exportCsv(tricky()).slice(1));
    expect(second?.[2]).toBe(`'=HYPERLINK("http://evil.example","x")`);
    expect(second?.[5]).toBe(`'@SUM(A1:A9)`);
    expect(second?.[7]).toBe("'+1; -2; \tTab");
    expect(csvCell('-5')).toBe("'-5");
    expect(csvCell('\rx')).toBe(`"'\rx"`);
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('a=b')).toBe('a=b');
  });

  test('score: 1–5 from the verdict, empty when unreviewed, unverifiable or not a claim', () => {
    const rows = readCsv(exportCsv(library()).slice(1)).slice(1);
    expect(rows.map((r) => [r[3], r[4]])).toEqual([
      ['', ''],
      ['Misleading', '2'],
      ['', ''],
      ['', ''],
      ['Mostly false', '2'],
      ['True', '5'],
      ['Unverifiable', ''],
      ['Not a claim', ''],
    ]);
  });
});
