import { describe, expect, it } from 'vitest';
import { generateDemoPlant } from '../../shared/domain/demo/generate.ts';
import { ColumnSetBuilder, rowAt } from '../../shared/domain/facts/columns.ts';
import { change } from '../../renderer/src/data/records/change.ts';
import { storeDemoPlant } from '../../renderer/src/data/facts/demo-store.ts';
import { BLOCK_ROWS, dropBatch, FACT_KINDS, writeBatch } from '../../renderer/src/data/facts/fact-store.ts';
import { buildFactModel, loadDataset } from '../../renderer/src/data/facts/fact-model.ts';
import { buildPeopleHere } from '../../renderer/src/data/facts/people-build.ts';
import { HeldFacts } from '../../renderer/src/data/facts/held-facts.ts';
import { installedDb } from './helpers.ts';

function roster(rows: [string, string, string][]) {
  const b = new ColumnSetBuilder('roster');
  for (const [employeeId, name, department] of rows) b.push({ employeeId, name, department, status: 'active' });
  return b.build();
}

describe('fact block store', () => {
  it('writes a batch as blocks of at most BLOCK_ROWS rows with envelopes and an audit entry', async () => {
    const { db, actor, installation } = await installedDb();
    const b = new ColumnSetBuilder('performance');
    const n = BLOCK_ROWS * 2 + 5;
    for (let i = 0; i < n; i++) b.push({ employeeId: String(i).padStart(6, '0'), period: '2024Q1', score: i % 100 });
    const record = await change(db, actor, 'import', FACT_KINDS, (ctx) => writeBatch(ctx, { set: b.build(), fileName: '绩效.xlsx', sha256: 'abc', mapping: null, mode: 'insert' }));
    const blocks = await db.factBlocks.where('batch').equals(record.id).sortBy('index');
    expect(blocks.map((x) => x.rowCount)).toEqual([BLOCK_ROWS, BLOCK_ROWS, 5]);
    expect(blocks.every((x) => x.origin === installation.originId && x.partition === 'plant:P01' && x.batch === record.id)).toBe(true);
    expect(blocks[0].meta).toMatchObject({ periodMin: '2024Q1', periodMax: '2024Q1' });
    expect(record).toMatchObject({ dataset: 'performance', blockCount: 3, counts: { rows: n }, userName: 'admin' });
    const audit = await db.audit.where('action').equals('import.batch').toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0].params).toMatchObject({ dataset: 'performance', file: '绩效.xlsx', rows: n, mode: 'insert' });
    const set = await loadDataset(db, 'performance');
    expect(set.length).toBe(n);
    expect(rowAt(set, n - 1)).toMatchObject({ employeeId: String(n - 1).padStart(6, '0'), score: (n - 1) % 100 });
  });

  it('resolves the latest batch per key, and undo returns the model exactly to its previous state', async () => {
    const { db, actor } = await installedDb();
    const write = (rows: [string, string, string][]) => change(db, actor, 'import', FACT_KINDS, (ctx) => writeBatch(ctx, { set: roster(rows), fileName: 'r.xlsx', sha256: null, mapping: null, mode: 'upsert' }));
    await write([['001', '张三', '质量部'], ['002', '李四', '销售部']]);
    const before = await loadDataset(db, 'roster');
    const second = await write([['002', '李四', '客户服务部'], ['003', '王五', '行政部']]);
    const after = await loadDataset(db, 'roster');
    const byId = (set: typeof after) => Object.fromEntries([...Array(set.length).keys()].map((i) => rowAt(set, i)).map((r) => [r.employeeId, r.department]));
    expect(byId(after)).toEqual({ '001': '质量部', '002': '客户服务部', '003': '行政部' });
    await change(db, actor, 'import', FACT_KINDS, (ctx) => dropBatch(ctx, second.id));
    expect(await loadDataset(db, 'roster')).toEqual(before);
    expect(await db.factBlocks.where('batch').equals(second.id).count()).toBe(0);
    // The undone batch stays as a tombstone, so that the undo can travel to head office.
    expect(await db.factBatches.get(second.id)).toMatchObject({ deleted: true });
  });

  it('writes nothing when a transaction fails half-way', async () => {
    const { db, actor } = await installedDb();
    const auditBefore = await db.audit.count();
    await expect(
      change(db, actor, 'import', FACT_KINDS, async (ctx) => {
        await writeBatch(ctx, { set: roster([['001', '张三', '质量部']]), fileName: 'a.xlsx', sha256: null, mapping: null, mode: 'insert' });
        throw new Error('killed mid-commit');
      }),
    ).rejects.toThrow('killed mid-commit');
    expect(await db.factBatches.count()).toBe(0);
    expect(await db.factBlocks.count()).toBe(0);
    expect(await db.audit.count()).toBe(auditBefore);
  });
});

describe('demo plant in the store, the UI model and the held facts', () => {
  it('stores all five datasets as batches in one transaction; the UI model holds the roster only', async () => {
    const { db, actor } = await installedDb();
    const plant = generateDemoPlant({ employees: 300, seed: '7', endQuarter: '2026Q3', plant: { code: 'P01', name: '华东第一制造厂', region: '江苏省' } });
    await storeDemoPlant(db, actor, plant, '7');
    expect((await db.factBatches.toArray()).map((b) => b.dataset).sort()).toEqual(['activities', 'certificates', 'performance', 'ratings', 'roster']);
    const published: number[] = [];
    const model = await buildFactModel(db, 1, buildPeopleHere(async () => (name) => name.slice(0, 1)), (m) => published.push(m.people?.length ?? -1));
    expect(published).toEqual([300]);
    expect(model.people!.length).toBe(300);
    // The UI thread keeps only what the people list needs; the rest is held in the facts worker.
    expect(Object.keys(model).sort()).toEqual(['batches', 'people', 'version']);
    expect((await db.audit.where('action').equals('demo.load').toArray())[0].params).toMatchObject({ seed: '7', employees: 300 });
  });

  it('holds every dataset once, answers an employee through its index, and reloads only when the batches change', async () => {
    const { db, actor } = await installedDb();
    const plant = generateDemoPlant({ employees: 120, seed: '9', endQuarter: '2026Q3', plant: { code: 'P01', name: '一厂', region: '' } });
    await storeDemoPlant(db, actor, plant, '9');
    const facts = new HeldFacts();
    await facts.ensure(db.name);
    expect(facts.version).toBe(1);
    expect(facts.datasets.performance.length).toBe(plant.datasets.performance.length);
    const id = plant.datasets.roster.columns.employeeId[5] as string;
    const ids = plant.datasets.performance.columns.employeeId as (string | null)[];
    const naive = ids.filter((x) => x === id).length;
    expect(naive).toBeGreaterThan(0);
    expect(facts.rowsOf('performance', id)).toHaveLength(naive);
    expect(facts.rowsOf('performance', id).every((r) => r.employeeId === id)).toBe(true);
    expect(facts.screeningSnapshot().data.n).toBe(120);
    // Nothing changed: no reload.
    await facts.ensure(db.name);
    expect(facts.version).toBe(1);
    // An import changes the live batches: the next query sees it.
    await change(db, actor, 'import', FACT_KINDS, (ctx) => writeBatch(ctx, { set: roster([['999001', '新员工', '质量部']]), fileName: 'r.xlsx', sha256: null, mapping: null, mode: 'upsert' }));
    await facts.ensure(db.name);
    expect(facts.version).toBe(2);
    expect(facts.datasets.roster.length).toBe(121);
  });
});
