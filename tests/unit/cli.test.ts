import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import * as XLSX from 'xlsx';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe('xinhuo CLI', () => {
  it('lists its commands with --help, in Chinese by default and English with --lang en', async () => {
    const zh = capture();
    expect(await main(['--help'], zh.io)).toBe(0);
    expect(zh.out.join('\n')).toContain('demo');
    expect(zh.out.join('\n')).toContain('生成示例工厂数据');
    const en = capture();
    expect(await main(['--help', '--lang', 'en'], en.io)).toBe(0);
    expect(en.out.join('\n')).toContain('generate a demo plant');
  });

  it('reports an unknown command on stderr with exit code 2', async () => {
    const c = capture();
    expect(await main(['frobnicate'], c.io)).toBe(2);
    expect(c.out).toEqual([]);
    expect(c.err[0]).toContain('未知命令：frobnicate');
    const en = capture();
    expect(await main(['--lang', 'en', 'frobnicate'], en.io)).toBe(2);
    expect(en.err[0]).toContain('Unknown command: frobnicate');
  });

  it('validates demo options', async () => {
    const c = capture();
    expect(await main(['demo', '--seed', '1', '--out', '/tmp/x'], c.io)).toBe(2);
    expect(c.err[0]).toContain('--employees');
    const d = capture();
    expect(await main(['demo', '--employees', '12abc', '--seed', '1', '--out', '/tmp/x'], d.io)).toBe(2);
    expect(d.err[0]).toContain('12abc');
    const e = capture();
    expect(await main(['demo', '--employees', '100', '--seed', '1', '--out', '/tmp/x', '--bogus'], e.io)).toBe(2);
    expect(e.err[0]).toContain('参数错误');
  });

  it('writes the demo plant as five workbooks, identical for the same seed', async () => {
    const a = await mkdtemp(join(tmpdir(), 'xinhuo-demo-'));
    const b = await mkdtemp(join(tmpdir(), 'xinhuo-demo-'));
    dirs.push(a, b);
    for (const dir of [a, b]) {
      const c = capture();
      expect(await main(['demo', '--employees', '200', '--seed', 'S', '--out', dir, '--end-quarter', '2026Q3'], c.io)).toBe(0);
      expect(c.out[0]).toContain('200 名员工');
    }
    expect((await readdir(a)).sort()).toEqual(['activities.xlsx', 'certificates.xlsx', 'performance.xlsx', 'ratings.xlsx', 'roster.xlsx']);
    for (const f of await readdir(a)) {
      const sa = XLSX.read(await readFile(join(a, f)), { dense: true });
      const sb = XLSX.read(await readFile(join(b, f)), { dense: true });
      expect(XLSX.utils.sheet_to_csv(sa.Sheets[sa.SheetNames[0]])).toBe(XLSX.utils.sheet_to_csv(sb.Sheets[sb.SheetNames[0]]));
    }
    const roster = XLSX.read(await readFile(join(a, 'roster.xlsx')), { dense: true });
    expect(roster.SheetNames).toEqual(['员工档案']);
    expect(roster.Sheets['员工档案']['!data']![1][0]).toMatchObject({ t: 's', v: '000001' });
  });

  it('runs as the installed bin through npx-style invocation', async () => {
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, ['cli/bin/xinhuo.mjs', '--help', '--lang', 'en'], { cwd: process.cwd() });
    expect(stdout).toContain('Usage: xinhuo');
    await expect(run(process.execPath, ['cli/bin/xinhuo.mjs', 'nope'], { cwd: process.cwd() })).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('未知命令') });
  });
});
