// The import pipeline short of storage: read the file, pick the sheet and header row, map
// columns, normalise and validate every row. Used by the wizard (in a Web Worker) and by
// `xinhuo check`, so both see the same rows and the same problems.

import type * as XLSX from 'xlsx';
import { Cancelled } from '../domain/failure.ts';
import { LIMITS } from './limits.ts';
import { columnLetter, ColumnSetBuilder, type ColumnSet } from '../domain/facts/columns.ts';
import { type DatasetName } from '../domain/facts/datasets.ts';
import { monthPeriod, quarterPeriod } from '../domain/periods.ts';
import { detectDataset, KNOWN_HEADERS, mappingFromHeaders, missingRequired, suggestMapping, type Mapping } from './mapping.ts';
import { ioMessage, type IoMessageCode, type Lang } from './messages.ts';
import { readWorkbook, type FileFormat, type TextEncoding } from './read-file.ts';
import { SCHEMAS } from './schemas.ts';
import { defaultSheet, detectHeaderRow, headerNames, isBlankRow, isFooterRow, listSheets, sheetGrid, type Grid, type HeaderInfo, type SheetInfo } from './sheet.ts';
import { cellText, isBlank, normaliseCell, parseNumberText, type CellInput, type Normalised } from './values.ts';

export interface AnalyseOptions {
  dataset?: DatasetName;
  sheet?: string;
  /** 1-based sheet row of the header; detected when absent. */
  headerRow?: number;
  encoding?: TextEncoding;
  /** Saved mapping: field → header. */
  mapping?: Record<string, string>;
  includeHidden?: boolean;
  /** 1-based sheet rows the user excluded. */
  excludedRows?: readonly number[];
  /** Cell fixes typed by the user, keyed `${row}:${field}` with the 1-based sheet row. */
  fixes?: Readonly<Record<string, string>>;
  onProgress?: (fraction: number) => void;
  isCancelled?: () => boolean;
}

export interface Issue {
  severity: 'error' | 'warning';
  /** 1-based sheet row; 0 for problems of the whole sheet. */
  row: number;
  column: string;
  header: string;
  field: string;
  code: IoMessageCode;
  /** Rendered when shown (issueMessage), so that 5,000 problems cost nothing to find. */
  params: Record<string, string | number>;
}

export interface PreviewRow {
  row: number;
  cells: string[];
  hidden: boolean;
  excluded: boolean;
}

/** A data row of the sheet, its cells' text computed only when someone looks at it. */
export interface PreviewEntry {
  row: number;
  /** 0-based index into the grid. */
  index: number;
  hidden: boolean;
  excluded: boolean;
}

export interface Analysis {
  ok: true;
  file: string;
  format: FileFormat;
  encoding: TextEncoding | null;
  sheets: SheetInfo[];
  sheet: string;
  headerRow: number;
  headers: string[];
  dataset: DatasetName;
  mapping: Mapping;
  missing: string[];
  rows: number;
  valid: number;
  hiddenRows: number;
  issues: Issue[];
  preview: PreviewEntry[];
  /** The sheet's cells, for showing rows as the user sees them. */
  grid: Grid;
  /** Canonical values of the valid rows. */
  set: ColumnSet;
  /** Sheet row of each row of `set`. */
  rowNumbers: number[];
}

export interface AnalysisFailure {
  ok: false;
  file: string;
  code: IoMessageCode;
  params: Record<string, string | number>;
  /** Technical detail (a library's message) to show folded away, if any. */
  detail?: string;
  sheets?: SheetInfo[];
  headers?: string[];
  headerRow?: number;
  sheet?: string;
}

export { Cancelled } from '../domain/failure.ts';

/** The sentence for a file that could not be analysed, in the reader's language. */
export const failureMessage = (f: Pick<AnalysisFailure, 'code' | 'params'>, lang: Lang = 'zh'): string => ioMessage(f.code, f.params, lang);

function failure(file: string, code: IoMessageCode, params: Record<string, string | number>, extra: Partial<AnalysisFailure> = {}): AnalysisFailure {
  const detail = typeof params.detail === 'string' && params.detail ? { detail: params.detail } : {};
  return { ok: false, file, code, params, ...detail, ...extra };
}

const QUARTER_WORDS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };

function composePeriod(year: CellInput | undefined, part: CellInput | undefined, kind: 'quarter' | 'month'): Normalised {
  const yText = cellText(year);
  const pText = cellText(part);
  const y = parseNumberText(yText.replace(/年度?$/, ''));
  if (y === null || !Number.isInteger(y) || y < 1900 || y > 2200) return { ok: false, code: 'badPeriod', params: { value: `${yText} ${pText}` } };
  if (kind === 'quarter') {
    const m = /^(?:第)?([1-4一二三四])(?:季度?)?$|^Q([1-4])$/i.exec(pText.replace(/\s+/g, ''));
    const q = m ? (m[2] ? Number(m[2]) : (QUARTER_WORDS[m[1]] ?? Number(m[1]))) : NaN;
    return Number.isInteger(q) && q >= 1 && q <= 4 ? { ok: true, value: quarterPeriod(y, q).label } : { ok: false, code: 'badPeriod', params: { value: `${yText} ${pText}` } };
  }
  const mo = parseNumberText(pText.replace(/月$/, ''));
  return mo !== null && Number.isInteger(mo) && mo >= 1 && mo <= 12 ? { ok: true, value: monthPeriod(y, mo).label } : { ok: false, code: 'badPeriod', params: { value: `${yText} ${pText}` } };
}

export function analyseWorkbookBytes(bytes: Uint8Array, file: string, options: AnalyseOptions = {}): Analysis | AnalysisFailure {
  const read = readWorkbook(bytes, file, options.encoding);
  if (!read.ok) return failure(file, read.code, read.params);
  return analyseWorkbook(read.workbook, file, read.format, read.encoding, read.date1904, options);
}

export interface LocatedHeader {
  ok: true;
  sheets: SheetInfo[];
  sheetName: string;
  grid: Grid;
  header: HeaderInfo;
}

/** The sheet and its header row: cheap, so a caller can look up a saved mapping before analysing rows. */
export function locateHeader(wb: XLSX.WorkBook, file: string, options: Pick<AnalyseOptions, 'sheet' | 'headerRow'> = {}): LocatedHeader | AnalysisFailure {
  const sheets = listSheets(wb);
  const sheetName = options.sheet ?? defaultSheet(sheets);
  if (!sheetName) return failure(file, 'empty', { file });
  if (!wb.Sheets[sheetName]) return failure(file, 'noSheet', { file, sheet: sheetName }, { sheets });
  const grid = sheetGrid(wb.Sheets[sheetName]);
  // Wide or long sheets are refused before any header is matched against the datasets.
  if (grid.columns > LIMITS.columns) return failure(file, 'tooManyColumns', { file, sheet: sheetName, columns: grid.columns, limit: LIMITS.columns }, { sheets, sheet: sheetName });
  if (grid.rows.length > LIMITS.rows) return failure(file, 'tooManyRows', { file, sheet: sheetName, rows: grid.rows.length, limit: LIMITS.rows }, { sheets, sheet: sheetName });
  const detected = options.headerRow !== undefined ? options.headerRow - 1 : detectHeaderRow(grid, KNOWN_HEADERS);
  if (detected === null || detected < 0 || detected >= grid.rows.length) return failure(file, 'noHeader', { file, sheet: sheetName }, { sheets, sheet: sheetName });
  return { ok: true, sheets, sheetName, grid, header: headerNames(grid, detected) };
}

export function analyseWorkbook(wb: XLSX.WorkBook, file: string, format: FileFormat, encoding: TextEncoding | null, date1904: boolean, options: AnalyseOptions = {}, located?: LocatedHeader): Analysis | AnalysisFailure {
  const at = located ?? locateHeader(wb, file, options);
  if (!at.ok) return at;
  const { sheets, sheetName, grid, header } = at;
  const headers = header.names;

  let mapping: Mapping;
  if (options.dataset) {
    mapping = options.mapping ? mappingFromHeaders(options.dataset, options.mapping, headers) : suggestMapping(options.dataset, headers);
  } else {
    const found = detectDataset(headers);
    if (!found) return failure(file, 'unknownDataset', { file }, { sheets, sheet: sheetName, headers, headerRow: header.headerRow + 1 });
    mapping = options.mapping ? mappingFromHeaders(found.dataset, options.mapping, headers) : found.mapping;
  }
  const schema = SCHEMAS[mapping.dataset];
  const missing = missingRequired(mapping);
  const issues: Issue[] = [];
  for (const r of header.renamed) {
    const params = { value: r.from, renamed: r.to };
    const row = header.headerRow + 1;
    const column = columnLetter(r.column);
    issues.push({ severity: 'warning', row, column, header: r.to, field: '', code: 'duplicateHeader', params });
  }
  if (missing.length) {
    const zh = missing.map((f) => schema.fields.find((x) => x.name === f)!.zh).join('、');
    const en = missing.map((f) => schema.fields.find((x) => x.name === f)!.en).join(', ');
    issues.push({ severity: 'error', row: 0, column: '', header: '', field: missing.join(','), code: 'missingColumns', params: { fields: zh, fieldsEn: en } });
  }

  const excluded = new Set(options.excludedRows ?? []);
  const includeHidden = options.includeHidden ?? true;
  const builder = new ColumnSetBuilder(mapping.dataset);
  const rowNumbers: number[] = [];
  const preview: PreviewEntry[] = [];
  const keyRows = new Map<string, number>();
  const keyIssueRows = new Map<number, number>();
  let rows = 0;
  let valid = 0;
  let hiddenRows = 0;
  const fields = schema.fields.filter((f) => mapping.fields[f.name]);
  const keyFields = schema.key;
  const total = grid.rows.length;

  // Per-row state for the helpers below, which are created once rather than per row.
  let row: (CellInput | undefined)[] = [];
  let sheetRow = 0;
  let rowHasError = false;
  const report = (severity: Issue['severity'], field: string, column: number, note: { code: IoMessageCode; params: Record<string, string | number> }) => {
    const head = column >= 0 ? headers[column] : (mapping.fields[field]?.header ?? '');
    issues.push({ severity, row: sheetRow, column: columnLetter(column), header: head, field, code: note.code, params: note.params });
    if (severity === 'error') rowHasError = true;
  };
  const fixes = options.fixes;
  const cellFor = (field: string, column: number): CellInput | undefined => {
    const fix = fixes?.[`${sheetRow}:${field}`];
    return fix !== undefined ? { t: 's', v: fix } : row[column];
  };
  const emit = (record: Record<string, string | number | null>) => {
    let key = '';
    for (let k = 0; k < keyFields.length; k++) key += (k ? '\u001f' : '') + (record[keyFields[k]] ?? '');
    const first = keyRows.get(key);
    if (first !== undefined && first !== sheetRow) {
      const keyText = keyFields.map((k) => record[k] ?? '').filter((v) => v !== '').join(' / ');
      const keyField = keyFields[0];
      const src = mapping.fields[keyField];
      const col = src?.kind === 'column' ? src.column : src?.kind === 'yearPart' ? src.yearColumn : -1;
      report('error', keyField, col, { code: 'duplicateKey', params: { other: first, key: keyText } });
      if (!keyIssueRows.has(first)) {
        keyIssueRows.set(first, sheetRow);
        const head = col >= 0 ? headers[col] : '';
        const params = { other: sheetRow, key: keyText };
        issues.push({ severity: 'error', row: first, column: columnLetter(col), header: head, field: keyField, code: 'duplicateKey', params });
      }
      return false;
    }
    keyRows.set(key, sheetRow);
    return true;
  };

  for (let r = header.firstDataRow; r < total; r++) {
    if (options.isCancelled?.()) throw new Cancelled();
    if (r % 2000 === 0) options.onProgress?.(r / total);
    row = grid.rows[r];
    if (isBlankRow(row)) continue;
    if (isFooterRow(row)) continue;
    sheetRow = r + 1;
    const hidden = grid.hiddenRows.has(r);
    if (hidden) hiddenRows++;
    const isExcluded = excluded.has(sheetRow) || (hidden && !includeHidden);
    preview.push({ row: sheetRow, index: r, hidden, excluded: isExcluded });
    if (isExcluded) continue;
    rows++;

    const values: Record<string, string | number | null> = {};
    rowHasError = false;
    for (const field of fields) {
      const source = mapping.fields[field.name];
      let result: Normalised | null = null;
      let column: number;
      if (source.kind === 'yearPart') {
        column = source.yearColumn;
        const fix = fixes?.[`${sheetRow}:${field.name}`];
        if (fix !== undefined) result = normaliseCell('period', { t: 's', v: fix }, date1904);
        else if (!isBlank(row[source.yearColumn]) || !isBlank(row[source.partColumn])) result = composePeriod(row[source.yearColumn], row[source.partColumn], source.part);
      } else {
        column = source.column;
        const cell = cellFor(field.name, column);
        if (!isBlank(cell)) result = normaliseCell(field.type, cell!, date1904);
      }
      if (result === null) {
        values[field.name] = null;
        if (field.required) report('error', field.name, column, { code: 'required', params: {} });
        continue;
      }
      if (!result.ok) {
        report('error', field.name, column, result);
        values[field.name] = null;
        continue;
      }
      if (result.warning) report('warning', field.name, column, result.warning);
      values[field.name] = result.value;
      if (field.required && result.value === null) report('error', field.name, column, { code: 'required', params: {} });
    }

    const records: Record<string, string | number | null>[] = [];
    if (mapping.wide.length) {
      for (const w of mapping.wide) {
        const cell = cellFor(`score:${w.dimension}`, w.column);
        if (isBlank(cell)) continue;
        const result = normaliseCell('number', cell!, date1904);
        if (!result.ok) {
          report('error', 'score', w.column, result);
          continue;
        }
        records.push({ ...values, dimension: w.dimension, score: result.value });
      }
    } else {
      records.push(values);
    }
    const unique = records.map(emit).every(Boolean);
    if (rowHasError || !unique) continue;
    for (const rec of records) {
      builder.push(rec);
      rowNumbers.push(sheetRow);
    }
    valid++;
  }
  // Rows named by a later duplicate were counted valid before the duplicate appeared.
  const firstOfDuplicates = new Set(keyIssueRows.keys());
  let set = builder.build();
  if (firstOfDuplicates.size) {
    const keep = rowNumbers.map((r) => !firstOfDuplicates.has(r));
    const filtered = new ColumnSetBuilder(mapping.dataset);
    const kept: number[] = [];
    for (let i = 0; i < set.length; i++) {
      if (!keep[i]) continue;
      const rec: Record<string, string | number | null> = {};
      for (const [name, col] of Object.entries(set.columns)) {
        const v = col[i];
        rec[name] = typeof v === 'number' && Number.isNaN(v) ? null : (v as string | number | null);
      }
      filtered.push(rec);
      kept.push(rowNumbers[i]);
    }
    valid -= new Set(rowNumbers.filter((r) => firstOfDuplicates.has(r))).size;
    set = filtered.build();
    rowNumbers.length = 0;
    rowNumbers.push(...kept);
  }
  options.onProgress?.(1);
  // The fields this file carries: a column it lacks leaves the stored values alone.
  const carried = [...new Set([...fields.map((f) => f.name), ...(mapping.wide.length ? ['dimension', 'score'] : [])])];
  issues.sort((a, b) => a.row - b.row || a.column.length - b.column.length || a.column.localeCompare(b.column));
  return { ok: true, file, format, encoding, sheets, sheet: sheetName, headerRow: header.headerRow + 1, headers, dataset: mapping.dataset, mapping, missing, rows, valid: missing.length ? 0 : valid, hiddenRows, issues, preview, grid, set: missing.length ? new ColumnSetBuilder(mapping.dataset).build() : { ...set, fields: carried }, rowNumbers: missing.length ? [] : rowNumbers };
}

/** Preview rows from..to with their cells' text as the user sees it. */
export function previewRows(analysis: Pick<Analysis, 'preview' | 'grid' | 'headers'>, from = 0, to = analysis.preview.length): PreviewRow[] {
  return analysis.preview.slice(from, to).map((p) => {
    const row = analysis.grid.rows[p.index] ?? [];
    return { row: p.row, hidden: p.hidden, excluded: p.excluded, cells: Array.from({ length: analysis.headers.length }, (_, c) => cellText(row[c])) };
  });
}

/** The sheet rows that have an error and so do not go in, in order. */
export function invalidRows(analysis: Pick<Analysis, 'issues'>): number[] {
  return [...new Set(analysis.issues.filter((i) => i.severity === 'error' && i.row > 0).map((i) => i.row))].sort((a, b) => a - b);
}
