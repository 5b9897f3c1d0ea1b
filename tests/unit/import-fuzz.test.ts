// Seeded fuzzing of the import path the library page uses (background/imports.ts over an
// in-memory storage.local): valid exports of every supported shape, mangled structurally (keys
// dropped, values swapped for junk of every JSON type, __proto__ keys, huge and deep values) and
// textually (truncated, bytes flipped), plus storage refusing the write. Every file must either
// change nothing and say why in one message, or import every annotation it accepted, with a
// reason for each one it did not: never half an import, never an unexplained rejection.
import { exportW3c } from '../../src/core/export/w3c';
import { parseImport } from '../../src/core/export/w3c-import';
import { PAGE_KEY_PREFIX, parsePageRecord } from '../../src/core/model/records';
import { FakeStorage, localStorageOver } from '../support/fake-storage';
import { random } from '../support/random';
import { library, OPTIONS } from './export-fixtures';

let storage = new FakeStorage();
const localStorage = localStorageOver(() => storage);
jest.mock('../../src/platform/browser', () => ({ localStorage }));

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { commitImport } = require('../../src/background/imports') as typeof import('../../src/background/imports');

const FILES = 1200;
const SEED = 20_261_202;

const HYPOTHESIS = {
  export_date: '2026-02-10T12:00:00.000Z',
  export_userid: 'acct:checker@hypothes.is',
  annotations: [
    {
      id: 'AbCdEf0123456789ghIJkl',
      created: '2026-02-01T09:15:22.123456+00:00',
      updated: '2026-02-01T09:20:00.000000+00:00',
      uri: 'https://news.example/h',
      text: 'Check, "this" = wrong',
      tags: ['t1'],
      target: [{ source: 'https://news.example/h', selector: [{ type: 'TextPositionSelector', start: 10, end: 20 }, { type: 'TextQuoteSelector', exact: 'The claim', prefix: 'x ', suffix: ' y' }] }],
      document: { title: ['A page'] },
    },
    { id: 'PageNote', uri: 'https://news.example/h', text: 'page note', target: [{ source: 'https://news.example/h' }] },
  ],
};

const W3C_ARRAY = [
  { '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'urn:x:1', type: 'Annotation', body: { type: 'TextualBody', value: 'A note', purpose: 'commenting' }, target: { source: 'https://other.example/a', selector: { type: 'TextQuoteSelector', exact: 'some quoted words', prefix: 'before ', suffix: ' after' } } },
  { id: 'urn:x:2', type: 'Annotation', body: [{ type: 'TextualBody', value: 'false', purpose: 'assessing' }, { type: 'SpecificResource', purpose: 'linking', source: 'https://src.example/' }], target: { source: 'https://other.example/b', selector: [{ type: 'TextPositionSelector', start: 3, end: 30 }, { type: 'TextQuoteSelector', exact: 'another claim of the page' }] } },
];

type Rand = () => number;
const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;

/** A junk JSON value of any type, sometimes huge or deep. */
function junk(rand: Rand, depth = 0): unknown {
  const kind = Math.floor(rand() * 16);
  switch (kind) {
    case 0: return null;
    case 1: return rand() < 0.5;
    case 2: return pick(rand, [0, -1, 1e308, -0, 2 ** 53 + 1, 3.5, 1e-9]);
    case 3: return pick(rand, ['', ' ', 'javascript:alert(1)', 'data:text/html,<b>x</b>', 'http://', 'https://ok.example/\u0000', '\ud800', '<script>alert(1)</script>', 'NaN', '2026-13-45T99:99:99Z', '__proto__']);
    case 4: return 'x'.repeat(pick(rand, [1_001, 5_000, 10_001, 60_000]));
    case 5: return depth > 3 ? [] : Array.from({ length: Math.floor(rand() * 4) }, () => junk(rand, depth + 1));
    case 6: return depth > 3 ? {} : Object.fromEntries(Array.from({ length: Math.floor(rand() * 4) }, (_, i) => [pick(rand, ['type', 'id', 'exact', 'source', 'value', `k${i}`]), junk(rand, depth + 1)]));
    case 7: {
      let deep: unknown = 'bottom';
      for (let i = 0; i < pick(rand, [50, 500, 3_000]); i++) deep = [deep];
      return deep;
    }
    case 8: return JSON.parse('{"__proto__": {"polluted": true}, "type": "Annotation"}') as unknown;
    case 9: return pick(rand, ['Annotation', 'AnnotationCollection', 'AnnotationPage', 'TextQuoteSelector', 'TextPositionSelector', 'SpecificResource', 'TextualBody']);
    case 10: return { type: 'TextPositionSelector', start: junk(rand, 4), end: junk(rand, 4) };
    case 11: return { type: 'TextQuoteSelector', exact: junk(rand, 4), prefix: junk(rand, 4) };
    case 12: return Array.from({ length: pick(rand, [0, 1, 150]) }, (_, i) => `tag ${i}`);
    case 13: return `https://ok.example/${'p/'.repeat(pick(rand, [1, 3_000]))}`;
    case 14: return pick(rand, ['true', 'false', 'Mostly true', 'not-a-claim', 'bogus verdict']);
    default: return 'plain text';
  }
}

/** Every (container, key) pair of a JSON tree. */
function slots(value: unknown, out: Array<[Record<string, unknown> | unknown[], string | number]> = [], depth = 0): typeof out {
  if (depth > 12 || value === null || typeof value !== 'object') return out;
  if (Array.isArray(value)) value.forEach((child, i) => { out.push([value, i]); slots(child, out, depth + 1); });
  else for (const [key, child] of Object.entries(value)) { out.push([value as Record<string, unknown>, key]); slots(child, out, depth + 1); }
  return out;
}

/** One structural change to a parsed file: drop, replace, duplicate or retype something. */
function mangle(rand: Rand, data: unknown): unknown {
  const all = slots(data);
  if (all.length === 0) return junk(rand);
  const [container, key] = pick(rand, all);
  const action = Math.floor(rand() * 5);
  if (Array.isArray(container)) {
    const i = key as number;
    if (action === 0) container.splice(i, 1);
    else if (action === 1) container.push(structuredClone(container[i]));
    else container[i] = junk(rand);
  } else {
    const k = key as string;
    if (action === 0) delete container[k];
    else if (action === 1) container[k] = [container[k], junk(rand)];
    else container[k] = junk(rand);
  }
  return data;
}

/** A whole file's text: one of the valid shapes, changed a few times, sometimes damaged as text. */
function generate(rand: Rand, index: number): string {
  const templates = [JSON.parse(exportW3c(library(), OPTIONS)) as unknown, HYPOTHESIS, W3C_ARRAY, W3C_ARRAY[0], { type: 'AnnotationPage', items: W3C_ARRAY }];
  let data: unknown = structuredClone(pick(rand, templates));
  const changes = index % 10 === 0 ? 0 : 1 + Math.floor(rand() * 4);
  for (let i = 0; i < changes; i++) data = mangle(rand, data);
  let text = JSON.stringify(data) ?? 'undefined';
  const damage = rand();
  if (damage < 0.08) text = text.slice(0, Math.floor(rand() * text.length));
  else if (damage < 0.14) {
    const at = Math.floor(rand() * text.length);
    text = text.slice(0, at) + pick(rand, ['"', '}', ']', ',', '\\', '\u0000', '\ufeff']) + text.slice(at + 1);
  } else if (damage < 0.16) text = pick(rand, ['', '   ', 'null', '[]', '{}', '"text"', '42', '<html></html>', '\ufeff[]']);
  return text;
}

/** The annotations in storage, as (page key, id) → updatedAt. */
function storedAnnotations(): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(storage.items)) {
    if (!key.startsWith(PAGE_KEY_PREFIX)) continue;
    const parsed = parsePageRecord(value);
    expect(parsed?.rejected ?? 1).toBe(0);
    for (const annotation of Object.values(parsed?.record.annotations ?? {})) out.set(`${parsed?.record.key}\u0000${annotation.id}`, annotation.updatedAt);
  }
  return out;
}

test(`${FILES} generated import files: each fully imported or refused with a message, never half-written`, async () => {
  const rand = random(SEED);
  storage = new FakeStorage();
  await commitImport(exportW3c(library(), OPTIONS));
  const counts = { refused: 0, imported: 0, storageRefused: 0, itemsImported: 0, itemsRejected: 0, partial: 0, unexplained: 0 };
  for (let i = 0; i < FILES; i++) {
    const text = generate(rand, i);
    const before = structuredClone(storage.items);
    const failWrite = i % 25 === 7;
    if (failWrite) storage.stopAfter = storage.writes;
    try {
      const summary = await commitImport(text);
      const parsed = parseImport(text);
      if (!parsed.ok) throw new Error(`file ${i}: the import went through but the parser refuses it`);
      counts.imported++;
      counts.itemsImported += parsed.items.length;
      counts.itemsRejected += parsed.rejected.length;
      // Every annotation is accounted for, and every rejection has its reason.
      if (summary.total !== summary.new + summary.updated + summary.duplicatesSkipped + summary.keptLocalNewer + parsed.rejected.length) counts.partial++;
      if (parsed.rejected.some((issue) => typeof issue.reason !== 'string' || issue.reason.trim().length < 8)) counts.unexplained++;
      // Every accepted annotation is in storage now (new, updated, or the same or a newer local copy).
      const stored = storedAnnotations();
      if (parsed.items.some((item) => !stored.has(`${item.page.key}\u0000${item.annotation.id}`))) counts.partial++;
      if (failWrite && summary.new + summary.updated > 0) counts.partial++;
    } catch (error) {
      const message = error instanceof Error ? error.message : '';
      if (message.trim().length < 8) counts.unexplained++;
      if (failWrite && message.startsWith('Nothing was imported')) counts.storageRefused++;
      else counts.refused++;
      // Refused: storage exactly as it was.
      if (JSON.stringify(storage.items) !== JSON.stringify(before)) counts.partial++;
    } finally {
      storage.stopAfter = Number.POSITIVE_INFINITY;
    }
  }
  console.log(`import fuzz (seed ${SEED}): ${FILES} files; ${counts.imported} imported (${counts.itemsImported} annotations, ${counts.itemsRejected} rejected with a reason), ${counts.refused} refused with a message, ${counts.storageRefused} refused because storage refused the write; ${counts.partial} partial, ${counts.unexplained} unexplained`);
  expect(counts.partial).toBe(0);
  expect(counts.unexplained).toBe(0);
  // The generator really exercises both outcomes and the write failure.
  expect(counts.imported).toBeGreaterThan(FILES / 4);
  expect(counts.refused).toBeGreaterThan(FILES / 10);
  expect(counts.storageRefused).toBeGreaterThan(5);
  expect(Object.prototype).not.toHaveProperty('polluted');
}, 60_000);
