// The record store in memory: for the CLI (which keeps no hidden state) and for tests. A
// transaction works on copies and publishes them only when it succeeds, so a failed change
// leaves nothing behind, exactly as an IndexedDB transaction does. Transactions run one at a
// time. Records are cloned in and out, as IndexedDB clones them.

import type { Actor, Installation, RecordKind, RecordOf } from './schemas.ts';
import { RECORD_INDEXES, runChange, type IndexOf, type RecordStore, type StoreSettings, type StoreTx } from './store.ts';

type Tables = Map<RecordKind, Map<string, unknown>>;

/**
 * A deep copy of a record: plain objects, arrays, typed columns and primitives — all a record
 * holds. As IndexedDB does, the store never shares an object with its caller; this is several
 * times faster than structuredClone on 100,000 small records.
 */
function copyRecord<V>(v: V): V {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(copyRecord) as V;
  if (ArrayBuffer.isView(v)) return (v as unknown as Float64Array).slice() as V;
  const out: Record<string, unknown> = {};
  for (const k in v) if (k !== '__proto__' && Object.prototype.hasOwnProperty.call(v, k)) out[k] = copyRecord((v as Record<string, unknown>)[k]);
  return out as V;
}

export class MemoryRecordStore implements RecordStore {
  private tables: Tables = new Map();
  private settings = new Map<keyof StoreSettings, unknown>();
  private queue: Promise<unknown> = Promise.resolve();

  transaction<T>(_kinds: readonly RecordKind[], work: (tx: StoreTx) => Promise<T>): Promise<T> {
    const run = this.queue.then(() => this.run(work));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Everything of a kind, outside any transaction (for tests and the CLI's reports). */
  async list<K extends RecordKind>(kind: K): Promise<RecordOf[K][]> {
    return this.transaction([kind], (tx) => tx.all(kind));
  }

  private async run<T>(work: (tx: StoreTx) => Promise<T>): Promise<T> {
    const written = new Map<RecordKind, Map<string, unknown>>();
    const settings = new Map(this.settings);
    const table = (kind: RecordKind, forWrite: boolean): Map<string, unknown> => {
      const copy = written.get(kind);
      if (copy) return copy;
      const base = this.tables.get(kind) ?? new Map<string, unknown>();
      if (!forWrite) return base;
      const next = new Map(base);
      written.set(kind, next);
      return next;
    };
    const clone = <V>(v: V): V => copyRecord(v);
    const tx: StoreTx = {
      get: async (kind, id) => clone(table(kind, false).get(id) as never),
      getMany: async (kind, ids) => {
        const t = table(kind, false);
        return ids.map((id) => clone(t.get(id) as never));
      },
      byIndex: async <K extends RecordKind>(kind: K, index: IndexOf<K>, value: string) => {
        if (!(RECORD_INDEXES[kind] as readonly string[]).includes(index)) throw new Error(`${kind} has no index ${index}`);
        return [...table(kind, false).values()].filter((r) => (r as Record<string, unknown>)[index] === value).map(clone) as RecordOf[K][];
      },
      all: async (kind) => [...table(kind, false).values()].map(clone) as never,
      setting: async (key) => structuredClone(settings.get(key) as never),
      bulkPut: async (kind, records, handedOver) => {
        const t = table(kind, true);
        for (const r of records) t.set(r.id, handedOver ? r : clone(r));
      },
      purge: async (kind, ids) => {
        const t = table(kind, true);
        for (const id of ids) t.delete(id);
      },
      putSetting: async (key, value) => {
        settings.set(key, structuredClone(value));
      },
    };
    const result = await work(tx);
    for (const [kind, t] of written) this.tables.set(kind, t);
    this.settings = settings;
    return result;
  }
}

/**
 * A set-up installation in memory with one administrator, created the way first-run setup
 * creates one: for the CLI (which works as that administrator) and tests. The account has no
 * password that could ever match: nobody signs in to a memory store.
 */
export async function memoryInstallation(installation: Installation, admin: Actor = { userId: 'u-admin', userName: 'admin' }): Promise<{ store: MemoryRecordStore; actor: Actor }> {
  const store = new MemoryRecordStore();
  await store.transaction([], (tx) => tx.putSetting('installation', installation));
  await runChange(store, admin, 'setup', ['user'], (ctx) =>
    ctx.put('user', { id: admin.userId, userName: admin.userName, displayName: admin.userName, role: 'admin', department: null, createdAt: installation.createdAt, password: { algorithm: 'PBKDF2-SHA-256', iterations: 1, salt: '', hash: '' } }),
  );
  return { store, actor: admin };
}
