// Understanding a sheet: visible sheets, the real data range of a bloated sheet, hidden rows,
// the header row (after title and blank rows, possibly two merged rows), and footers.

import type * as XLSX from 'xlsx';
import { cellText, isBlank, type CellInput } from './values.ts';
import { normaliseHeader } from './schemas.ts';

export interface SheetInfo {
  name: string;
  hidden: boolean;
  rows: number;
  columns: number;
}

export interface Grid {
  /** Rows of cells, trimmed to the last non-blank row and column. */
  rows: (CellInput | undefined)[][];
  columns: number;
  hiddenRows: Set<number>;
  merges: XLSX.Range[];
}

export function sheetGrid(ws: XLSX.WorkSheet): Grid {
  const data = (ws['!data'] ?? []) as (CellInput | undefined)[][];
  let lastRow = -1;
  let lastCol = -1;
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    if (!row) continue;
    for (let c = row.length - 1; c >= 0; c--) {
      if (!isBlank(row[c])) {
        lastRow = r;
        if (c > lastCol) lastCol = c;
        break;
      }
    }
  }
  const rows: (CellInput | undefined)[][] = [];
  for (let r = 0; r <= lastRow; r++) rows.push((data[r] ?? []).slice(0, lastCol + 1));
  const hiddenRows = new Set<number>();
  (ws['!rows'] ?? []).forEach((info, r) => {
    if (info?.hidden && r <= lastRow) hiddenRows.add(r);
  });
  return { rows, columns: lastCol + 1, hiddenRows, merges: ws['!merges'] ?? [] };
}

export function listSheets(wb: XLSX.WorkBook): SheetInfo[] {
  return wb.SheetNames.map((name, i) => {
    const grid = sheetGrid(wb.Sheets[name]);
    const hidden = Boolean(wb.Workbook?.Sheets?.[i]?.Hidden);
    return { name, hidden, rows: grid.rows.length, columns: grid.columns };
  });
}

/** The first visible sheet with data, else the first sheet with data. */
export function defaultSheet(sheets: SheetInfo[]): string | null {
  return (sheets.find((s) => !s.hidden && s.rows > 0) ?? sheets.find((s) => s.rows > 0))?.name ?? null;
}

/** A header longer than this is cut: no real header is, and matching a huge one would be slow. */
export const MAX_HEADER_LENGTH = 200;

const rowTexts = (row: (CellInput | undefined)[] | undefined) => (row ?? []).map((c) => cellText(c));
const headerTexts = (row: (CellInput | undefined)[] | undefined) => (row ?? []).map((c) => cellText(c).slice(0, MAX_HEADER_LENGTH));
const isNumericText = (t: string) => /^[-+]?[\d,.%]+$/.test(t);

/**
 * Picks the header row among the first rows: the one whose cells match the most known
 * header names, else the first row of several text cells followed by data.
 */
export function detectHeaderRow(grid: Grid, knownHeaders: Set<string>, scan = 30): number | null {
  let best = -1;
  let bestScore = 0;
  for (let r = 0; r < Math.min(scan, grid.rows.length); r++) {
    const texts = headerTexts(grid.rows[r]).filter(Boolean);
    const matches = texts.filter((t) => knownHeaders.has(normaliseHeader(t))).length;
    const score = matches * 10 + (texts.length >= 2 && texts.every((t) => !isNumericText(t)) ? texts.length : 0);
    if (matches >= 1 && score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  if (best >= 0) return best;
  for (let r = 0; r < Math.min(scan, grid.rows.length - 1); r++) {
    const texts = headerTexts(grid.rows[r]).filter(Boolean);
    if (texts.length >= 2 && texts.every((t) => !isNumericText(t)) && rowTexts(grid.rows[r + 1]).some(Boolean)) return r;
  }
  return null;
}

export interface HeaderInfo {
  /** 0-based sheet row of the (last) header row. */
  headerRow: number;
  /** 0-based first data row. */
  firstDataRow: number;
  names: string[];
  renamed: { column: number; from: string; to: string }[];
}

/**
 * Header names for the chosen row. When cells of the row are merged across columns and the
 * row below carries sub-headers, the two rows join: 考核成绩 over 上半年 → 考核成绩-上半年.
 * Repeated names get suffixes: 备注, 备注_2.
 */
export function headerNames(grid: Grid, headerRow: number): HeaderInfo {
  const top = headerTexts(grid.rows[headerRow]);
  const wideMerges = grid.merges.filter((m) => m.s.r === headerRow && m.e.c > m.s.c);
  let names: string[];
  let firstDataRow = headerRow + 1;
  const below = headerTexts(grid.rows[headerRow + 1]);
  if (wideMerges.length > 0 && below.some(Boolean) && below.filter(Boolean).every((t) => !isNumericText(t))) {
    const parentOf = (c: number) => {
      const m = wideMerges.find((x) => x.s.c <= c && c <= x.e.c);
      return m ? top[m.s.c] : top[c];
    };
    names = Array.from({ length: grid.columns }, (_, c) => {
      const parent = parentOf(c) ?? '';
      const child = below[c] ?? '';
      if (parent && child && parent !== child) return `${parent}-${child}`;
      return child || parent;
    });
    firstDataRow = headerRow + 2;
  } else {
    names = Array.from({ length: grid.columns }, (_, c) => top[c] ?? '');
  }
  const seen = new Map<string, number>();
  const renamed: HeaderInfo['renamed'] = [];
  names = names.map((name, c) => {
    if (!name) return name;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    if (n === 1) return name;
    const to = `${name}_${n}`;
    renamed.push({ column: c, from: name, to });
    return to;
  });
  return { headerRow: firstDataRow - 1, firstDataRow, names, renamed };
}

const FOOTER = /^(合计|总计|小计|制表人|制表|审核人|备注[:：]|说明[:：])/;

/** A footer row: its first non-empty cell starts with 合计/总计/制表人 and the like. */
export function isFooterRow(row: (CellInput | undefined)[] | undefined): boolean {
  const first = rowTexts(row).find(Boolean);
  return first !== undefined && FOOTER.test(first);
}

export function isBlankRow(row: (CellInput | undefined)[] | undefined): boolean {
  return !row || row.every((c) => isBlank(c));
}
