// Schema version 3: the selection pipeline. A saved screening run handed to the pipeline
// becomes one entry per person at 数据初选, each carrying its history of stage moves.

import type Dexie from 'dexie';
import { V2_STORES } from './v2.ts';

export const V3_STORES = {
  ...V2_STORES,
  pipeline: 'id, employeeId, stage, runId, updatedAt, partition, hlc',
} as const;

export function applyV3(db: Dexie): void {
  // A new table only: existing rows need no upgrade.
  db.version(3).stores(V3_STORES);
}
