import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as XLSX from 'xlsx';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-run.ts';
import { generateFixtures, OUT } from '../fixtures/import/generate.ts';

generateFixtures();
const file = (name: string) => join(OUT, name);

const run = runCli;

describe('xinhuo check', () => {
  it('prints the documented JSON shape and exits 1 when rows have errors', async () => {
    const r = await run(['check', file('roster-title-rows.xlsx'), '--json', '--records']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(Object.keys(report)).toEqual(['file', 'format', 'sheet', 'headerRow', 'dataset', 'mapping', 'rows', 'valid', 'issues', 'records']);
    expect(report).toMatchObject({ file: 'roster-title-rows.xlsx', format: 'xlsx', sheet: '花名册', headerRow: 3, dataset: 'roster', rows: 5, valid: 3 });
    expect(report.mapping).toMatchObject({ employeeId: '工号', name: '姓名', status: '在职状态' });
    expect(report.issues[0]).toEqual({ severity: 'warning', row: 4, column: 'A', header: '工号', field: 'employeeId', code: 'idPadded', message: expect.stringContaining('第4行 A列(工号)') });
    expect(report.records[0]).toEqual(expect.objectContaining({ row: 4, employeeId: '000123', hireDate: '2015-03-01', status: 'active' }));
  });

  it('prints list fields such as certificates as JSON arrays', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xinhuo-check-'));
    const path = join(dir, 'roster-certs.xlsx');
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['工号', '姓名', '部门', '职业资格证书'], ['000101', '张伟', '设备维修部', '高级技师，安全员'], ['000102', '李娜', '质量部', null]]), '员工档案');
    writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const r = await run(['check', path, '--json', '--records']);
    expect(r.code).toBe(0);
    const records = JSON.parse(r.out).records;
    expect(records[0].certificates).toEqual(['高级技师', '安全员']);
    expect(records[1].certificates).toEqual([]);
  });

  it('includes the encoding for text files and exits 0 without row errors', async () => {
    const r = await run(['check', file('roster-gbk.csv'), '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({ format: 'csv', encoding: 'gb18030', rows: 3, valid: 3, issues: [] });
    expect(report.records).toBeUndefined();
  });

  it('exits 2 with a message naming the file for unreadable files', async () => {
    const r = await run(['check', file('encrypted.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('encrypted.xlsx');
    expect(r.err).toContain('密码');
    const en = await run(['check', file('truncated.xlsx'), '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.err).toContain('truncated.xlsx is damaged');
    const missing = await run(['check', '/nonexistent/x.xlsx']);
    expect(missing.code).toBe(2);
  });

  it('honours --dataset and --sheet, and reports in readable Chinese without --json', async () => {
    const r = await run(['check', file('hidden.xlsx'), '--sheet', '员工']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('工作表“员工”');
    expect(r.out).toContain('含 1 行隐藏行');
    const bad = await run(['check', file('hidden.xlsx'), '--dataset', 'nonsense']);
    expect(bad.code).toBe(2);
    const forced = await run(['check', file('roster-utf8.csv'), '--dataset', 'performance', '--json']);
    expect(forced.code).toBe(1);
    expect(JSON.parse(forced.out).issues.some((i: { code: string }) => i.code === 'missingColumns')).toBe(true);
  });

  it('reads a demo workbook it wrote itself with no issues', async () => {
    const dir = join(OUT, 'demo');
    expect((await run(['demo', '--employees', '60', '--seed', '3', '--out', dir, '--end-quarter', '2026Q3'])).code).toBe(0);
    for (const f of ['roster', 'performance', 'ratings', 'activities', 'certificates']) {
      const r = await run(['check', join(dir, `${f}.xlsx`), '--json']);
      const report = JSON.parse(r.out);
      expect([f, r.code, report.issues]).toEqual([f, 0, []]);
      expect(report.dataset).toBe(f);
    }
    expect(readFileSync(join(dir, 'roster.xlsx')).length).toBeGreaterThan(0);
  });
});

describe('xinhuo check under a memory limit', () => {
  it('stops a parse that needs more heap than --max-memory, names the file and the limit, and exits 2', async () => {
    const { bigRosterWorkbook } = await import('../fixtures/import/big-roster.ts');
    const dir = mkdtempSync(join(tmpdir(), 'xinhuo-memory-'));
    const path = join(dir, '大花名册.xlsx');
    writeFileSync(path, bigRosterWorkbook(20_000));
    const capped = await runCli(['check', '--max-memory', '32', path]);
    expect(capped.code).toBe(2);
    expect(capped.err).toContain('读取 大花名册.xlsx 所需内存超过上限 32 MB，已停止');
    const en = await runCli(['check', '--lang', 'en', '--max-memory', '32', path]);
    expect(en.err).toContain('Reading 大花名册.xlsx needed more than 32 MB of memory');
    const whole = await runCli(['check', '--json', path]);
    expect(whole.code).toBe(0);
    expect(JSON.parse(whole.out)).toMatchObject({ rows: 20_000, valid: 20_000 });
    expect((await runCli(['check', '--max-memory', 'lots', path])).code).not.toBe(0);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
