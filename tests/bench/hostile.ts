// Hostile and oversized files for the bench: each is read in a process of its own and must be
// refused (or cut down to its limit) within a time and memory budget; and a genuine
// one-million-row workbook, whose import time and peak memory are reported.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import * as XLSX from 'xlsx';

export interface FileOutcome {
  ok: boolean;
  code: string | null;
  rows: number;
  valid: number;
  issues: number;
  seconds: number;
  maxRssMb: number;
  bytes: number;
}

export function analyseInChild(root: string, file: string, dataset?: string): FileOutcome {
  const out = execFileSync(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', join(root, 'tests/bench/analyse-file.ts'), file, ...(dataset ? [dataset] : [])], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!) as FileOutcome;
}

const roster = (rows: unknown[][]) => {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), '员工档案');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
};

/** The hostile files, written to `dir`, with what each must be refused as. */
export function writeHostileFiles(dir: string): { name: string; path: string; expect: string }[] {
  mkdirSync(dir, { recursive: true });
  const files: { name: string; bytes: Uint8Array; expect: string }[] = [];
  // A 1 MB workbook whose sheet expands to 1 GB of zeros.
  files.push({ name: 'zip-bomb.xlsx', bytes: zipSync({ '[Content_Types].xml': new Uint8Array(10), 'xl/worksheets/sheet1.xml': new Uint8Array(1024 * 1024 * 1024) }, { level: 9 }), expect: 'zipRatio' });
  // 200,000 columns in a 2 MB CSV.
  files.push({ name: 'wide.csv', bytes: new TextEncoder().encode(`${Array.from({ length: 200_000 }, (_, i) => `列${i}`).join(',')}\n${Array.from({ length: 200_000 }, () => '1').join(',')}\n`), expect: 'tooManyColumns' });
  // A 10 MB name.
  files.push({ name: 'huge-cell.csv', bytes: new TextEncoder().encode(`工号,姓名,部门\n000001,${'张'.repeat(10 * 1024 * 1024)},质量部\n000002,李娜,质量部\n`), expect: 'cellTooLong' });
  // A workbook cut in half, and random bytes behind a zip signature.
  const good = roster([['工号', '姓名', '部门'], ...Array.from({ length: 2000 }, (_, i) => [String(i).padStart(6, '0'), `员工${i}`, '质量部'])]);
  files.push({ name: 'truncated.xlsx', bytes: good.subarray(0, Math.floor(good.length / 2)), expect: 'corrupt' });
  const random = new Uint8Array(256 * 1024);
  for (let i = 0; i < random.length; i += 65536) crypto.getRandomValues(random.subarray(i, i + 65536));
  random.set([0x50, 0x4b, 0x03, 0x04]);
  files.push({ name: 'random.xlsx', bytes: random, expect: 'corrupt' });
  return files.map((f) => {
    const path = join(dir, f.name);
    writeFileSync(path, f.bytes);
    return { name: f.name, path, expect: f.expect };
  });
}

/** A roster workbook of `rows` rows as an HR system exports it (~24 MB for a million). */
export function writeMillionRowWorkbook(path: string, rows: number): number {
  const depts = ['生产一车间', '生产二车间', '质量部', '设备维修部', '技术部', '销售部'];
  const data: unknown[][] = [['工号', '姓名', '部门', '岗位', '入职日期', '在职状态']];
  for (let i = 0; i < rows; i++) data.push([String(i).padStart(7, '0'), `员工${i % 9973}`, depts[i % depts.length], '技术员', `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`, '在职']);
  const bytes = roster(data);
  writeFileSync(path, bytes);
  return bytes.length;
}
