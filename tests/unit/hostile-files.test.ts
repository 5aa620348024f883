// Hostile and oversized files are refused before they are inflated or parsed, with a message
// that names the file and the limit; broken files say what is wrong in the reader's words.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { analyseWorkbookBytes, failureMessage } from '../../shared/io/analyse.ts';
import { issueMessage } from '../../shared/io/messages.ts';
import { checkZip, declaresHiddenRows, hasHiddenRow, LIMITS } from '../../shared/io/limits.ts';
import { readWorkbook } from '../../shared/io/read-file.ts';
import { runCli } from './cli-run.ts';
import { generateFixtures, OUT } from '../fixtures/import/generate.ts';

generateFixtures();
const dir = mkdtempSync(join(tmpdir(), 'xinhuo-hostile-'));
const write = (name: string, bytes: Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};
const workbook = (rows: unknown[][]) => {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), '员工档案');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
};

/** A small zip whose directory says its one entry expands to `declared` bytes. */
function lyingZip(declared: number): Uint8Array {
  const zip = zipSync({ 'xl/worksheets/sheet1.xml': new TextEncoder().encode('<worksheet/>') });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 4 <= zip.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, declared, true); // local header
    if (sig === 0x02014b50) view.setUint32(i + 24, declared, true); // central directory
  }
  return zip;
}

describe('zip bombs', () => {
  it('refuses an entry compressed far beyond any spreadsheet, before inflating it', () => {
    const bomb = zipSync({ '[Content_Types].xml': new Uint8Array(10), 'xl/worksheets/sheet1.xml': new Uint8Array(64 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const r = readWorkbook(bomb, 'bomb.xlsx');
    expect(r).toMatchObject({ ok: false, code: 'zipRatio', params: { file: 'bomb.xlsx', entry: 'xl/worksheets/sheet1.xml', limit: String(LIMITS.ratio) } });
  });

  it('refuses a zip whose entries add up past the total limit', () => {
    const r = checkZip(lyingZip(LIMITS.uncompressedBytes + 1), 'huge.xlsx');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.code).toMatch(/zipTooLarge|zipRatio/);
  });

  it('says so in Chinese and English through xinhuo check, naming the file and the limit, and exits 2', async () => {
    const path = write('炸弹.xlsx', zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(32 * 1024 * 1024) }, { level: 9 }));
    const zh = await runCli(['check', path]);
    expect(zh.code).toBe(2);
    expect(zh.err).toContain('炸弹.xlsx');
    expect(zh.err).toContain(`${LIMITS.ratio}:1`);
    expect(zh.err).toContain('压缩炸弹');
    const en = await runCli(['check', path, '--lang', 'en']);
    expect(en.err).toContain('zip bomb');
  });

  it('lets real workbooks through', () => {
    expect(checkZip(workbook([['工号', '姓名', '部门'], ['000101', '张伟', '质量部']]), 'ok.xlsx').ok).toBe(true);
  });
});

describe('wide, long and huge sheets', () => {
  it('refuses a sheet with more columns than the limit before matching any header', () => {
    const header = Array.from({ length: LIMITS.columns + 500 }, (_, i) => `列${i}`).join(',');
    const csv = new TextEncoder().encode(`${header}\r\n${'1,'.repeat(LIMITS.columns + 499)}1\r\n`);
    const r = analyseWorkbookBytes(csv, 'wide.csv');
    expect(r).toMatchObject({ ok: false, code: 'tooManyColumns' });
    expect(!r.ok && failureMessage(r)).toBe(`文件 wide.csv 的工作表“Sheet1”有 ${LIMITS.columns + 500} 列，超过上限 ${LIMITS.columns} 列，请删除多余的列后再导入`);
  });

  it('refuses a 1 MB name as too long, on its cell, and keeps the other rows', () => {
    // Excel itself stops at 32,767 characters a cell; a CSV has no such limit.
    const csv = new TextEncoder().encode(`工号,姓名,部门\r\n000101,${'x'.repeat(1_000_000)},质量部\r\n000102,李娜,质量部\r\n`);
    const r = analyseWorkbookBytes(csv, 'huge-cell.csv');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.valid).toBe(1);
    expect(issueMessage(r.issues.find((i) => i.code === 'cellTooLong')!)).toBe('第2行 B列(姓名) 内容过长（1000000 个字符，此列最多 2000 个）');
  });

  it('matches a huge header cell without reading all of it', () => {
    const csv = new TextEncoder().encode(`工号,姓名,部门,${'备注'.repeat(500_000)}\r\n000101,张伟,质量部,\r\n`);
    const r = analyseWorkbookBytes(csv, 'huge-header.csv');
    expect(r.ok).toBe(true);
    expect(r.ok && r.headers[3].length).toBeLessThanOrEqual(200);
  });
});

describe('broken files', () => {
  it('calls random bytes behind a zip signature damaged, not password-protected', () => {
    const bytes = new Uint8Array(5000).map((_, i) => (i * 7919 + 13) % 251);
    bytes.set([0x50, 0x4b, 0x03, 0x04]);
    const r = analyseWorkbookBytes(bytes, 'random.xlsx');
    expect(r).toMatchObject({ ok: false, code: 'corrupt' });
    expect(!r.ok && failureMessage(r)).toBe('文件 random.xlsx 已损坏或不完整，无法读取。请在 Excel 或 WPS 中打开确认后另存，再导入');
    expect(!r.ok && r.detail).toBeTruthy();
  });

  it('calls a truncated or empty .xls damaged, with the library text kept aside', () => {
    const xls = new Uint8Array(readFileSync(join(OUT, 'roster.xls')));
    for (const bytes of [xls.slice(0, 2000), (() => { const b = new Uint8Array(3000); b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]); return b; })()]) {
      const r = analyseWorkbookBytes(bytes, 'broken.xls');
      expect(r).toMatchObject({ ok: false, code: 'corrupt' });
      expect(!r.ok && failureMessage(r)).not.toMatch(/Cannot|undefined|Unsupported/);
    }
  });

  it('still knows a password-protected workbook', () => {
    const r = analyseWorkbookBytes(new Uint8Array(readFileSync(join(OUT, 'encrypted.xlsx'))), 'encrypted.xlsx');
    expect(r).toMatchObject({ ok: false, code: 'encrypted' });
  });
});

describe('hidden rows without the slow style pass', () => {
  it('finds hidden rows in the sheet XML, and none in a plain workbook', () => {
    expect(declaresHiddenRows(new Uint8Array(readFileSync(join(OUT, 'hidden.xlsx'))))).toBe(true);
    expect(declaresHiddenRows(workbook([['工号'], ['000101']]))).toBe(false);
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(hasHiddenRow(enc('<sheetData><row r="2" spans="1:3" hidden="1"><c r="A2"/></row>'))).toBe(true);
    expect(hasHiddenRow(enc('<cols><col min="1" max="1" hidden="1"/></cols><row r="2">'))).toBe(false);
    expect(hasHiddenRow(enc('<row r="2" hidden="0">'))).toBe(false);
  });

  it('still reports the hidden rows of a workbook that has them', () => {
    const r = analyseWorkbookBytes(new Uint8Array(readFileSync(join(OUT, 'hidden.xlsx'))), 'hidden.xlsx');
    expect(r.ok && r.hiddenRows).toBe(1);
  });
});
