// Every write of the app goes through change(): the shared write path (shared/records/store.ts)
// over this installation's Dexie database, in one IndexedDB transaction.

import type { RecordKind } from '../../../../shared/records/schemas.ts';
import { runChange, type ChangeContext, type Needs } from '../../../../shared/records/store.ts';
import type { XinhuoDb } from '../db/db.ts';
import { DexieRecordStore } from './dexie-store.ts';
import type { Actor } from '../db/types.ts';

export type { ChangeContext } from '../../../../shared/records/store.ts';
export { ownPartition, type Needs } from '../../../../shared/records/store.ts';

const stores = new WeakMap<XinhuoDb, DexieRecordStore>();

export function recordStore(db: XinhuoDb): DexieRecordStore {
  let store = stores.get(db);
  if (!store) stores.set(db, (store = new DexieRecordStore(db)));
  return store;
}

/** One change over this database; `needs` is what the signed-in user must be allowed to do. */
export function change<T>(db: XinhuoDb, actor: Actor, needs: Needs, kinds: readonly RecordKind[], work: (ctx: ChangeContext) => Promise<T>): Promise<T> {
  return runChange(recordStore(db), actor, needs, kinds, work);
}
