// Schema version 10: the topic list (微课主题清单) as records of its own — entries typed in or
// taken from the training-needs survey, this installation's and head office's. A new table;
// nothing existing changes.

import type Dexie from 'dexie';
import { V9_STORES } from './v9.ts';

export const V10_STORES = {
  ...V9_STORES,
  topicThemes: 'id, partition',
} as const;

export function applyV10(db: Dexie): void {
  db.version(10).stores(V10_STORES);
}
