import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { datasetCsv, datasetWorkbook, errorReportWorkbook, escapeFormulaText, templateWorkbook, toCsv } from '../../shared/io/export-dataset.ts';
import { selectRows } from '../../shared/domain/facts/columns.ts';
import { generateDemoPlant } from '../../shared/domain/demo/generate.ts';
import { analyseWorkbookBytes } from '../../shared/io/analyse.ts';

describe('exports', () => {
  it('escapes cells that a spreadsheet would run as formulas', () => {
    for (const bad of ['=1+1', '+1', '-2', '@SUM(A1)', '\tx']) expect(escapeFormulaText(bad)).toBe(`'${bad}`);
    expect(escapeFormulaText('张伟')).toBe('张伟');
  });

  it('writes CSV with a UTF-8 BOM, quoting, CRLF and escaped formulas', () => {
    const bytes = toCsv([
      ['工号', '备注'],
      ['000123', '=HYPERLINK("http://x")'],
      ['000124', '含,逗号'],
      ['000125', null],
    ]);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text).toBe('工号,备注\r\n000123,"\'=HYPERLINK(""http://x"")"\r\n000124,"含,逗号"\r\n000125,\r\n');
  });

  it('writes templates that import as their dataset, with an instructions sheet', () => {
    const bytes = templateWorkbook('performance');
    const wb = XLSX.read(bytes);
    expect(wb.SheetNames).toEqual(['绩效考核', '导入说明']);
    const result = analyseWorkbookBytes(bytes, 'template.xlsx');
    expect(result.ok && result.dataset).toBe('performance');
  });

  it('writes an error report with the original rows, text ids and a problem column', () => {
    const bytes = errorReportWorkbook(['工号', '姓名'], [{ row: 2, cells: ['000123', '=cmd'] }, { row: 3, cells: ['000124', '李娜'] }], [{ row: 2, column: 'B', header: '姓名', code: 'required', params: {} }]);
    const ws = XLSX.read(bytes, { dense: true }).Sheets['错误报告'];
    const rows = ws['!data']!.map((r) => r.map((c) => c?.v));
    expect(rows[0]).toEqual(['原行号', '工号', '姓名', '问题']);
    // An .xlsx string cell never runs as a formula: the text stays as the file had it.
    expect(rows[1]).toEqual([2, '000123', '=cmd', '第2行 B列(姓名) 必填']);
    expect(ws['!data']![1][1].t).toBe('s');
    expect(ws['!data']![1][2]).toMatchObject({ t: 's', v: '=cmd' });
    expect(ws['!data']![1][2].f).toBeUndefined();
  });

  it('exports chosen roster rows as .xlsx and CSV that import back to the same values', () => {
    const roster = generateDemoPlant({ employees: 40, seed: 'export', endQuarter: '2026Q3', plant: { code: 'P01', name: '一厂', region: '江苏省' } }).datasets.roster;
    const rows = [7, 0, 39, 12];
    const subset = selectRows(roster, rows);
    expect(subset.length).toBe(4);
    expect(subset.columns.employeeId).toEqual(rows.map((r) => roster.columns.employeeId[r]));
    for (const [bytes, file] of [[datasetWorkbook(subset), '员工名单.xlsx'], [datasetCsv(subset), '员工名单.csv']] as const) {
      const back = analyseWorkbookBytes(bytes, file);
      if (!back.ok) throw new Error(`${file}: ${back.code}`);
      expect(back.dataset).toBe('roster');
      expect(back.issues.filter((i) => i.severity === 'error')).toEqual([]);
      for (const name of Object.keys(subset.columns)) if (name in back.set.columns) expect([file, name, back.set.columns[name]]).toEqual([file, name, subset.columns[name]]);
      expect(back.set.columns.employeeId).toEqual(subset.columns.employeeId);
      expect(back.set.columns.status).toEqual(subset.columns.status);
    }
  });

  it('round-trips names that look like formulas: kept as text in .xlsx, escaped in CSV and unescaped on import', () => {
    const roster = generateDemoPlant({ employees: 20, seed: 'formula', endQuarter: '2026Q3', plant: { code: 'P01', name: '一厂', region: '' } }).datasets.roster;
    const names = ['-1+1_5', '=HYPERLINK("http://x")', '@home', '+86 张伟', "'普通'"];
    const subset = { ...selectRows(roster, [0, 1, 2, 3, 4]) };
    subset.columns = { ...subset.columns, name: names };
    const xlsx = datasetWorkbook(subset);
    const ws = XLSX.read(xlsx, { dense: true });
    const sheet = ws.Sheets[ws.SheetNames[0]]['!data']!;
    const nameCol = sheet[0].findIndex((c) => c?.v === '姓名');
    expect(sheet.slice(1).map((r) => r[nameCol]?.v)).toEqual(names);
    const csvText = new TextDecoder().decode(datasetCsv(subset));
    expect(csvText).toContain("'-1+1_5");
    for (const [bytes, file] of [[xlsx, 'names.xlsx'], [datasetCsv(subset), 'names.csv']] as const) {
      const back = analyseWorkbookBytes(bytes, file);
      if (!back.ok) throw new Error(`${file}: ${back.code}`);
      expect([file, back.set.columns.name]).toEqual([file, names]);
    }
  });
});
