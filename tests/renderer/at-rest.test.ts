// Personal data at rest: what IndexedDB holds is sealed (no name, no 工号, no score readable),
// the app reads it back unchanged once signed in, and the key is wrapped per account.
import { describe, expect, it, vi } from 'vitest';
import { ColumnSetBuilder, rowAt } from '../../shared/domain/facts/columns.ts';
import type { FailureError } from '../../shared/domain/failure.ts';
import { failureText } from '../../shared/domain/messages.ts';
import { planImport } from '../../shared/domain/facts/plan.ts';
import { SEED_PROFILE } from '../../shared/domain/screening/profile.ts';
import { commitImport, currentDataset } from '../../renderer/src/data/facts/import-store.ts';
import { adoptKeys, forgetKey, pack, sealAhead, unpack } from '../../renderer/src/data/db/at-rest.ts';
import { atRestKeys, bindKeysToUser, dropKey, heldKey, holdKey } from '../../renderer/src/data/records/at-rest-keys.ts';
import { buildFactModel, FactModelStore } from '../../renderer/src/data/facts/fact-model.ts';
import { buildPeopleHere } from '../../renderer/src/data/facts/people-build.ts';
import { signOut } from '../../renderer/src/data/records/installation.ts';
import { handOffRun } from '../../renderer/src/data/records/pipeline-store.ts';
import { saveRun } from '../../renderer/src/data/records/screening-store.ts';
import { createUser, resetPassword } from '../../renderer/src/data/records/users-store.ts';
import { XinhuoDb } from '../../renderer/src/data/db/db.ts';
import { installedDb, PLANT_SETUP, screeningReport, signIn } from './helpers.ts';

const NAME = '欧阳明轩';
const ID = 'E7730419';

function roster() {
  const b = new ColumnSetBuilder('roster');
  b.push({ employeeId: ID, name: NAME, department: '质量部', status: 'active' });
  b.push({ employeeId: 'E7730420', name: '李娜', department: '质量部', status: 'active' });
  return b.build();
}

/** Every row of an object store as IndexedDB holds it, read without Dexie. */
function rawRows(dbName: string, store: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(dbName);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction(store, 'readonly').objectStore(store).getAll();
      req.onsuccess = () => {
        open.result.close();
        resolve(req.result as unknown[]);
      };
      req.onerror = () => reject(req.error);
    };
  });
}

/** Text of a raw row as a search would see it: strings, and the bytes of binary parts decoded every way. */
function visibleText(value: unknown): string {
  if (value instanceof Uint8Array) return new TextDecoder().decode(value) + new TextDecoder('utf-16le').decode(value.subarray(0, value.length - (value.length % 2)));
  if (value instanceof Float64Array) return Array.from(value).join(',');
  if (value && typeof value === 'object') return Object.entries(value).map(([k, v]) => `${k}:${visibleText(v)}`).join(' ');
  return String(value);
}

async function withData() {
  const ctx = await installedDb();
  await commitImport(ctx.db, ctx.actor, { plan: planImport(await currentDataset(ctx.db, 'roster'), roster(), 'upsert'), fileName: 'roster.xlsx', sha256: 'r', mapping: {}, signature: 's' });
  const row = { e: 0, employeeId: ID, name: NAME, department: '质量部', position: '检验员', criteria: [] };
  const run = await saveRun(ctx.db, ctx.actor, SEED_PROFILE, screeningReport([row], []), []);
  await handOffRun(ctx.db, ctx.actor, run.id);
  return ctx;
}

describe('encryption at rest', () => {
  it('packs rows with Float64Array columns and reads them back bit for bit', () => {
    const value = { id: 'b1', columns: { score: new Float64Array([1.5, Number.NaN, -0, 1e300]), name: ['甲', null] }, nested: [{ x: new Float64Array([2]) }] };
    const back = unpack(pack(value)) as typeof value;
    expect(Array.from(back.columns.score)).toEqual([1.5, Number.NaN, -0, 1e300]);
    expect(Object.is(back.columns.score[2], -0)).toBe(true);
    expect(back.columns.name).toEqual(['甲', null]);
    expect(Array.from(back.nested[0].x)).toEqual([2]);
    // The value handed in is not changed.
    expect(value.columns.score).toBeInstanceOf(Float64Array);
  });

  it('packs Int32Array, Uint32Array and Uint16Array columns too, each kind read back as itself', () => {
    const value = { text: new Uint16Array([0x6b27, 0xe000, 0xd800, 65535]), starts: new Uint32Array([0, 3, 4294967295]), codes: new Int32Array([-1, 0, 2147483647]), score: new Float64Array([0.5]) };
    const back = unpack(pack(value)) as typeof value;
    expect(back.text).toBeInstanceOf(Uint16Array);
    expect(Array.from(back.text)).toEqual([0x6b27, 0xe000, 0xd800, 65535]);
    expect(back.starts).toBeInstanceOf(Uint32Array);
    expect(Array.from(back.starts)).toEqual([0, 3, 4294967295]);
    expect(back.codes).toBeInstanceOf(Int32Array);
    expect(Array.from(back.codes)).toEqual([-1, 0, 2147483647]);
    expect(Array.from(back.score)).toEqual([0.5]);
    // Other views are refused rather than written as something else.
    expect(() => pack({ bytes: new Uint8Array([1]) })).toThrow(/columns can be sealed/);
  });

  it('packs long arrays of strings as dictionaries and reads them back as JSON would', () => {
    const periods = Array.from({ length: 1000 }, (_, i) => (i % 7 === 3 ? null : `2026Q${(i % 4) + 1}`));
    // A hole and undefined read back as null, as through JSON; a lone surrogate and reserved characters survive.
    const odd = ['张\uD800', '\uE000', '', ...periods.slice(0, 40)];
    const sparse: (string | undefined)[] = new Array(40).fill('甲');
    sparse[3] = undefined;
    delete sparse[5];
    const mixed = [...periods.slice(0, 40), 1];
    const value = { columns: { period: periods, odd, sparse, mixed, short: ['a', null] }, nested: [{ ids: periods.slice(0, 64) }] };
    const json = JSON.parse(JSON.stringify(value)) as unknown;
    const bytes = pack(value);
    expect(unpack(bytes)).toEqual(json);
    // The values are packed once each: the 1,000 periods take the room of their five labels and their codes.
    expect(bytes.length).toBeLessThan(JSON.stringify(value).length / 2);
    expect(new TextDecoder().decode(pack({ periods })).split('2026Q1').length - 1).toBe(1);
    // An array holding anything but strings and nulls stays JSON.
    expect(new TextDecoder().decode(pack({ mixed })).split('2026Q1').length - 1).toBe(mixed.filter((p) => p === '2026Q1').length);
    // More than 65,535 distinct values widen the codes.
    const many = Array.from({ length: 70_000 }, (_, i) => (i === 5 ? null : `E${i}`));
    expect(unpack(pack({ many })).many).toEqual(many);
  });

  it('reads rows packed before the other kinds existed (a header entry without a kind is a Float64Array)', () => {
    const enc = new TextEncoder();
    const header = enc.encode(JSON.stringify([[['score'], 2]]));
    const json = enc.encode(JSON.stringify({ id: 'b1', score: null }));
    const at = Math.ceil((8 + header.length + json.length) / 8) * 8;
    const bytes = new Uint8Array(at + 16);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, header.length, true);
    view.setUint32(4, json.length, true);
    bytes.set(header, 8);
    bytes.set(json, 8 + header.length);
    view.setFloat64(at, 1.25, true);
    view.setFloat64(at + 8, -3, true);
    const back = unpack(bytes) as { id: string; score: Float64Array };
    expect(back.id).toBe('b1');
    expect(back.score).toBeInstanceOf(Float64Array);
    expect(Array.from(back.score)).toEqual([1.25, -3]);
  });

  it('stores no name, 工号 or score readably, and reads everything back once signed in', async () => {
    const { db } = await withData();
    // The people index kept for the next start-up is sealed too.
    let kept: Promise<boolean> | undefined;
    await buildFactModel(db, 1, buildPeopleHere(async () => () => ''), undefined, {}, (w) => (kept = w));
    expect(await kept).toBe(true);
    for (const store of ['factBlocks', 'factBatches', 'screeningRuns', 'pipeline', 'audit', 'derived']) {
      const rows = await rawRows(db.name, store);
      expect(rows.length, store).toBeGreaterThan(0);
      const text = rows.map(visibleText).join('\n');
      expect(text, store).not.toContain(NAME);
      expect(text, store).not.toContain(ID);
      for (const row of rows) expect(row, store).toHaveProperty('$sealed');
    }
    // The 工号 index of the pipeline holds a keyed hash; looking it up still works.
    const [raw] = (await rawRows(db.name, 'pipeline')) as { employeeId: string }[];
    expect(raw.employeeId).toMatch(/^h:[0-9a-f]{32}$/);
    expect((await db.pipeline.where('employeeId').equals(ID).toArray()).map((e) => e.employeeId)).toEqual([ID]);
    const people = await currentDataset(db, 'roster');
    expect(rowAt(people, 0)).toMatchObject({ employeeId: ID, name: NAME });
  });

  it('cannot be read without the key, and refuses a row moved to another key', async () => {
    const { db, actor } = await withData();
    // A second window that has not signed in.
    dropKey(db);
    const other = new XinhuoDb(db.name);
    await expect(other.pipeline.toArray()).rejects.toMatchObject({ failure: { code: 'atRest.locked' } });
    await signIn(db, 'admin', PLANT_SETUP.admin.password);
    // Someone copies one sealed row over another with the developer tools.
    const rows = await rawRows(db.name, 'factBatches');
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open(db.name);
      open.onsuccess = () => {
        const tx = open.result.transaction('factBatches', 'readwrite');
        tx.objectStore('factBatches').put({ ...(rows[0] as object), id: 'forged' });
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
    const refused: unknown = await db.factBatches.get('forged').catch((e: unknown) => e);
    expect((refused as FailureError).failure.code).toBe('atRest.damaged');
    expect(failureText((refused as FailureError).failure)).toContain('无法解开');
    await signOut(db, actor);
  });

  it('reads the people list while the password is checked and opens it when the key arrives', async () => {
    const { db } = await withData();
    const key = heldKey(db)!;
    dropKey(db);
    const store = new FactModelStore(db);
    let opened = false;
    const loading = store.rebuild({ waitForKey: true }).then((m) => ((opened = true), m));
    await new Promise((r) => setTimeout(r, 50));
    // Without the key nothing is opened…
    expect(opened).toBe(false);
    expect(store.get().people).toBeNull();
    // …and sign-in's key lets the same load finish.
    holdKey(db, key);
    const model = await loading;
    expect([model.people!.ids[0], model.people!.names[0]]).toEqual([ID, NAME]);
    expect(store.get().people?.ids.length).toBe(2);
  });

  it('wraps the key for each account: a new account and a reset password can read, a wrong password cannot', async () => {
    const { db, actor } = await withData();
    const officer = await createUser(db, actor, { userName: 'li.o', displayName: '李', role: 'officer', department: null, password: 'officer-2026' }, 1000);
    expect(Object.keys((await atRestKeys(db))!.keys).sort()).toEqual([actor.userId, officer.id].sort());
    await signOut(db, actor);
    expect(await signIn(db, 'li.o', 'wrong-password')).toBeNull();
    await expect(db.pipeline.toArray()).rejects.toMatchObject({ failure: { code: 'atRest.locked' } });
    await signIn(db, 'li.o', 'officer-2026', () => Date.now() + 2000);
    expect(await db.pipeline.count()).toBe(1);
    expect((await db.pipeline.toArray())[0].employeeId).toBe(ID);
    await signOut(db, { userId: officer.id, userName: officer.userName });
    // The administrator resets the officer's password: the key is wrapped for the new one.
    await signIn(db, 'admin', PLANT_SETUP.admin.password, () => Date.now() + 5000);
    await resetPassword(db, actor, officer.id, 'new-officer-2026', 1000);
    await signOut(db, actor);
    const back = await signIn(db, 'li.o', 'new-officer-2026', () => Date.now() + 10_000);
    expect(back?.userName).toBe('li.o');
    expect((await db.pipeline.toArray())[0].employeeId).toBe(ID);
  });

  it('on desktop, seals each wrap to the operating-system user as well: another user cannot open it even with the password', async () => {
    // A stand-in for safeStorage: it opens only what it sealed for this user.
    const mine = new WeakSet<Uint8Array>();
    const sealedBy = new Map<string, Uint8Array>();
    const tag = (b: Uint8Array) => Array.from(b).join(',');
    bindKeysToUser({
      seal: async (bytes) => {
        const out = bytes.map((x) => x ^ 0x5a);
        mine.add(out);
        sealedBy.set(tag(out), bytes);
        return out;
      },
      open: async (sealed) => {
        const inner = sealedBy.get(tag(sealed));
        if (!inner) throw new Error('not this user');
        return inner;
      },
    });
    try {
      const { db, actor } = await withData();
      const wrap = (await atRestKeys(db))!.keys[actor.userId];
      expect(wrap.os).toBe(true);
      await signOut(db, actor);
      expect((await signIn(db, 'admin', PLANT_SETUP.admin.password))?.userName).toBe('admin');
      expect((await db.pipeline.toArray())[0].employeeId).toBe(ID);
      await signOut(db, actor);
      // The profile copied to another account: the store there does not know the wrap.
      sealedBy.clear();
      const refused = await signIn(db, 'admin', PLANT_SETUP.admin.password, () => Date.now() + 5000).catch((e: FailureError) => e);
      expect((refused as FailureError).failure.code).toBe('atRest.otherUser');
      expect(failureText((refused as FailureError).failure)).toContain('另一个系统账户');
    } finally {
      bindKeysToUser(null);
    }
  });

  it('seals a database made before encryption at rest when an administrator signs in; other accounts wait for a reset', async () => {
    const { db, actor } = await installedDb();
    const officer = await createUser(db, actor, { userName: 'li.o', displayName: '李', role: 'officer', department: null, password: 'officer-2026' }, 1000);
    await signOut(db, actor);
    // Make it an old database: no key, rows written readable.
    await db.settings.delete('atRest');
    await db.audit.clear();
    await db.pipeline.put({ id: 'p1', employeeId: ID, name: NAME } as never);
    expect(visibleText(await rawRows(db.name, 'pipeline'))).toContain(NAME);
    // An officer may still sign in while nothing is sealed.
    expect((await signIn(db, 'li.o', 'officer-2026'))?.userName).toBe('li.o');
    await signOut(db, { userId: officer.id, userName: officer.userName });
    await signIn(db, 'admin', PLANT_SETUP.admin.password, () => Date.now() + 5000);
    expect(visibleText(await rawRows(db.name, 'pipeline'))).not.toContain(NAME);
    expect((await db.pipeline.get('p1'))?.name).toBe(NAME);
    expect(await db.audit.where('action').equals('atRest.enabled').count()).toBe(1);
    await signOut(db, actor);
    const refused = await signIn(db, 'li.o', 'officer-2026', () => Date.now() + 10_000).catch((e: FailureError) => e);
    expect((refused as FailureError).failure).toEqual({ code: 'atRest.noKey', params: { userName: 'li.o' } });
  });
});

describe('fact blocks written in a change', () => {
  it('are sealed with WebCrypto while the transaction waits, and read back as written', async () => {
    const { db, actor } = await installedDb();
    const b = new ColumnSetBuilder('performance');
    for (let i = 0; i < 25_000; i++) b.push({ employeeId: `E${100000 + i}`, period: '2026Q3', score: 60 + (i % 40) });
    const set = b.build();
    const encrypt = vi.spyOn(crypto.subtle, 'encrypt');
    let sealedWithWebCrypto = 0;
    try {
      await commitImport(db, actor, { plan: planImport(await currentDataset(db, 'performance'), set, 'insert'), fileName: '绩效.xlsx', sha256: 'p', mapping: {}, signature: 's' });
      sealedWithWebCrypto = encrypt.mock.calls.filter(([, , data]) => (data as Uint8Array).byteLength > 100_000).length;
    } finally {
      encrypt.mockRestore();
    }
    // Three blocks of 10,000 rows, each sealed by WebCrypto rather than inside the transaction.
    expect(sealedWithWebCrypto).toBe(3);
    const raw = (await rawRows(db.name, 'factBlocks')) as Record<string, unknown>[];
    expect(raw).toHaveLength(3);
    for (const row of raw) expect(row).not.toHaveProperty('columns');
    const back = await currentDataset(db, 'performance');
    expect(back.length).toBe(25_000);
    expect(rowAt(back, 24_999)).toMatchObject({ employeeId: 'E124999', score: 99 });
  });
});

describe('keys handed to a worker', () => {
  const table = { db: { name: 'xinhuo-keys-test' }, name: 'derived', schema: { primKey: { keyPath: 'id' }, indexes: [] } };

  it('keep the installed key when a call brings a copy of it, and install a different one', async () => {
    const key = crypto.getRandomValues(new Uint8Array(32));
    adoptKeys({ [table.db.name]: key });
    const imported = vi.spyOn(crypto.subtle, 'importKey');
    try {
      await sealAhead(table, { id: 'a', text: '一' });
      // Every call carries a fresh copy of the same bytes: nothing is made again.
      adoptKeys({ [table.db.name]: key.slice() });
      await sealAhead(table, { id: 'b', text: '二' });
      expect(imported).toHaveBeenCalledTimes(1);
      adoptKeys({ [table.db.name]: crypto.getRandomValues(new Uint8Array(32)) });
      await sealAhead(table, { id: 'c', text: '三' });
      expect(imported).toHaveBeenCalledTimes(2);
    } finally {
      imported.mockRestore();
      forgetKey(table.db.name);
    }
  });
});
