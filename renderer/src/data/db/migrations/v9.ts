// Schema version 9: rubric templates (评审量表模板), this installation's own and those head
// office sends down. A table of their own; nothing existing changes.

import type Dexie from 'dexie';
import { V8_STORES } from './v8.ts';

export const V9_STORES = {
  ...V8_STORES,
  rubricTemplates: 'id, partition',
} as const;

export function applyV9(db: Dexie): void {
  db.version(9).stores(V9_STORES);
}
