// Writes fact datasets as the workbooks an HR system exports: Chinese headers, 工号 as text
// cells (leading zeros kept), real date cells, percentages with a percent format, statuses
// and periods in the words Chinese systems use.

import * as XLSX from 'xlsx';
import { DATASETS, type DatasetName, type FieldDef } from '../domain/facts/datasets.ts';
import type { ColumnSet } from '../domain/facts/columns.ts';
import { STATUS_ZH, type EmploymentStatus } from '../domain/employee.ts';
import { parsePeriod, periodLabelZh } from '../domain/periods.ts';
import { isoToSerial } from './excel-dates.ts';
import { issueMessage, type IssueText } from './messages.ts';

const FORMULA_LEAD = /^[=+\-@\t\r]/;

/**
 * Text that a spreadsheet would run as a formula is prefixed with an apostrophe. Only CSV
 * needs this: an .xlsx string cell never runs as a formula, so workbooks keep text as it is
 * (and re-import to the same values); the import strips the apostrophe a CSV of ours adds.
 */
export function escapeFormulaText(text: string): string {
  return FORMULA_LEAD.test(text) ? `'${text}` : text;
}

function cellFor(field: FieldDef, value: string | number | null): XLSX.CellObject | null {
  if (value === null || (typeof value === 'number' && Number.isNaN(value))) return null;
  switch (field.type) {
    case 'number':
      return { t: 'n', v: value as number };
    case 'percent':
      return { t: 'n', v: value as number, z: '0.0%' };
    case 'date':
      return { t: 'n', v: isoToSerial(String(value)), z: 'yyyy-mm-dd' };
    case 'status':
      return { t: 's', v: STATUS_ZH[value as EmploymentStatus] ?? String(value) };
    case 'period': {
      const p = parsePeriod(String(value));
      return { t: 's', v: p ? periodLabelZh(p) : String(value) };
    }
    default:
      return { t: 's', v: String(value) };
  }
}

export function columnSetToSheet(set: ColumnSet): XLSX.WorkSheet {
  const fields = DATASETS[set.dataset].fields.filter((f) => f.name in set.columns);
  const sheet: XLSX.WorkSheet = {};
  fields.forEach((f, c) => {
    sheet[XLSX.utils.encode_cell({ r: 0, c })] = { t: 's', v: f.zh };
  });
  const cols = fields.map((f) => set.columns[f.name]);
  for (let r = 0; r < set.length; r++) {
    for (let c = 0; c < fields.length; c++) {
      const cell = cellFor(fields[c], cols[c][r] as string | number | null);
      if (cell) sheet[XLSX.utils.encode_cell({ r: r + 1, c })] = cell;
    }
  }
  sheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(0, set.length), c: Math.max(0, fields.length - 1) } });
  sheet['!cols'] = fields.map((f) => ({ wch: Math.max(8, f.zh.length * 2 + 2) }));
  return sheet;
}

export function datasetWorkbook(set: ColumnSet, sheetName = DATASETS[set.dataset].zh): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, columnSetToSheet(set), sheetName);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

/** The same dataset as a UTF-8 CSV (with BOM, for Excel) in the words of the .xlsx export. */
export function datasetCsv(set: ColumnSet): Uint8Array {
  const fields = DATASETS[set.dataset].fields.filter((f) => f.name in set.columns);
  const text = (f: FieldDef, value: string | number | null): string | number | null => {
    if (value === null || (typeof value === 'number' && Number.isNaN(value))) return null;
    if (f.type === 'percent') return `${Math.round((value as number) * 100000) / 1000}%`;
    if (f.type === 'status') return STATUS_ZH[value as EmploymentStatus] ?? String(value);
    if (f.type === 'period') {
      const p = parsePeriod(String(value));
      return p ? periodLabelZh(p) : String(value);
    }
    return value;
  };
  const rows: (string | number | null)[][] = [fields.map((f) => f.zh)];
  for (let r = 0; r < set.length; r++) rows.push(fields.map((f) => text(f, set.columns[f.name][r] as string | number | null)));
  return toCsv(rows);
}

export { columnLetter } from '../domain/facts/columns.ts';

/** The original rows with a 问题 column listing each row's problems, for fixing in Excel. */
export function errorReportWorkbook(headers: string[], rows: readonly { row: number; cells: string[] }[], issues: readonly IssueText[]): Uint8Array {
  const byRow = new Map<number, string[]>();
  for (const i of issues) if (i.row > 0) byRow.set(i.row, [...(byRow.get(i.row) ?? []), issueMessage(i)]);
  const aoa: unknown[][] = [['原行号', ...headers, '问题']];
  for (const p of rows) aoa.push([p.row, ...p.cells.map((c) => ({ t: 's', v: c })), (byRow.get(p.row) ?? []).join('；')]);
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  // Cells stay text so that ids keep their leading zeros.
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '错误报告');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

/** An import template: the dataset's headers and a 导入说明 sheet. */
export function templateWorkbook(dataset: DatasetName): Uint8Array {
  const def = DATASETS[dataset];
  const wb = XLSX.utils.book_new();
  const head = XLSX.utils.aoa_to_sheet([def.fields.map((f) => f.zh)]);
  head['!cols'] = def.fields.map((f) => ({ wch: Math.max(10, f.zh.length * 2 + 2) }));
  XLSX.utils.book_append_sheet(wb, head, def.zh);
  const notes = [
    ['列名', '必填', '说明'],
    ...def.fields.map((f) => [f.zh, f.required ? '是' : '否', FIELD_HINTS[f.type]]),
    [],
    ['说明：第一行是表头，从第二行起每行一条记录。工号请设为文本格式以保留前导零。'],
  ];
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(notes), '导入说明');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

const FIELD_HINTS: Record<string, string> = {
  id: '文本，保留前导零，例如 000123',
  text: '文本',
  date: '日期，例如 2024-05-01 或 2024/5/1',
  period: '周期，例如 2024、2024H1、2024Q1、2024年第1季度、2024-03',
  number: '数字',
  percent: '百分比，例如 20% 或 0.2',
  status: '在职、试用、停薪留职、离职、退休',
  grade: 'S/A/B/C/D 或 优秀/良好/合格/待改进/不合格',
  list: '多个值用顿号、逗号或分号分隔',
  role: '学员 或 讲师',
};

/**
 * CSV that Excel opens correctly: a UTF-8 BOM, CRLF line ends, quoted fields, and cells that
 * would start a formula (= + - @ tab) prefixed with an apostrophe.
 */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): Uint8Array {
  const field = (v: string | number | null) => {
    if (v === null) return '';
    const text = typeof v === 'number' ? String(v) : escapeFormulaText(v);
    return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const body = rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
  const utf8 = new TextEncoder().encode(body);
  const out = new Uint8Array(utf8.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(utf8, 3);
  return out;
}
