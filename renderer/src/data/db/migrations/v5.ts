// Schema version 5: sync. Losing versions of records written by two lineages of one partition
// (a database and its restored copy) are kept in their own table, never dropped.

import type Dexie from 'dexie';
import { V4_STORES } from './v4.ts';

export const V5_STORES = {
  ...V4_STORES,
  conflicts: 'id, recordId, partition, kind',
} as const;

export function applyV5(db: Dexie): void {
  // A new table only: existing rows need no upgrade.
  db.version(5).stores(V5_STORES);
}
