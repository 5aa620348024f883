// The record store over this installation's Dexie database: each record kind is a table,
// settings are rows of the settings table, and a transaction is one IndexedDB transaction
// (so, inside it, only Dexie calls).

import Dexie, { type Table } from 'dexie';
import type { RecordKind, RecordOf } from '../../../../shared/records/schemas.ts';
import type { IndexOf, RecordStore, StoreSettings, StoreTx } from '../../../../shared/records/store.ts';
import type { XinhuoDb } from '../db/db.ts';
import { sealRowsAhead, unsealedAhead } from '../db/at-rest.ts';
import type { SettingRow } from '../db/types.ts';

export const TABLE_OF: Record<RecordKind, keyof XinhuoDb & string> = {
  user: 'users',
  audit: 'audit',
  profile: 'profiles',
  screeningRun: 'screeningRuns',
  pipeline: 'pipeline',
  factBatch: 'factBatches',
  factBlock: 'factBlocks',
  conflict: 'conflicts',
  reviewPacket: 'reviewPackets',
  scoreSheet: 'scoreSheets',
  trainer: 'trainers',
  round: 'rounds',
  rubricTemplate: 'rubricTemplates',
  topicTheme: 'topicThemes',
};

/**
 * Kinds whose rows are large (a fact block holds up to 10,000 rows' columns, most of a
 * megabyte): in a transaction they are sealed with WebCrypto while Dexie keeps the transaction
 * alive (Dexie.waitFor), some thirty times faster than the middleware's synchronous cipher,
 * which would otherwise seal them one by one inside the transaction.
 */
const SEALED_WHILE_WAITING: ReadonlySet<RecordKind> = new Set<RecordKind>(['factBlock']);

export class DexieRecordStore implements RecordStore {
  readonly db: XinhuoDb;

  constructor(db: XinhuoDb) {
    this.db = db;
  }

  private table<K extends RecordKind>(kind: K): Table<RecordOf[K], string> {
    return this.db.table(TABLE_OF[kind]);
  }

  prepareRemote(kind: RecordKind, records: readonly object[]): Promise<void> {
    return sealRowsAhead(this.table(kind), records);
  }

  transaction<T>(kinds: readonly RecordKind[], work: (tx: StoreTx) => Promise<T>): Promise<T> {
    const db = this.db;
    const tables = [...new Set(['settings', 'audit', ...kinds.map((k) => TABLE_OF[k])])].map((n) => db.table(n));
    // Every method returns Dexie's own promise (no async wrappers), so that the transaction
    // zone follows each call (Dexie: inside a transaction, only Dexie calls).
    const tx: StoreTx = {
      get: (kind, id) => this.table(kind).get(id),
      getMany: (kind, ids) => this.table(kind).bulkGet([...ids]),
      byIndex: <K extends RecordKind>(kind: K, index: IndexOf<K>, value: string) => this.table(kind).where(index).equals(value).toArray(),
      all: (kind) => this.table(kind).toArray(),
      setting: <S extends keyof StoreSettings>(key: S) => db.settings.get(key).then((row) => (row?.key === key ? (row.value as StoreSettings[S]) : undefined)),
      bulkPut: (kind, records) => {
        const put = () => this.table(kind).bulkPut(records as RecordOf[typeof kind][]).then(() => undefined);
        return SEALED_WHILE_WAITING.has(kind) && unsealedAhead(this.table(kind), records) ? Dexie.waitFor(sealRowsAhead(this.table(kind), records)).then(put) : put();
      },
      purge: (kind, ids) => this.table(kind).bulkDelete([...ids]),
      putSetting: (key, value) => db.settings.put({ key, value } as SettingRow).then(() => undefined),
    };
    // The scope function must be declared async: Dexie keeps the transaction current across
    // native awaits only inside an async scope function.
    return db.transaction('rw', tables, async () => work(tx));
  }
}
