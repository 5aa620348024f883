// Schema version 1: installation settings, users, the audit log, and the fact block store
// (batches + columnar blocks). Every synced table indexes its envelope's partition and hlc.

import type Dexie from 'dexie';

export const V1_STORES = {
  settings: 'key',
  users: 'id, &userName, partition, hlc',
  audit: 'id, at, userId, action, entity, entityId, partition, hlc',
  factBatches: 'id, dataset, order, createdAt, partition, hlc',
  factBlocks: 'id, [dataset+batch], batch, dataset, partition, hlc',
} as const;

export function applyV1(db: Dexie): void {
  db.version(1).stores(V1_STORES);
}
