// A file with fewer columns must leave the columns it lacks alone: importing 工号, 姓名, 部门
// over a full roster keeps every hire date, manager, region, certificate and 离职 status.
// Only a cell that is present and empty clears a value.
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { rowAt, type ColumnSet } from '../../shared/domain/facts/columns.ts';
import { planImport, type ImportMode } from '../../shared/domain/facts/plan.ts';
import { analyseWorkbookBytes } from '../../shared/io/analyse.ts';
import { commitImport, currentDataset, undoImport } from '../../renderer/src/data/facts/import-store.ts';
import { installedDb } from './helpers.ts';

function workbook(rows: (string | null)[][]): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet(rows);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '员工档案');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

const FULL = [
  ['工号', '姓名', '部门', '直接上级工号', '入职日期', '在职状态', '离职日期', '地区', '职业资格证书'],
  ['000101', '张伟', '设备维修部', '000900', '2012-03-01', '在职', null, '江苏省', '高级技师'],
  ['000102', '李娜', '质量部', '000901', '2015-07-15', '离职', '2025-06-30', '浙江省', '高级工程师'],
  ['000103', '王强', '销售部', null, '2019-01-02', '在职', null, '上海市', null],
];

async function importFile(ctx: Awaited<ReturnType<typeof installedDb>>, bytes: Uint8Array, name: string, mode: ImportMode = 'upsert') {
  const analysis = analyseWorkbookBytes(bytes, name, { dataset: 'roster' });
  if (!analysis.ok) throw new Error(analysis.code);
  const plan = planImport(await currentDataset(ctx.db, 'roster'), analysis.set, mode);
  const record = await commitImport(ctx.db, ctx.actor, { plan, fileName: name, sha256: name, mapping: {}, signature: name });
  return { plan, record };
}

function byId(set: ColumnSet): Record<string, Record<string, string | number | null>> {
  const out: Record<string, Record<string, string | number | null>> = {};
  for (let i = 0; i < set.length; i++) {
    const row = rowAt(set, i);
    out[String(row.employeeId)] = row;
  }
  return out;
}

describe('a file with fewer columns', () => {
  it('leaves the stored values of the columns it lacks alone and says so in the plan', async () => {
    const ctx = await installedDb();
    await importFile(ctx, workbook(FULL), 'full.xlsx');
    const before = byId(await currentDataset(ctx.db, 'roster'));

    const partial = workbook([
      ['工号', '姓名', '部门'],
      ['000101', '张伟', '设备维修部'],
      ['000102', '李娜', '质量部'],
      ['000103', '王强', '客户服务部'],
    ]);
    const { plan, record } = await importFile(ctx, partial, 'partial.xlsx');
    expect(plan.counts).toMatchObject({ added: 0, updated: 1, unchanged: 2 });
    expect(plan.changes).toEqual([{ key: '000103', field: 'department', before: '销售部', after: '客户服务部' }]);
    expect(plan.absent).toEqual(expect.arrayContaining(['hireDate', 'managerId', 'region', 'certificates', 'status', 'leaveDate']));
    expect(plan.absent).not.toContain('department');

    const after = byId(await currentDataset(ctx.db, 'roster'));
    expect(after['000103']).toEqual({ ...before['000103'], department: '客户服务部' });
    expect(after['000101']).toEqual(before['000101']);
    expect(after['000102']).toEqual(before['000102']);
    expect(after['000102'].status).toBe('departed');
    expect(after['000102'].leaveDate).toBe('2025-06-30');

    // Undoing the partial file gives back exactly the full roster.
    await undoImport(ctx.db, ctx.actor, record.id);
    expect(byId(await currentDataset(ctx.db, 'roster'))).toEqual(before);
    ctx.db.close();
  });

  it('clears a value only where the column is present and the cell is empty', async () => {
    const ctx = await installedDb();
    await importFile(ctx, workbook(FULL), 'full.xlsx');
    await importFile(ctx, workbook([
      ['工号', '姓名', '部门', '地区'],
      ['000101', '张伟', '设备维修部', null],
      ['000102', '李娜', '质量部', '浙江省'],
    ]), 'regions.xlsx');
    const after = byId(await currentDataset(ctx.db, 'roster'));
    expect(after['000101'].region).toBeNull();
    expect(after['000101'].hireDate).toBe('2012-03-01');
    expect(after['000102'].region).toBe('浙江省');
    expect(after['000103'].region).toBe('上海市');
    ctx.db.close();
  });

  it('gives a person first seen in a partial file empty values for the columns it lacks', async () => {
    const ctx = await installedDb();
    await importFile(ctx, workbook(FULL), 'full.xlsx');
    await importFile(ctx, workbook([['工号', '姓名', '部门'], ['000104', '赵敏', '行政部']]), 'new.xlsx');
    const after = byId(await currentDataset(ctx.db, 'roster'));
    expect(after['000104']).toMatchObject({ name: '赵敏', department: '行政部', hireDate: null, region: null });
    expect(Object.keys(after)).toHaveLength(4);
    ctx.db.close();
  });
});
