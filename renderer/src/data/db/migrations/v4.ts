// Schema version 4: audit entries become codes. An entry stored its summary as Chinese prose,
// which could not be shown in English nor travel as data; it now stores {action, params} and
// is rendered in the reader's language. Old entries keep their prose as the fallback to show
// (the audit kind's restore, shared/records/restore.ts, does the conversion).

import type Dexie from 'dexie';
import { restoreRecord } from '../../../../../shared/records/restore.ts';
import { V3_STORES } from './v3.ts';

export const V4_STORES = V3_STORES;

export function applyV4(db: Dexie): void {
  db.version(4)
    .stores(V4_STORES)
    .upgrade(async (tx) => {
      await tx
        .table('audit')
        .toCollection()
        .modify((entry: Record<string, unknown>, ref: { value: unknown }) => {
          if ('params' in entry) return;
          const restored = restoreRecord('audit', entry, 1);
          // An entry the schema cannot read is kept as it was rather than dropped.
          if (restored.ok) ref.value = restored.record;
        });
    });
}
