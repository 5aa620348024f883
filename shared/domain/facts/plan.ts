// What an import will do to a dataset, before it is written: per mode, which rows go into
// the batch, which keys it removes, and the counts and changes to show the officer.

import { carriedFields, rowAt, type ColumnSet, ColumnSetBuilder } from './columns.ts';
import { DATASETS } from './datasets.ts';
import { keyOf } from './resolve.ts';

export type ImportMode = 'insert' | 'upsert' | 'replacePeriod';

export interface FieldChange {
  key: string;
  field: string;
  before: string | number | null;
  after: string | number | null;
}

export interface ImportPlan {
  mode: ImportMode;
  /** Rows the batch will hold. */
  set: ColumnSet;
  tombstones: string[];
  /** refused counts rows refused for their key (insert only) and rows the file could not give (invalid). */
  counts: { rows: number; added: number; updated: number; unchanged: number; refused: number; removed: number; invalid?: number };
  /** A sample of field changes for upserts (at most `sampleLimit`). */
  changes: FieldChange[];
  /** How many values change, per field, over the whole file (not only the sample). */
  changesByField: Record<string, number>;
  /** Periods replaced, for replacePeriod. */
  periods: string[];
  /** Fields of the dataset the file does not carry: their stored values are kept. */
  absent: string[];
}

/** Datasets whose rows belong to a period can replace a period's data. */
export function supportsReplacePeriod(dataset: ColumnSet['dataset']): boolean {
  return DATASETS[dataset].fields.some((f) => f.name === 'period') && DATASETS[dataset].key.includes('period');
}

const same = (a: unknown, b: unknown) => a === b || (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b));

export function planImport(current: ColumnSet, incoming: ColumnSet, mode: ImportMode, sampleLimit = 200): ImportPlan {
  const def = DATASETS[incoming.dataset];
  const existing = new Map<string, number>();
  for (let i = 0; i < current.length; i++) existing.set(keyOf(current, i, def.key), i);
  const fields = carriedFields(incoming);
  const carried = new Set(fields);
  const absent = def.fields.map((f) => f.name).filter((f) => !carried.has(f));
  const keep = new ColumnSetBuilder(incoming.dataset);
  const counts = { rows: incoming.length, added: 0, updated: 0, unchanged: 0, refused: 0, removed: 0 };
  const changes: FieldChange[] = [];
  const changesByField: Record<string, number> = {};
  const incomingKeys = new Set<string>();
  for (let i = 0; i < incoming.length; i++) {
    const key = keyOf(incoming, i, def.key);
    incomingKeys.add(key);
    const at = existing.get(key);
    if (at === undefined) {
      counts.added++;
      keep.push(rowAt(incoming, i));
      continue;
    }
    if (mode === 'insert') {
      counts.refused++;
      continue;
    }
    let changed = false;
    for (const f of fields) {
      const before = current.columns[f]?.[at];
      const after = incoming.columns[f]?.[i];
      if (same(before, after)) continue;
      changed = true;
      changesByField[f] = (changesByField[f] ?? 0) + 1;
      if (changes.length < sampleLimit) {
        const clean = (v: unknown) => (v === undefined || (typeof v === 'number' && Number.isNaN(v)) ? null : (v as string | number | null));
        changes.push({ key, field: f, before: clean(before), after: clean(after) });
      }
    }
    if (changed) counts.updated++;
    else counts.unchanged++;
    keep.push(rowAt(incoming, i));
  }
  const tombstones: string[] = [];
  let periods: string[] = [];
  if (mode === 'replacePeriod') {
    const periodCol = incoming.columns.period as (string | null)[];
    periods = [...new Set(periodCol.filter((p): p is string => p !== null))].sort();
    const replaced = new Set(periods);
    const currentPeriods = current.columns.period as (string | null)[];
    for (const [key, i] of existing) {
      if (replaced.has(currentPeriods[i] ?? '') && !incomingKeys.has(key)) tombstones.push(key);
    }
    counts.removed = tombstones.length;
  }
  const set = keep.build();
  return { mode, set: absent.length ? { ...set, fields } : set, tombstones, counts, changes, changesByField, periods, absent };
}

/**
 * The plan counting the rows of the file that had errors and so are not in it: they are
 * refused too, and the officer is told which (an import of 10 rows with 3 bad ones says
 * 新增 7 … 拒绝 3, not 拒绝 0).
 */
export function withInvalidRows(plan: ImportPlan, invalidRows: number): ImportPlan {
  if (invalidRows === 0) return plan;
  const counts = { ...plan.counts, rows: plan.counts.rows + invalidRows, refused: plan.counts.refused + invalidRows, invalid: invalidRows };
  return { ...plan, counts };
}
