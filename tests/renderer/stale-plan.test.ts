// Two windows: a plan made before another window's commit must not overwrite what that
// commit brought, and the same file committed twice is caught at commit.
import { describe, expect, it } from 'vitest';
import { ColumnSetBuilder, rowAt } from '../../shared/domain/facts/columns.ts';
import type { FailureError } from '../../shared/domain/failure.ts';
import { failureText } from '../../shared/domain/messages.ts';
import { planImport } from '../../shared/domain/facts/plan.ts';
import { commitImport, currentDataset, datasetBasis, undoImport } from '../../renderer/src/data/facts/import-store.ts';
import { installedDb } from './helpers.ts';

function roster(rows: [string, string][]) {
  const b = new ColumnSetBuilder('roster');
  for (const [employeeId, name] of rows) b.push({ employeeId, name, department: '质量部', status: 'active' });
  return b.build();
}

describe('commit re-checks the plan', () => {
  it('refuses a plan made before another window changed the dataset, and writes nothing', async () => {
    const { db, actor } = await installedDb();
    await commitImport(db, actor, { plan: planImport(await currentDataset(db, 'roster'), roster([['001', '张伟']]), 'upsert'), fileName: 'a.xlsx', sha256: 'a', mapping: {}, signature: 's' });
    // Window 1 plans an import…
    const basis = await datasetBasis(db, 'roster');
    const stalePlan = planImport(await currentDataset(db, 'roster'), roster([['001', '张伟（旧）']]), 'upsert');
    // …window 2 commits first…
    await commitImport(db, actor, { plan: planImport(await currentDataset(db, 'roster'), roster([['001', '张伟（新）']]), 'upsert'), fileName: 'b.xlsx', sha256: 'b', mapping: {}, signature: 's', basis: await datasetBasis(db, 'roster') });
    // …and window 1's commit is refused.
    const refused = await commitImport(db, actor, { plan: stalePlan, fileName: 'c.xlsx', sha256: 'c', mapping: {}, signature: 's', basis }).catch((e: unknown) => e);
    expect((refused as FailureError).failure.code).toBe('import.stale');
    expect(failureText((refused as FailureError).failure)).toBe('数据已被其他窗口修改，请重新预览');
    const now = await currentDataset(db, 'roster');
    expect(rowAt(now, 0).name).toBe('张伟（新）');
    expect((await db.factBatches.toArray()).map((b) => b.fileName).sort()).toEqual(['a.xlsx', 'b.xlsx']);
  });

  it('sees an undo in another window as a change too', async () => {
    const { db, actor } = await installedDb();
    const first = await commitImport(db, actor, { plan: planImport(await currentDataset(db, 'roster'), roster([['001', '张伟']]), 'upsert'), fileName: 'a.xlsx', sha256: 'a', mapping: {}, signature: 's' });
    const basis = await datasetBasis(db, 'roster');
    await undoImport(db, actor, first.id);
    const refused = await commitImport(db, actor, { plan: planImport(roster([['001', '张伟']]), roster([['002', '李娜']]), 'insert'), fileName: 'b.xlsx', sha256: 'b', mapping: {}, signature: 's', basis }).catch((e: unknown) => e);
    expect((refused as FailureError).failure.code).toBe('import.stale');
  });

  it('catches the same file committed twice', async () => {
    const { db, actor } = await installedDb();
    const plan = () => currentDataset(db, 'roster').then((c) => planImport(c, roster([['001', '张伟']]), 'upsert'));
    await commitImport(db, actor, { plan: await plan(), fileName: 'same.xlsx', sha256: 'same', mapping: {}, signature: 's' });
    const refused = await commitImport(db, actor, { plan: await plan(), fileName: 'same.xlsx', sha256: 'same', mapping: {}, signature: 's' }).catch((e: unknown) => e);
    expect((refused as FailureError).failure).toEqual({ code: 'import.duplicate', params: { file: 'same.xlsx' } });
    expect(await db.factBatches.count()).toBe(1);
  });
});
