// Resolution of fact batches into the current view of a dataset (DESIGN.md §4): a key
// resolves to the row of the latest batch that has it; a batch's tombstones remove keys.

import { DATASETS, isNumericField, type DatasetName } from './datasets.ts';
import type { Column, ColumnSet, StringColumn } from './columns.ts';

export interface BatchBlocks {
  batch: string;
  /** Order of the batch (an HLC string): later batches win. */
  order: string;
  /** Keys this batch removes (encoded with keyOf). */
  tombstones: readonly string[];
  blocks: readonly { index: number; set: ColumnSet }[];
}

export const KEY_SEPARATOR = '\u001f';

export function keyOf(set: ColumnSet, row: number, keyFields: readonly string[]): string {
  let key = '';
  for (let k = 0; k < keyFields.length; k++) {
    const v = set.columns[keyFields[k]]?.[row];
    if (k > 0) key += KEY_SEPARATOR;
    key += v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v)) ? '' : String(v);
  }
  return key;
}

function emptyLike(col: Column, length: number): Column {
  return col instanceof Float64Array ? new Float64Array(length) : (new Array(length) as StringColumn);
}

/**
 * Returns the resolved rows of a dataset as one column set. When a single batch holds
 * everything and removes nothing, its blocks are concatenated without building a key map:
 * rows inside one batch have unique keys by construction (imports refuse duplicates).
 */
export function resolveDataset(dataset: DatasetName, batches: readonly BatchBlocks[]): ColumnSet {
  const def = DATASETS[dataset];
  const ordered = [...batches].sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
  const blocks = ordered.flatMap((b) => [...b.blocks].sort((x, y) => x.index - y.index).map((bl) => ({ batch: b, set: bl.set })));

  let pick: { set: ColumnSet; row: number }[] | null = null;
  const simple = ordered.length <= 1 && ordered.every((b) => b.tombstones.length === 0);
  if (!simple) {
    const winner = new Map<string, { set: ColumnSet; row: number }>();
    for (const b of ordered) {
      for (const key of b.tombstones) winner.delete(key);
      for (const bl of b.blocks) {
        for (let r = 0; r < bl.set.length; r++) {
          const key = keyOf(bl.set, r, def.key);
          // Delete first so that Map insertion order follows the latest batch's row order.
          winner.delete(key);
          winner.set(key, { set: bl.set, row: r });
        }
      }
    }
    pick = [...winner.values()];
  }

  const length = pick ? pick.length : blocks.reduce((n, b) => n + b.set.length, 0);
  const columns: Record<string, Column> = {};
  const sample = blocks[0]?.set;
  for (const field of def.fields) {
    const name = field.name;
    const template = sample?.columns[name];
    const out = template
      ? emptyLike(template, length)
      : isNumericField(field)
        ? new Float64Array(length).fill(NaN)
        : (new Array(length).fill(null) as StringColumn);
    if (template) {
      if (pick) {
        for (let i = 0; i < pick.length; i++) out[i] = pick[i].set.columns[name][pick[i].row] as never;
      } else {
        let at = 0;
        for (const b of blocks) {
          const src = b.set.columns[name];
          if (out instanceof Float64Array && src instanceof Float64Array) out.set(src, at);
          else for (let r = 0; r < b.set.length; r++) (out as StringColumn)[at + r] = (src as StringColumn)[r];
          at += b.set.length;
        }
      }
    }
    columns[name] = out;
  }
  return { dataset, length, columns };
}
