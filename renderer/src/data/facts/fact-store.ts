// Reading the fact block store (DESIGN.md §4). Writing batches is shared/records/facts.ts.

import type { DatasetName } from '../../../../shared/domain/facts/datasets.ts';
import type { BatchBlocks } from '../../../../shared/domain/facts/resolve.ts';
import { getOpened } from '../db/at-rest.ts';
import type { XinhuoDb } from '../db/db.ts';
import type { FactBatchRecord, FactBlockRecord } from '../db/types.ts';
import { plantCodeOf, scopeKeyToPlant, scopeToPlant } from '../../../../shared/domain/facts/plant-keys.ts';
import { ownPartition } from '../../../../shared/records/store.ts';
import { getInstallation } from '../records/installation.ts';

export { BLOCK_ROWS, buildBatch, dropBatch, FACT_KINDS, writeBatch, type NewBatch } from '../../../../shared/records/facts.ts';

/** The batches that count: undone ones stay as tombstones but hold no facts. */
export async function liveBatches(db: XinhuoDb, dataset?: DatasetName): Promise<FactBatchRecord[]> {
  const all = dataset ? await db.factBatches.where('dataset').equals(dataset).toArray() : await db.factBatches.orderBy('order').toArray();
  return all.filter((b) => !b.deleted);
}

/**
 * The same, read before anyone has signed in: the rows are read at once and opened when the
 * key arrives, so that reading the store overlaps the password check.
 */
async function liveBatchesOnceOpen(db: XinhuoDb, dataset?: DatasetName): Promise<FactBatchRecord[]> {
  const keys = dataset ? await db.factBatches.where('dataset').equals(dataset).primaryKeys() : await db.factBatches.orderBy('order').primaryKeys();
  const all = await Promise.all(keys.map((k) => getOpened<FactBatchRecord>(db.factBatches, k, true)));
  return all.filter((b): b is FactBatchRecord => !!b && !b.deleted);
}

/** Reading for start-up: `waitForKey` reads before sign-in and opens after it. */
export interface ReadOptions {
  waitForKey?: boolean;
}

export const liveBatchesFor = (db: XinhuoDb, dataset: DatasetName | undefined, options: ReadOptions): Promise<FactBatchRecord[]> => (options.waitForKey ? liveBatchesOnceOpen(db, dataset) : liveBatches(db, dataset));

/**
 * Reads a dataset's batches and blocks, one block per request so that no single
 * deserialisation holds the UI thread for long.
 */
export async function readDataset(db: XinhuoDb, dataset: DatasetName, options: ReadOptions = {}): Promise<BatchBlocks[]> {
  const batches = await liveBatchesFor(db, dataset, options);
  const installation = await getInstallation(db);
  const own = installation ? ownPartition(installation) : null;
  const out: BatchBlocks[] = [];
  for (const b of batches) {
    // At head office, a plant's facts are keyed by plant: the same 工号 at two plants is two people.
    const code = b.partition !== own ? plantCodeOf(b.partition) : null;
    const keys = await db.factBlocks.where('[dataset+batch]').equals([dataset, b.id]).primaryKeys();
    const blocks: BatchBlocks['blocks'][number][] = [];
    for (const key of keys) {
      // Each block is its own request, so deserialising one never holds the UI thread long;
      // it is opened with WebCrypto (sealed at rest), off the thread.
      const block = await getOpened<FactBlockRecord>(db.factBlocks, key, options.waitForKey);
      if (!block) continue;
      const set = { dataset, length: block.rowCount, columns: block.columns };
      blocks.push({ index: block.index, set: code ? scopeToPlant(set, code, block.meta.plant) : set });
    }
    out.push({ batch: b.id, order: b.order, tombstones: code ? b.tombstones.map((k) => scopeKeyToPlant(code, k)) : b.tombstones, fields: b.fields, blocks });
  }
  return out;
}
