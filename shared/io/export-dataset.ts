// Writes fact datasets as the workbooks an HR system exports: Chinese headers, 工号 as text
// cells (leading zeros kept), real date cells, percentages with a percent format, statuses
// and periods in the words Chinese systems use.

import * as XLSX from 'xlsx';
import { DATASETS, type FieldDef } from '../domain/facts/datasets.ts';
import type { ColumnSet } from '../domain/facts/columns.ts';
import { STATUS_ZH, type EmploymentStatus } from '../domain/employee.ts';
import { parsePeriod, periodLabelZh } from '../domain/periods.ts';
import { isoToSerial } from './excel-dates.ts';

const FORMULA_LEAD = /^[=+\-@\t\r]/;

/** Text that a spreadsheet would run as a formula is prefixed with an apostrophe. */
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
      return { t: 's', v: escapeFormulaText(String(value)) };
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
