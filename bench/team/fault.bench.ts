// The fault run (npm run bench:team): two Factmarks edit one team library while the server is
// frozen and resumed (SIGSTOP / SIGCONT) at random moments and the browser's background is
// stopped now and then. Client A is the built extension in real Chromium, driven through its
// own requestBackground; client B is the same background code in Node (its storage in memory,
// PouchDB's memory adapter), both talking to pouchdb-server on 127.0.0.1.
//
// Each client makes EDITS edits: 90 % on annotations of its own pages, 10 % on annotations both
// share. The shared edits are made while the server is frozen, one by each client per shared
// annotation (a tenth of B's are deletions), so each is a colliding edit by construction:
// neither side can have seen the other's. Checked at the end: every acknowledged edit (the last
// one per client and annotation) is the winner or a listed version of a conflict on both sides,
// both sides show the same winners, and the conflicts are exactly the colliding edits.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PassageSelector } from '../../src/core/model/selectors';
import type { VerdictId } from '../../src/core/model/verdicts';
import type { ConflictVersion } from '../../src/core/sync/conflicts';
import { launch, pollUntil, sleep, type BrowserDriver, type PageHandle } from '../../tests/e2e/harness/driver';
import { REQUEST_PAGE, extensionWithRequestPage, type ExtensionCopy } from '../../tests/e2e/harness/request-page';
import { startCouch } from '../../tests/support/couch-server';
import { random } from '../../tests/support/random';
import { makeNodeClient, type NodeClient } from '../../tests/support/team-client';

const EDITS = Number(process.env.FAULT_EDITS ?? 1000);
const SHARED = Math.round(EDITS / 10);
const FREEZES = 20;
const STOPS = 5;
const OWN_PAGES = 30;
const SHARED_PAGES = 10;
const DB = 'faultdesk';
const next = random(Number(process.env.FAULT_SEED ?? 13));

type Value = { verdict: VerdictId | null; note: string } | 'deleted';

function selectorOf(id: string): PassageSelector {
  const exact = `Claim ${id} says something checkable about 42 percent.`;
  return { quote: { exact, prefix: '', suffix: '' }, position: { start: 0, end: exact.length } };
}

function pageOf(owner: 'a' | 'b' | 'shared', n: number) {
  const url = `https://fault.example/${owner}/${n}`;
  return { key: url, url, title: `Fault page ${owner} ${n}` };
}

const VERDICTS: readonly VerdictId[] = ['true', 'mostly-true', 'mixed', 'mostly-false', 'false', 'misleading'];

interface Edit {
  page: ReturnType<typeof pageOf>;
  id: string;
  value: Value;
}

/** The last acknowledged value per annotation (page key + id), per client. */
type Acked = Map<string, { page: string; id: string; value: Value }>;

function sameValue(value: Value, annotation: { verdict: string | null; note: string } | null): boolean {
  if (value === 'deleted') return annotation === null;
  return annotation !== null && annotation.verdict === value.verdict && annotation.note === value.note;
}

test('fault run: frozen server, stopped background, two clients', async () => {
  const couch = await startCouch();
  if (!couch.local) throw new Error('the fault run freezes the server: run it against the bundled pouchdb-server (unset COUCH_URL)');
  let extension: ExtensionCopy | undefined;
  let driver: BrowserDriver | undefined;
  const report: Record<string, unknown> = { edits: EDITS, shared: SHARED, freezes: FREEZES };
  try {
    await couch.createUser('alice', 'alice-pw');
    await couch.createUser('bob', 'bob-pw');
    await couch.setupTeam(DB, 'alice,bob');
    extension = extensionWithRequestPage('chromium');
    driver = await launch('chromium', { extensionDir: extension.dir });
    const sender: PageHandle = await driver.openExtensionPage(REQUEST_PAGE);
    await sender.waitForFunction('window.factmark !== undefined');
    const a = {
      request: <T>(type: string, payload: unknown) => sender.evaluate(({ type, payload }) => (window as unknown as { factmark: { request(t: string, p: unknown): Promise<unknown> } }).factmark.request(type, payload), { type, payload }) as Promise<T>,
    };
    const b: NodeClient = makeNodeClient('bob');
    await a.request('team.join', { serverUrl: couch.url, database: DB, userName: 'alice', password: 'alice-pw' });
    await b.membership.joinTeam(b.ctx, { serverUrl: couch.url, database: DB, userName: 'bob', password: 'bob-pw' });

    const saveA = (edit: Edit) =>
      edit.value === 'deleted'
        ? a.request('annotation.delete', { key: edit.page.key, id: edit.id })
        : a.request('annotation.save', { page: edit.page, id: edit.id, origin: 'detected', selector: selectorOf(edit.id), edit: edit.value });
    const saveB = (edit: Edit) =>
      edit.value === 'deleted'
        ? b.store.deleteAnnotation(edit.page.key, edit.id, new Date().toISOString())
        : b.store.saveAnnotation({ page: edit.page, id: edit.id, origin: 'detected', selector: selectorOf(edit.id), edit: edit.value, now: new Date().toISOString() });

    // Set-up (not counted): A creates the shared annotations; both sides have them before the run.
    const shared: Edit[] = [];
    for (let i = 0; i < SHARED; i++) shared.push({ page: pageOf('shared', i % SHARED_PAGES), id: `s${i}`, value: { verdict: null, note: 'base' } });
    for (const edit of shared) await saveA(edit);
    await a.request('team.sync', {});
    await pollUntil(async () => {
      await b.engine.syncNow(b.ctx);
      return shared.every((edit) => b.record(edit.page.key)?.annotations[edit.id]) || undefined;
    }, 60_000, () => 'B to receive the shared annotations', 500);

    // B syncs on its own every second, as its background would after edits and by alarm.
    let running = true;
    const bLoop = (async () => {
      while (running) {
        await b.engine.syncNow(b.ctx).catch(() => undefined);
        await sleep(1_000);
      }
    })();

    const ackedA: Acked = new Map();
    const ackedB: Acked = new Map();
    const counts = { acknowledgedA: 0, acknowledgedB: 0, failedA: 0, failedB: 0, stops: 0 };
    const ack = (map: Acked, edit: Edit) => map.set(`${edit.page.key}\u0000${edit.id}`, { page: edit.page.key, id: edit.id, value: edit.value });
    const runA = async (edit: Edit) => {
      try {
        await saveA(edit);
        ack(ackedA, edit);
        counts.acknowledgedA++;
      } catch {
        counts.failedA++;
      }
    };
    const runB = async (edit: Edit) => {
      try {
        await saveB(edit);
        ack(ackedB, edit);
        counts.acknowledgedB++;
      } catch {
        counts.failedB++;
      }
    };
    const own = (owner: 'a' | 'b', seq: number): Edit => {
      const n = Math.floor(next() * OWN_PAGES);
      return { page: pageOf(owner, n), id: `${owner}${n}-${Math.floor(next() * 10)}`, value: { verdict: VERDICTS[Math.floor(next() * VERDICTS.length)] ?? null, note: `${owner} edit ${seq}` } };
    };

    const ownPerRound = Math.ceil((EDITS - SHARED) / FREEZES);
    const sharedPerRound = Math.ceil(SHARED / FREEZES);
    const stopRounds = new Set<number>();
    while (stopRounds.size < STOPS) stopRounds.add(Math.floor(next() * FREEZES));
    let seqA = 0;
    let seqB = 0;
    let sharedIndex = 0;
    let lastResume = 0;
    const started = Date.now();
    for (let round = 0; round < FREEZES; round++) {
      const ownA = Math.min(ownPerRound, EDITS - SHARED - seqA);
      const ownB = Math.min(ownPerRound, EDITS - SHARED - seqB);
      const freezeAt = Math.floor(next() * Math.max(1, ownA));
      const stopAt = stopRounds.has(round) ? Math.floor(next() * Math.max(1, ownA)) : -1;
      for (let i = 0; i < Math.max(ownA, ownB); i++) {
        if (i === stopAt && (await driver.stopBackground())) counts.stops++;
        if (i === freezeAt) {
          couch.freeze();
          const batch = shared.slice(sharedIndex, sharedIndex + sharedPerRound);
          sharedIndex += batch.length;
          await Promise.all([
            (async () => {
              for (const edit of batch) await runA({ ...edit, value: { verdict: 'false', note: `a shared ${edit.id}` } });
            })(),
            (async () => {
              for (const edit of batch) await runB({ ...edit, value: Number(edit.id.slice(1)) % 10 === 9 ? 'deleted' : { verdict: 'true', note: `b shared ${edit.id}` } });
            })(),
          ]);
          await sleep(500 + Math.floor(next() * 2_500));
          couch.resume();
          lastResume = Date.now();
        }
        await Promise.all([i < ownA ? runA(own('a', seqA++)) : null, i < ownB ? runB(own('b', seqB++)) : null]);
        if (next() < 0.2) await sleep(Math.floor(next() * 150));
      }
    }
    report.editPhaseSeconds = Math.round((Date.now() - started) / 1000);
    const lastEdit = Date.now();

    // Converged: both sides show the same winners and conflicts, and nothing is left to push.
    const snapshotA = async () => (await driver?.storageGet()) ?? {};
    const summary = (items: Record<string, unknown>) => {
      const out: Record<string, string> = {};
      for (const [key, value] of Object.entries(items)) {
        if (!key.startsWith('page:')) continue;
        for (const annotation of Object.values((value as { annotations: Record<string, { id: string; verdict: string | null; note: string }> }).annotations)) out[`${key}#${annotation.id}`] = `${annotation.verdict}|${annotation.note}`;
      }
      const conflicts = Object.entries((items.teamConflicts as Record<string, Record<string, number>> | undefined) ?? {}).flatMap(([key, ids]) => Object.entries(ids).map(([id, n]) => `${key}#${id}=${n}`));
      return JSON.stringify([Object.entries(out).sort(([x], [y]) => (x < y ? -1 : 1)), conflicts.sort()]);
    };
    let convergedAfter = -1;
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      const itemsA = await snapshotA();
      const pending = Object.keys((itemsA.teamOutbox as object | undefined) ?? {}).length + Object.keys((b.storage.items.teamOutbox as object | undefined) ?? {}).length;
      if (pending === 0 && summary(itemsA) === summary(b.storage.items)) {
        convergedAfter = (Date.now() - lastResume) / 1000;
        report.convergedSecondsAfterLastEdit = (Date.now() - lastEdit) / 1000;
        break;
      }
      await sleep(500);
    }
    running = false;
    await bLoop;
    report.convergedSecondsAfterLastResume = convergedAfter;

    // Every acknowledged edit is the winner or a listed version, on both sides.
    const itemsA = await snapshotA();
    const versionsA = async (page: string, id: string) => a.request<ConflictVersion[]>('team.conflict', { key: page, id });
    const versionsB = (page: string, id: string) => b.resolve.conflictDetails(b.ctx, page, id);
    let lost = 0;
    const lostExamples: string[] = [];
    for (const [who, acked] of [['a', ackedA], ['b', ackedB]] as const) {
      for (const { page, id, value } of acked.values()) {
        for (const side of ['a', 'b'] as const) {
          const record = side === 'a' ? (itemsA[`page:${page}`] as { annotations: Record<string, { verdict: string | null; note: string }> } | undefined) : b.record(page);
          const winner = record?.annotations[id] ?? null;
          if (sameValue(value, winner)) continue;
          const versions = side === 'a' ? await versionsA(page, id) : await versionsB(page, id);
          if (versions.some((version) => sameValue(value, version.annotation))) continue;
          lost++;
          if (lostExamples.length < 5) lostExamples.push(`${who}'s ${id} on ${page} not on ${side}`);
        }
      }
    }
    const conflictsA = Object.values((itemsA.teamConflicts as Record<string, Record<string, number>> | undefined) ?? {}).reduce((n, ids) => n + Object.keys(ids).length, 0);
    const conflictsB = Object.values(b.conflicts()).reduce((n, ids) => n + Object.keys(ids).length, 0);
    Object.assign(report, counts, { colliding: sharedIndex, conflictsA, conflictsB, lostAcknowledged: lost, lostExamples });
    const rows: Array<[string, string]> = [
      ['edits acknowledged (A browser / B node)', `${counts.acknowledgedA} / ${counts.acknowledgedB}`],
      ['edits refused on the way (A / B)', `${counts.failedA} / ${counts.failedB}`],
      ['server freezes (SIGSTOP/SIGCONT)', String(FREEZES)],
      ['background stops (A)', String(counts.stops)],
      ['colliding edits (shared annotations edited by both)', String(sharedIndex)],
      ['conflicts shown (A / B)', `${conflictsA} / ${conflictsB}`],
      ['acknowledged edits lost', String(lost)],
      ['same winners, s after the last resume', convergedAfter < 0 ? 'not within 120 s' : convergedAfter.toFixed(1)],
      ['same winners, s after the last edit', convergedAfter < 0 ? '-' : Number(report.convergedSecondsAfterLastEdit).toFixed(1)],
      ['edit phase, s', String(report.editPhaseSeconds)],
    ];
    process.stdout.write(`\nTeam fault run\n${rows.map(([k, v]) => `| ${k.padEnd(52)} | ${String(v).padStart(16)} |`).join('\n')}\n`);
    writeFileSync(join(__dirname, '..', '..', 'tests', 'e2e', 'artifacts', 'team-fault.json'), JSON.stringify(report, null, 2));
    expect(lost).toBe(0);
    expect(convergedAfter).toBeGreaterThanOrEqual(0);
    expect(conflictsA).toBe(sharedIndex);
    expect(conflictsB).toBe(sharedIndex);
  } finally {
    await driver?.close();
    extension?.remove();
    await couch.close();
  }
});
