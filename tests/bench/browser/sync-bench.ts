// Bundle benchmarks inside Chromium against its real IndexedDB (tests/bench/run.ts drives
// them and reads the figures): export, verify and merge of a bundle against gzip + JSON of the
// same records, a head office merging a whole group, and screening the group.

import Dexie from 'dexie';
import { gunzipSync, gzipSync } from 'fflate';
import { fromUtf8, utf8 } from '../../../shared/bundle/encoding.ts';
import { openBundle, readBundle, verifyBundle } from '../../../shared/bundle/format.ts';
import { createOrg, type OrgSecrets } from '../../../shared/bundle/keys.ts';
import { exportSync, receive, type ReceivedFile } from '../../../shared/bundle/replica.ts';
import { plantReplica } from '../../../shared/bundle/setup.ts';
import { demoPlantName } from '../../../shared/bundle/demo-series.ts';
import { generateDemoPlant } from '../../../shared/domain/demo/generate.ts';
import { DATASETS } from '../../../shared/domain/facts/datasets.ts';
import { SEED_PROFILE, type Profile } from '../../../shared/domain/screening/profile.ts';
import { buildReport } from '../../../shared/domain/screening/report.ts';
import { FACT_KINDS, writeBatch } from '../../../shared/records/facts.ts';
import type { Draft } from '../../../shared/records/store.ts';
import { runChange } from '../../../shared/records/store.ts';
import { XinhuoDb } from '../../../renderer/src/data/db/db.ts';
import { FIRST_PAGE } from '../../../renderer/src/data/workers/screening-protocol.ts';
import { HeldFacts } from '../../../renderer/src/data/facts/held-facts.ts';
import { recordStore } from '../../../renderer/src/data/records/change.ts';
import { setUp } from '../../../renderer/src/data/records/installation.ts';

async function hqDb(name: string, iterations?: number) {
  await Dexie.delete(name);
  const db = new XinhuoDb(name);
  const { admin } = await setUp(db, { orgName: '基准集团', role: 'hq', plant: null, admin: { userName: 'bench', displayName: 'bench', password: 'bench-password' } }, iterations);
  return { db, actor: { userId: admin.id, userName: admin.userName } };
}

function pipelineDraft(i: number): Draft<'pipeline'> {
  const at = '2026-11-20T08:00:00.000Z';
  return { employeeId: String(100000 + i), name: `员工${i}`, department: `部门${i % 40}`, stage: 'shortlisted', history: [{ from: null, to: 'shortlisted', at, userId: 'u', userName: 'officer' }], runId: 'run-1', source: 'candidate', profileName: SEED_PROFILE.name, profileVersion: 1, asOf: '2026-09-30', createdAt: at, updatedAt: at };
}

let group: { org: OrgSecrets; files: ReceivedFile[]; factRows: number } | null = null;

export const syncApi = {
  /** One plant's bundle of `n` records: export, verify (and read), merge into IndexedDB; and gzip + JSON of the same records. */
  async bundleMerge(n: number) {
    const org = createOrg('基准集团');
    const p = await plantReplica(org, { code: 'B01', name: '基准厂', region: '' });
    await runChange(p.store, p.actor, 'pipeline', ['pipeline'], async (ctx) => {
      for (let i = 0; i < n; i += 5000) await ctx.put('pipeline', ...Array.from({ length: Math.min(5000, n - i) }, (_, k) => pipelineDraft(i + k)));
    });
    const records = await p.store.list('pipeline');
    let t = performance.now();
    const ex = (await exportSync(p.store, p.actor, p.keys, { snapshot: true }))!;
    const exportMs = performance.now() - t;
    t = performance.now();
    const gz = gzipSync(utf8(JSON.stringify(records)), { level: 6 });
    const baseExportMs = performance.now() - t;
    t = performance.now();
    const opened = openBundle(ex.bytes);
    if (!opened.ok || !verifyBundle(opened.value, { org: org.org }).ok) throw new Error('bundle does not verify');
    const read = await readBundle(opened.value, org.keys.box);
    if (!read.ok) throw new Error(read.failure.code);
    const verifyMs = performance.now() - t;
    const hq = await hqDb('bench-sync-hq', 1000);
    t = performance.now();
    const report = await receive(recordStore(hq.db), hq.actor, [{ name: ex.fileName, bytes: ex.bytes }], { org: org.org }, org.keys.box);
    const mergeMs = performance.now() - t;
    if (report.applied.length !== 1) throw new Error(JSON.stringify(report));
    const stored = await hq.db.pipeline.count();
    hq.db.close();
    const base = await hqDb('bench-sync-base', 1000);
    t = performance.now();
    const rows = JSON.parse(fromUtf8(gunzipSync(gz))) as typeof records;
    await base.db.pipeline.bulkPut(rows);
    const baseMergeMs = performance.now() - t;
    base.db.close();
    return { records: n, stored, exportMs, baseExportMs, verifyMs, mergeMs, baseMergeMs, bundleBytes: ex.bytes.length, gzipBytes: gz.length };
  },

  /** Each plant's snapshot bundle: `plants` plants of `employees` employees with twelve quarters. */
  async makeGroup(plants: number, employees: number) {
    const org = createOrg('基准集团');
    const files: ReceivedFile[] = [];
    let factRows = 0;
    for (let i = 0; i < plants; i++) {
      const code = `P${String(i + 1).padStart(2, '0')}`;
      const name = demoPlantName(i);
      const p = await plantReplica(org, { code, name, region: '' });
      const demo = generateDemoPlant({ employees, seed: `group-${code}`, endQuarter: '2026Q3', plant: { code, name, region: '' } });
      await runChange(p.store, p.actor, 'import', FACT_KINDS, async (ctx) => {
        for (const [dataset, set] of Object.entries(demo.datasets)) {
          factRows += set.length;
          await writeBatch(ctx, { set, fileName: `${name}-${DATASETS[dataset as keyof typeof DATASETS].zh}.xlsx`, sha256: null, mapping: null, mode: 'demo' });
        }
      });
      const ex = (await exportSync(p.store, p.actor, p.keys, { snapshot: true }))!;
      files.push({ name: ex.fileName, bytes: ex.bytes });
    }
    group = { org, files, factRows };
    return { bundles: files.length, factRows, bytes: files.reduce((n, f) => n + f.bytes.length, 0) };
  },

  /** Head office (database `xinhuo`, the app's) merges the whole group. Sign-in uses the real PBKDF2 cost. */
  async mergeGroup() {
    const g = group!;
    const hq = await hqDb('xinhuo');
    const t = performance.now();
    const report = await receive(recordStore(hq.db), hq.actor, g.files, { org: g.org.org }, g.org.keys.box);
    const ms = performance.now() - t;
    hq.db.close();
    if (report.applied.length !== g.files.length) throw new Error(JSON.stringify({ held: report.held, rejected: report.rejected }));
    return { ms, factRows: g.factRows };
  },

  /** Screening the whole group at head office: a threshold step as the facts worker answers it. */
  async groupScreening(steps: number) {
    const held = new HeldFacts();
    await held.ensure('xinhuo');
    const { data, screener } = held.screeningSnapshot();
    const profile = (value: number): Profile => ({ ...SEED_PROFILE, criteria: SEED_PROFILE.criteria.map((c) => (c.id === 'coaching' ? { ...c, value } : c)) });
    buildReport(data, screener.evaluate(profile(4.5), '2026-09-30'), FIRST_PAGE);
    const times: number[] = [];
    for (let i = 0; i < steps; i++) {
      const t = performance.now();
      buildReport(data, screener.evaluate(profile(i % 2 ? 4.5 : 4.6), '2026-09-30'), FIRST_PAGE);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return { employees: data.n, median: times[Math.floor(times.length / 2)], max: times.at(-1)! };
  },
};
