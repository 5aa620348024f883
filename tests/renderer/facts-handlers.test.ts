// The facts worker's query handlers, run directly on held facts (no worker): an employee's
// records and exports within the user's scope, and screening on the same held data.
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { generateDemoPlant } from '../../shared/domain/demo/generate.ts';
import { SEED_PROFILE } from '../../shared/domain/screening/profile.ts';
import { storeDemoPlant } from '../../renderer/src/data/facts/demo-store.ts';
import { HeldFacts } from '../../renderer/src/data/facts/held-facts.ts';
import { createUser } from '../../renderer/src/data/records/users-store.ts';
import { recordHandlers } from '../../renderer/src/data/workers/handlers/records.ts';
import { screeningHandlers } from '../../renderer/src/data/workers/handlers/screening.ts';
import type { CallIo } from '../../renderer/src/data/workers/rpc.ts';
import { installedDb } from './helpers.ts';

const io: CallIo = { progress: () => {}, signal: new AbortController().signal, transfer: () => {} };

async function world() {
  const ctx = await installedDb();
  const plant = generateDemoPlant({ employees: 150, seed: 'h', endQuarter: '2026Q3', plant: { code: 'P01', name: '一厂', region: '' } });
  await storeDemoPlant(ctx.db, ctx.actor, plant, 'h');
  const ids = plant.datasets.roster.columns.employeeId as string[];
  const depts = plant.datasets.roster.columns.department as string[];
  const department = depts[0];
  const head = await createUser(ctx.db, ctx.actor, { userName: 'head', displayName: '负责人', role: 'deptHead', department, password: 'a long password 1' }, 1000);
  const inside = ids.find((_, i) => depts[i] === department)!;
  const outside = ids.find((_, i) => depts[i] !== department)!;
  const facts = new HeldFacts();
  return { ...ctx, plant, head, inside, outside, facts, records: recordHandlers(facts), screening: screeningHandlers(facts), department, ids, depts };
}

describe('facts worker handlers', () => {
  it("answers an employee's records, and nothing outside a department head's department", async () => {
    const w = await world();
    const mine = await w.records.employeeRecords({ dbName: w.db.name, userId: w.head.id, employeeId: w.inside });
    expect(mine!.performance.length).toBeGreaterThan(0);
    expect(mine!.performance.every((r) => r.employeeId === w.inside)).toBe(true);
    expect(await w.records.employeeRecords({ dbName: w.db.name, userId: w.head.id, employeeId: w.outside })).toBeNull();
    expect(await w.records.employeeRecords({ dbName: w.db.name, userId: w.actor.userId, employeeId: w.outside })).not.toBeNull();
  });

  it('exports the roster rows asked for, within the scope, as a workbook that reads back', async () => {
    const w = await world();
    const out = await w.records.exportRoster({ dbName: w.db.name, userId: w.head.id, employeeIds: [w.outside, w.inside], format: 'xlsx' }, io);
    expect(out.rows).toBe(1);
    const sheet = XLSX.read(out.bytes).Sheets[XLSX.read(out.bytes).SheetNames[0]];
    expect(XLSX.utils.sheet_to_json<Record<string, string>>(sheet)[0]['工号']).toBe(w.inside);
  });

  it('screens the held facts, narrowed to the department the store gives the user', async () => {
    const w = await world();
    const loaded = await w.screening.screeningLoad({ dbName: w.db.name, userId: w.head.id });
    expect(loaded.info.employees).toBe(150);
    const r = w.screening.screeningEvaluate({ profile: SEED_PROFILE, asOf: '2026-09-30', view: { department: '另一个部门' } });
    const inDept = w.depts.filter((d) => d === w.department).length;
    expect(r.report.population).toBeLessThanOrEqual(inDept);
    expect([...r.report.candidates, ...r.report.nearMisses].every((p) => p.department === w.department)).toBe(true);
    expect(w.screening.screeningRows({ evaluation: r.evaluation, list: 'candidates', from: 0, to: 10 })).not.toBeNull();
    expect(w.screening.screeningRows({ evaluation: r.evaluation + 1, list: 'candidates', from: 0, to: 10 })).toBeNull();
  });

  it('brings the part of the result on screen only, with every count', async () => {
    const w = await world();
    await w.screening.screeningLoad({ dbName: w.db.name, userId: w.actor.userId });
    const q = { profile: SEED_PROFILE, asOf: '2026-09-30', view: {} };
    const every = w.screening.screeningEvaluate(q).report;
    expect(every.nearMisses.length).toBeGreaterThan(0);
    const near = w.screening.screeningEvaluate({ ...q, shown: 'nearMisses' }).report;
    expect(near.nearMisses).toEqual(every.nearMisses);
    expect([near.candidates, near.excluded, near.histograms, near.byDepartment]).toEqual([[], [], [], []]);
    expect([near.candidateCount, near.nearMissCount, near.excludedCount, near.passCounts, near.funnel]).toEqual([every.candidateCount, every.nearMissCount, every.excludedCount, every.passCounts, every.funnel]);
    // On the charts, no list: the distributions.
    const charts = w.screening.screeningEvaluate({ ...q, shown: 'distribution' });
    expect([charts.report.candidates, charts.report.nearMisses, charts.report.excluded, charts.report.byDepartment]).toEqual([[], [], [], []]);
    expect(charts.report.histograms).toEqual(every.histograms);
    expect(w.screening.screeningEvaluate({ ...q, shown: 'departments' }).report.byDepartment).toEqual(every.byDepartment);
    expect(w.screening.screeningRows({ evaluation: charts.evaluation + 1, list: 'candidates', from: 0, to: 5 })).toEqual(every.candidates.slice(0, 5));
  });

  it('warns when a criterion has no data at all in its window, naming it', async () => {
    const w = await world();
    await w.screening.screeningLoad({ dbName: w.db.name, userId: w.actor.userId });
    const early = w.screening.screeningEvaluate({ profile: SEED_PROFILE, asOf: '2019-06-30', view: {} });
    expect(early.warnings.filter((x) => x.code === 'criterionNoData').map((x) => (x as { criterion: string }).criterion)).toEqual(expect.arrayContaining(['coaching']));
    const now = w.screening.screeningEvaluate({ profile: SEED_PROFILE, asOf: '2026-09-30', view: {} });
    expect(now.warnings.some((x) => x.code === 'criterionNoData')).toBe(false);
  });
});

describe('the topic list\'s themes', () => {
  it('are proposed from the needs survey: one per topic, how many asked and from which departments, most asked first', async () => {
    const { db, actor } = await installedDb();
    const { ColumnSetBuilder } = await import('../../shared/domain/facts/columns.ts');
    const { change } = await import('../../renderer/src/data/records/change.ts');
    const { FACT_KINDS, writeBatch } = await import('../../renderer/src/data/facts/fact-store.ts');
    const b = new ColumnSetBuilder('needs');
    for (const [employeeId, department, topic] of [['001', '质量部', '设备点检'], ['002', '设备维修部', '设备点检'], ['003', '质量部', '质量追溯'], ['004', '质量部', '设备点检']]) b.push({ employeeId, department, topic, date: '2026-10-01' });
    await change(db, actor, 'import', FACT_KINDS, (ctx) => writeBatch(ctx, { set: b.build(), fileName: '需求.xlsx', sha256: null, mapping: null, mode: 'insert' }));
    const records = recordHandlers(new HeldFacts());
    expect(await records.topicThemes({ dbName: db.name })).toEqual([
      { theme: '设备点检', asked: 3, departments: ['设备维修部', '质量部'] },
      { theme: '质量追溯', asked: 1, departments: ['质量部'] },
    ]);
  });
});
