// Keys scoped by plant at head office (DESIGN.md §8): 工号 000123 at 洛阳一厂 and 000123 at
// 郑州二厂 are two people. Facts from a plant's partition are read with every id field
// (工号, 直接上级工号) prefixed by the plant's code, and the 厂区 column filled from the
// plant where the file left it empty; a batch's tombstone keys get the same prefix.

import { DATASETS } from './datasets.ts';
import type { ColumnSet, StringColumn } from './columns.ts';

export const PLANT_KEY_SEPARATOR = '·';

/** The plant code of a plant partition ("plant:LY1" → "LY1"); null for any other partition. */
export const plantCodeOf = (partition: string): string | null => (partition.startsWith('plant:') ? partition.slice(6) : null);

export const plantScopedId = (code: string, id: string): string => `${code}${PLANT_KEY_SEPARATOR}${id}`;

export function scopeToPlant(set: ColumnSet, code: string, plantName: string | null): ColumnSet {
  const def = DATASETS[set.dataset];
  const columns = { ...set.columns };
  for (const f of def.fields) {
    const col = columns[f.name];
    if (!col || col instanceof Float64Array) continue;
    if (f.type === 'id') columns[f.name] = (col as StringColumn).map((v) => (v === null ? null : plantScopedId(code, v)));
    else if (f.name === 'plant' && plantName) columns[f.name] = (col as StringColumn).map((v) => v ?? plantName);
  }
  if (plantName && def.fields.some((f) => f.name === 'plant') && !columns.plant) columns.plant = new Array<string | null>(set.length).fill(plantName);
  return { ...set, columns };
}

/** Tombstone keys begin with the 工号 (every dataset's first key field). */
export const scopeKeyToPlant = (code: string, key: string): string => plantScopedId(code, key);
