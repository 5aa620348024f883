// Import batches on the data side: the current rows of a dataset, the commit of a planned
// batch (one transaction, with the mapping remembered for next time), duplicate-file
// detection and undo.

import type { DatasetName } from '../../../../shared/domain/facts/datasets.ts';
import type { ImportPlan } from '../../../../shared/domain/facts/plan.ts';
import { resolveDataset } from '../../../../shared/domain/facts/resolve.ts';
import { change } from '../records/change.ts';
import type { XinhuoDb } from '../db/db.ts';
import { dropBatch, FACT_KINDS, liveBatches, readDataset, writeBatch } from './fact-store.ts';
import type { Actor, FactBatchRecord, SavedMapping } from '../db/types.ts';
import { failure, FailureError } from '../../../../shared/domain/failure.ts';

export async function currentDataset(db: XinhuoDb, dataset: DatasetName) {
  return resolveDataset(dataset, await readDataset(db, dataset));
}

export async function savedMappings(db: XinhuoDb): Promise<Record<string, SavedMapping>> {
  const row = await db.settings.get('importMappings');
  return row?.key === 'importMappings' ? row.value : {};
}

export async function findBatchByHash(db: XinhuoDb, sha256: string): Promise<FactBatchRecord | undefined> {
  return (await liveBatches(db)).find((b) => b.sha256 === sha256);
}

export interface CommitRequest {
  plan: ImportPlan;
  fileName: string;
  sha256: string;
  mapping: Record<string, string>;
  signature: string;
  /** The dataset's live batches when the plan was made (datasetBasis); omitted, the check is skipped. */
  basis?: string;
}

/** What a plan was made against: the ids of the dataset's live batches. */
export async function datasetBasis(db: XinhuoDb, dataset: DatasetName): Promise<string> {
  return (await liveBatches(db, dataset)).map((b) => b.id).sort().join(',');
}

/**
 * Commits a planned import in one transaction. Inside it, the commit re-checks that the
 * dataset has not changed since the plan (another window may have imported or undone in
 * between: a stale plan would revert its rows) and that the same file is not already in.
 */
export async function commitImport(db: XinhuoDb, actor: Actor, req: CommitRequest): Promise<FactBatchRecord> {
  const existing = await savedMappings(db);
  const dataset = req.plan.set.dataset;
  return change(db, actor, 'import', FACT_KINDS, async (ctx) => {
    const live = (await ctx.byIndex('factBatch', 'dataset', dataset)).filter((b) => !b.deleted);
    if (req.basis !== undefined && live.map((b) => b.id).sort().join(',') !== req.basis) throw new FailureError(failure('import.stale', { dataset }));
    if (req.sha256 && (await ctx.all('factBatch')).some((b) => !b.deleted && b.sha256 === req.sha256)) throw new FailureError(failure('import.duplicate', { file: req.fileName }));
    const record = await writeBatch(ctx, {
      set: req.plan.set,
      fileName: req.fileName,
      sha256: req.sha256,
      mapping: req.mapping,
      mode: req.plan.mode,
      tombstones: req.plan.tombstones,
      counts: req.plan.counts,
    });
    // The mapping is a local setting, written in the same transaction.
    await db.settings.put({ key: 'importMappings', value: { ...existing, [req.signature]: { dataset: req.plan.set.dataset, fields: req.mapping, savedAt: record.createdAt } } });
    return record;
  });
}

export async function undoImport(db: XinhuoDb, actor: Actor, batchId: string): Promise<void> {
  await change(db, actor, 'import', FACT_KINDS, (ctx) => dropBatch(ctx, batchId));
}
