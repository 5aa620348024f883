// Columnar row sets: the shape in which facts travel from a generator or an import to the
// block store and into the in-memory model. One array per field, all the same length.

import { DATASETS, isNumericField, type DatasetName } from './datasets.ts';

export type StringColumn = (string | null)[];
export type NumberColumn = Float64Array;
export type Column = StringColumn | NumberColumn;

export interface ColumnSet {
  dataset: DatasetName;
  length: number;
  columns: Record<string, Column>;
  /**
   * The fields these rows carry, when not every field of the dataset: a file without an
   * 入职日期 column carries no hire dates, and resolution keeps the stored ones (DESIGN.md §4).
   * Absent = every field.
   */
  fields?: readonly string[];
}

/** The fields a set carries (every field of its dataset unless it says otherwise). */
export function carriedFields(set: Pick<ColumnSet, 'dataset' | 'fields'>): readonly string[] {
  return set.fields ?? DATASETS[set.dataset].fields.map((f) => f.name);
}

export function isNumberColumn(c: Column): c is NumberColumn {
  return c instanceof Float64Array;
}

/** Appends rows one at a time with amortised growth, then freezes into a ColumnSet. */
export class ColumnSetBuilder {
  readonly dataset: DatasetName;
  private strings = new Map<string, StringColumn>();
  private numbers = new Map<string, number[]>();
  length = 0;

  constructor(dataset: DatasetName) {
    this.dataset = dataset;
    for (const field of DATASETS[dataset].fields) {
      if (isNumericField(field)) this.numbers.set(field.name, []);
      else this.strings.set(field.name, []);
    }
  }

  push(row: Record<string, string | number | null | undefined>): void {
    for (const [name, col] of this.strings) {
      const v = row[name];
      col.push(v === undefined || v === null || v === '' ? null : String(v));
    }
    for (const [name, col] of this.numbers) {
      const v = row[name];
      col.push(typeof v === 'number' ? v : NaN);
    }
    this.length++;
  }

  build(): ColumnSet {
    const columns: Record<string, Column> = {};
    for (const [name, col] of this.strings) columns[name] = col;
    for (const [name, col] of this.numbers) columns[name] = Float64Array.from(col);
    return { dataset: this.dataset, length: this.length, columns };
  }
}

/** Slices a column set into consecutive chunks of at most `size` rows. */
export function sliceColumnSet(set: ColumnSet, start: number, end: number): ColumnSet {
  const columns: Record<string, Column> = {};
  for (const [name, col] of Object.entries(set.columns)) columns[name] = col.slice(start, end);
  return { dataset: set.dataset, length: Math.max(0, Math.min(end, set.length) - start), columns };
}

/** The rows at the given positions, in that order. */
export function selectRows(set: ColumnSet, rows: ArrayLike<number>): ColumnSet {
  const columns: Record<string, Column> = {};
  for (const [name, col] of Object.entries(set.columns)) {
    if (col instanceof Float64Array) {
      const out = new Float64Array(rows.length);
      for (let i = 0; i < rows.length; i++) out[i] = col[rows[i]];
      columns[name] = out;
    } else columns[name] = Array.from({ length: rows.length }, (_, i) => col[rows[i]] ?? null);
  }
  return { dataset: set.dataset, length: rows.length, columns };
}

/** Reads one row as a plain object (missing numbers → null). For display and tests, not bulk work. */
export function rowAt(set: { columns: Record<string, Column> }, i: number): Record<string, string | number | null> {
  const row: Record<string, string | number | null> = {};
  for (const [name, col] of Object.entries(set.columns)) {
    const v = col[i];
    row[name] = typeof v === 'number' ? (Number.isNaN(v) ? null : v) : (v ?? null);
  }
  return row;
}

/** Values dictionary-encoded: each row's code indexes `labels` (null and '' share the '' label). */
export interface Dictionary {
  codes: Int32Array;
  labels: string[];
}

/**
 * Encodes rows from..to of a string column, continuing `into` when given (so that a large
 * column can be encoded in slices between yields).
 */
export function encodeDictionary(values: StringColumn, from = 0, to = values.length, into?: { map: Map<string, number>; dict: Dictionary }): Dictionary {
  const map = into?.map ?? new Map<string, number>();
  const labels: string[] = into?.dict.labels ?? [];
  const codes = into?.dict.codes ?? new Int32Array(values.length);
  for (let i = from; i < to; i++) {
    const v = values[i] ?? '';
    let code = map.get(v);
    if (code === undefined) {
      code = labels.length;
      labels.push(v);
      map.set(v, code);
    }
    codes[i] = code;
  }
  return { codes, labels };
}

/** A spreadsheet column's letters: 0 → A, 25 → Z, 26 → AA; '' for no column. */
export function columnLetter(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** List fields (certificates) are stored as one string joined by this separator. */
export const LIST_SEPARATOR = '、';

export const splitList = (value: string | null | undefined): string[] => (value ? value.split(LIST_SEPARATOR).filter(Boolean) : []);
