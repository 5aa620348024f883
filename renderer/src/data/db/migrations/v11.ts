// Schema version 11: data derived from the records and kept to start faster (facts/people-cache.ts:
// the people list's index). A table of its own, sealed like the facts; nothing existing changes,
// and anything in it can be thrown away and rebuilt.

import type Dexie from 'dexie';
import { V10_STORES } from './v10.ts';

export const V11_STORES = {
  ...V10_STORES,
  derived: 'id',
} as const;

export function applyV11(db: Dexie): void {
  db.version(11).stores(V11_STORES);
}
