// Fact batches in the write path (DESIGN.md §4): a batch of facts is written as one batch
// record and columnar blocks of at most BLOCK_ROWS rows, in the caller's change, so that a
// batch is either fully there or not at all. Undo makes the batch a tombstone and drops its
// blocks. The app, the CLI's demo bundles and the tests write facts through these.

import { sliceColumnSet, type ColumnSet } from '../domain/facts/columns.ts';
import type { ChangeContext } from './store.ts';
import type { FactBatchRecord, FactBlockRecord, ImportMode } from './schemas.ts';

export const BLOCK_ROWS = 10_000;

export interface NewBatch {
  set: ColumnSet;
  fileName: string;
  sha256: string | null;
  mapping: Record<string, string> | null;
  mode: ImportMode;
  tombstones?: string[];
  counts?: Partial<FactBatchRecord['counts']>;
}

function periodRange(set: ColumnSet): { periodMin: string | null; periodMax: string | null } {
  const col = (set.columns.period ?? set.columns.date) as (string | null)[] | undefined;
  if (!col || col instanceof Float64Array) return { periodMin: null, periodMax: null };
  let lo: string | null = null;
  let hi: string | null = null;
  for (const v of col) {
    if (v === null) continue;
    if (lo === null || v < lo) lo = v;
    if (hi === null || v > hi) hi = v;
  }
  return { periodMin: lo, periodMax: hi };
}

/** Builds the records of one batch; pure apart from the envelope stamps. */
export function buildBatch(ctx: ChangeContext, batch: NewBatch): { record: FactBatchRecord; blocks: FactBlockRecord[] } {
  const envelope = ctx.stamp();
  const blocks: FactBlockRecord[] = [];
  const plantCol = batch.set.columns.plant;
  const plant = plantCol && !(plantCol instanceof Float64Array) ? (plantCol.find((p) => p !== null) ?? null) : (ctx.installation.plant?.name ?? null);
  for (let start = 0, index = 0; start < batch.set.length || index === 0; start += BLOCK_ROWS, index++) {
    const set = sliceColumnSet(batch.set, start, start + BLOCK_ROWS);
    blocks.push({ ...ctx.stamp(), dataset: batch.set.dataset, batch: envelope.id, index, rowCount: set.length, columns: set.columns, meta: { plant, ...periodRange(set) } });
    if (batch.set.length === 0) break;
  }
  const record: FactBatchRecord = {
    ...envelope,
    dataset: batch.set.dataset,
    order: envelope.hlc,
    fileName: batch.fileName,
    sha256: batch.sha256,
    mapping: batch.mapping,
    mode: batch.mode,
    counts: { rows: batch.set.length, added: batch.set.length, updated: 0, unchanged: 0, refused: 0, ...batch.counts },
    tombstones: batch.tombstones ?? [],
    ...(batch.set.fields ? { fields: [...batch.set.fields] } : {}),
    userId: ctx.actor.userId,
    userName: ctx.actor.userName,
    createdAt: new Date().toISOString(),
    blockCount: blocks.length,
  };
  return { record, blocks };
}

/** The kinds a change that writes facts needs. */
export const FACT_KINDS = ['factBatch', 'factBlock'] as const;

/** Writes one batch inside the caller's change() over FACT_KINDS. Blocks and batch are stamped as they are built. */
export async function writeBatch(ctx: ChangeContext, batch: NewBatch): Promise<FactBatchRecord> {
  const { record, blocks } = buildBatch(ctx, batch);
  await ctx.putStamped('factBatch', [record]);
  await ctx.putStamped('factBlock', blocks);
  ctx.audit('import.batch', 'dataset', batch.set.dataset, { dataset: batch.set.dataset, file: batch.fileName, rows: batch.set.length, mode: batch.mode, batch: record.id });
  return record;
}

/**
 * Undoes a batch: the batch becomes a tombstone (so that the undo can travel in a bundle)
 * and its blocks are dropped; the model then resolves as if it had never been imported.
 */
export async function dropBatch(ctx: ChangeContext, batchId: string): Promise<void> {
  const record = await ctx.get('factBatch', batchId);
  if (!record || record.deleted) return;
  const blocks = await ctx.byIndex('factBlock', 'batch', batchId);
  await ctx.purge('factBlock', blocks.map((b) => b.id));
  await ctx.remove('factBatch', batchId);
  ctx.audit('import.undo', 'dataset', record.dataset, { dataset: record.dataset, file: record.fileName, batch: batchId });
}
