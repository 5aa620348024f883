// Resolution of fact batches into the current view of a dataset (DESIGN.md §4): a key
// resolves field by field to the latest batch that carries that field (a file without an
// 入职日期 column leaves every stored hire date alone); a batch's tombstones remove keys.

import { DATASETS, isNumericField, type DatasetName } from './datasets.ts';
import type { Column, ColumnSet, StringColumn } from './columns.ts';

export interface BatchBlocks {
  batch: string;
  /** Order of the batch (an HLC string): later batches win. */
  order: string;
  /** Keys this batch removes (encoded with keyOf). */
  tombstones: readonly string[];
  /** The fields the batch carries; absent = every field of the dataset. */
  fields?: readonly string[];
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

interface Layer {
  set: ColumnSet;
  row: number;
  /** Bit per field of the dataset that this layer's batch carries. */
  carried: Uint8Array | null;
}

/**
 * Returns the resolved rows of a dataset as one column set. Per key, the rows of every batch
 * since the last one that carried all fields are kept as layers; each field takes its value
 * from the newest layer that carries it. When a single batch holds everything and removes
 * nothing, its blocks are concatenated without building a key map: rows inside one batch have
 * unique keys by construction (imports refuse duplicates).
 */
export function resolveDataset(dataset: DatasetName, batches: readonly BatchBlocks[]): ColumnSet {
  const def = DATASETS[dataset];
  const fieldNames = def.fields.map((f) => f.name);
  const ordered = [...batches].sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
  const blocks = ordered.flatMap((b) => [...b.blocks].sort((x, y) => x.index - y.index).map((bl) => ({ batch: b, set: bl.set })));
  const carriedMask = (b: BatchBlocks): Uint8Array | null => {
    if (!b.fields) return null;
    const carried = new Set(b.fields);
    if (fieldNames.every((n) => carried.has(n))) return null;
    return Uint8Array.from(fieldNames, (n) => (carried.has(n) ? 1 : 0));
  };

  // A key's layers: one (the common case, kept without an array) or several.
  let pick: (Layer | Layer[])[] | null = null;
  const simple = ordered.length <= 1 && ordered.every((b) => b.tombstones.length === 0 && carriedMask(b) === null);
  if (!simple) {
    const winner = new Map<string, Layer | Layer[]>();
    for (const b of ordered) {
      const carried = carriedMask(b);
      for (const key of b.tombstones) winner.delete(key);
      for (const bl of b.blocks) {
        for (let r = 0; r < bl.set.length; r++) {
          const key = keyOf(bl.set, r, def.key);
          const layer: Layer = { set: bl.set, row: r, carried };
          const previous = carried ? winner.get(key) : undefined;
          // Delete first so that Map insertion order follows the latest batch's row order.
          winner.delete(key);
          winner.set(key, previous ? (Array.isArray(previous) ? [...previous, layer] : [previous, layer]) : layer);
        }
      }
    }
    pick = [...winner.values()];
  }

  const length = pick ? pick.length : blocks.reduce((n, b) => n + b.set.length, 0);
  const columns: Record<string, Column> = {};
  const sample = blocks[0]?.set;
  for (const [fi, field] of def.fields.entries()) {
    const name = field.name;
    const template = sample?.columns[name];
    const numeric = template ? template instanceof Float64Array : isNumericField(field);
    const out = numeric ? new Float64Array(length).fill(NaN) : (new Array(length).fill(null) as StringColumn);
    if (pick) {
      for (let i = 0; i < pick.length; i++) {
        const entry = pick[i];
        if (!Array.isArray(entry)) {
          const v = entry.set.columns[name]?.[entry.row];
          if (v !== undefined && (!entry.carried || entry.carried[fi])) out[i] = v as never;
          continue;
        }
        const layers = entry;
        for (let l = layers.length - 1; l >= 0; l--) {
          const layer = layers[l];
          if (layer.carried && !layer.carried[fi]) continue;
          const v = layer.set.columns[name]?.[layer.row];
          if (v !== undefined) out[i] = v as never;
          break;
        }
      }
    } else if (template) {
      let at = 0;
      for (const b of blocks) {
        const src = b.set.columns[name];
        if (out instanceof Float64Array && src instanceof Float64Array) out.set(src, at);
        else for (let r = 0; r < b.set.length; r++) (out as StringColumn)[at + r] = (src as StringColumn)[r];
        at += b.set.length;
      }
    }
    columns[name] = out;
  }
  return { dataset, length, columns };
}
