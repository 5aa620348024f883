// Schema version 7: certified trainers (内训师), the end of a selection round.

import type Dexie from 'dexie';
import { V6_STORES } from './v6.ts';

export const V7_STORES = {
  ...V6_STORES,
  trainers: 'id, employeeId, partition',
} as const;

export function applyV7(db: Dexie): void {
  // A new table only: existing rows need no upgrade.
  db.version(7).stores(V7_STORES);
}
