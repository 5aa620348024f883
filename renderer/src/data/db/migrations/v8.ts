// Schema version 8: selection rounds (选拔批次). A rounds table, and selection entries indexed
// by their round. Entries handed over before rounds existed get their round from
// upgradeToRounds (records/pipeline-store.ts) through the write path, which stamps the new
// round's envelope and audits it; this step only changes the tables.

import type Dexie from 'dexie';
import { V7_STORES } from './v7.ts';

export const V8_STORES = {
  ...V7_STORES,
  pipeline: 'id, employeeId, stage, runId, roundId, updatedAt, partition, hlc',
  rounds: 'id, partition',
} as const;

export function applyV8(db: Dexie): void {
  db.version(8).stores(V8_STORES);
}
