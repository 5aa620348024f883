// One contract for every record store: the write path (shared/records/store.ts) must behave
// the same over Dexie in the app and over memory in the CLI and tests.
import { describe, expect, it } from 'vitest';
import { FailureError } from '../../shared/domain/failure.ts';
import type { Installation, UserRecord } from '../../shared/records/schemas.ts';
import { runChange, type Draft, type RecordStore } from '../../shared/records/store.ts';

export const PLANT: Installation = { orgName: '华东能源集团', role: 'plant', plant: { code: 'P01', name: '华东第一制造厂', region: '江苏省' }, originId: 'origin-p01', createdAt: '2026-01-01T00:00:00.000Z' };
const actor = { userId: 'u-admin', userName: 'admin' };

const user = (userName: string, extra: Partial<Draft<'user'>> = {}): Draft<'user'> => ({
  userName,
  displayName: userName,
  role: 'officer',
  department: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  password: { algorithm: 'PBKDF2-SHA-256', iterations: 600_000, salt: 's', hash: 'h' },
  ...extra,
});

/** A set-up store whose administrator is `actor`, created the way first-run setup creates it. */
async function installed(make: () => Promise<RecordStore> | RecordStore): Promise<RecordStore> {
  const store = await make();
  await store.transaction([], (tx) => tx.putSetting('installation', PLANT));
  await runChange(store, actor, 'setup', ['user'], (ctx) => ctx.put('user', { ...user('admin', { role: 'admin' }), id: actor.userId }));
  return store;
}

const others = (users: UserRecord[]) => users.filter((u) => u.id !== actor.userId);

const read = <T>(store: RecordStore, fn: (tx: Parameters<Parameters<RecordStore['transaction']>[1]>[0]) => Promise<T>) => store.transaction(['user', 'pipeline'], fn);

export function describeRecordStore(name: string, make: () => Promise<RecordStore> | RecordStore): void {
  describe(`record store contract: ${name}`, () => {
    it('refuses to write before the installation is set up', async () => {
      const store = await make();
      const err = await runChange(store, actor, null, ['user'], (ctx) => ctx.put('user', user('a'))).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(FailureError);
      expect((err as FailureError).failure.code).toBe('change.notSetUp');
    });

    it('stamps every write with this origin, a growing seq and HLC, and its own partition; an update keeps the id', async () => {
      const store = await installed(make);
      const [a] = await runChange(store, actor, null, ['user'], (ctx) => ctx.put('user', user('a')));
      const [b] = await runChange(store, actor, null, ['user'], (ctx) => ctx.put('user', user('b')));
      const [a2] = await runChange(store, actor, null, ['user'], (ctx) => ctx.put('user', { ...a, displayName: '甲' }));
      for (const r of [a, b, a2]) expect(r).toMatchObject({ origin: PLANT.originId, partition: 'plant:P01', deleted: false });
      expect(a2.id).toBe(a.id);
      expect(a.seq).toBeLessThan(b.seq);
      expect(b.seq).toBeLessThan(a2.seq);
      expect(a.hlc < b.hlc && b.hlc < a2.hlc).toBe(true);
      expect(await read(store, (tx) => tx.get('user', a.id))).toEqual(a2);
      expect(others(await read(store, (tx) => tx.all('user'))).length).toBe(2);
    });

    it('refuses a write to a partition this installation does not own, and writes nothing of that change', async () => {
      const store = await installed(make);
      const err = await runChange(store, actor, null, ['user'], async (ctx) => {
        await ctx.put('user', user('mine'));
        return ctx.put('user', user('theirs', { partition: 'plant:P02' }));
      }).catch((e: unknown) => e);
      expect((err as FailureError).failure).toEqual({ code: 'change.foreignPartition', params: { kind: 'user', partition: 'plant:P02', own: 'plant:P01' } });
      expect(others(await read(store, (tx) => tx.all('user')))).toEqual([]);
    });

    it('deletes as a tombstone that stays, with a new seq', async () => {
      const store = await installed(make);
      const [a] = await runChange(store, actor, null, ['user'], (ctx) => ctx.put('user', user('a')));
      const gone = await runChange(store, actor, null, ['user'], (ctx) => ctx.remove('user', a.id));
      expect(gone).toMatchObject({ id: a.id, deleted: true, userName: 'a' });
      expect(gone!.seq).toBeGreaterThan(a.seq);
      expect(await read(store, (tx) => tx.get('user', a.id))).toMatchObject({ deleted: true });
      expect(await runChange(store, actor, null, ['user'], (ctx) => ctx.remove('user', 'no-such-id'))).toBeUndefined();
    });

    it('appends audit entries as codes in the same transaction, and none when the change fails', async () => {
      const store = await installed(make);
      await runChange(store, actor, null, ['user'], async (ctx) => {
        const [u] = await ctx.put('user', user('a'));
        ctx.audit('user.create', 'user', u.id, { userName: 'a', role: 'officer' });
      });
      const failed = runChange(store, actor, null, ['user'], async (ctx) => {
        await ctx.put('user', user('b'));
        ctx.audit('user.create', 'user', null, { userName: 'b' });
        throw new Error('killed mid-change');
      });
      await expect(failed).rejects.toThrow('killed mid-change');
      const audit = await store.transaction(['audit'], (tx) => tx.all('audit'));
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: 'user.create', entity: 'user', params: { userName: 'a', role: 'officer' }, userName: 'admin', origin: PLANT.originId });
      expect(others(await read(store, (tx) => tx.all('user'))).map((u: UserRecord) => u.userName)).toEqual(['a']);
    });

    it('does not advance the clock for a failed change: seqs stay contiguous', async () => {
      const store = await installed(make);
      const [a] = await runChange(store, actor, null, ['user'], (ctx) => ctx.put('user', user('a')));
      await runChange(store, actor, null, ['user'], async (ctx) => {
        await ctx.put('user', user('x'));
        throw new Error('no');
      }).catch(() => undefined);
      const [b] = await runChange(store, actor, null, ['user'], (ctx) => ctx.put('user', user('b')));
      expect(b.seq).toBe(a.seq + 1);
    });

    it('finds records by their indexes', async () => {
      const store = await installed(make);
      await runChange(store, actor, null, ['user'], (ctx) => ctx.put('user', user('a'), user('b'), user('c')));
      const found = await runChange(store, actor, null, ['user'], (ctx) => ctx.byIndex('user', 'userName', 'b'));
      expect(found.map((u) => u.userName)).toEqual(['b']);
    });

    it('refuses records that claim an envelope this change did not stamp', async () => {
      const store = await installed(make);
      const forged = { ...user('f'), id: 'x', partition: 'plant:P01', origin: 'someone-else', seq: 1, hlc: '0', deleted: false } as UserRecord;
      await expect(runChange(store, actor, null, ['user'], (ctx) => ctx.putStamped('user', [forged]))).rejects.toThrow(/not stamped in this change/);
      expect(others(await read(store, (tx) => tx.all('user')))).toEqual([]);
    });

    it('gives changes started together distinct seqs and keeps both', async () => {
      const store = await installed(make);
      const [x, y] = await Promise.all([runChange(store, actor, null, ['user'], (ctx) => ctx.put('user', user('x'))), runChange(store, actor, null, ['user'], (ctx) => ctx.put('user', user('y')))]);
      expect(x[0].seq).not.toBe(y[0].seq);
      expect(others(await read(store, (tx) => tx.all('user'))).length).toBe(2);
    });

    it("checks the signed-in user as the store holds them: unknown, disabled or not allowed writes nothing", async () => {
      const store = await installed(make);
      const [officer] = await runChange(store, actor, null, ['user'], (ctx) => ctx.put('user', user('li.officer', { role: 'officer' })));
      const [analyst] = await runChange(store, actor, null, ['user'], (ctx) => ctx.put('user', user('wang.analyst', { role: 'analyst' })));
      const as = (u: UserRecord) => ({ userId: u.id, userName: 'admin' /* a page could claim anything */ });
      const denied = async (p: Promise<unknown>) => ((await p.catch((e: unknown) => e)) as FailureError).failure?.code;
      expect(await denied(runChange(store, { userId: 'nobody', userName: 'admin' }, null, [], async (ctx) => ctx.audit('x', 'y', null)))).toBe('access.denied');
      expect(await denied(runChange(store, as(analyst), 'import', ['user'], (ctx) => ctx.put('user', user('z'))))).toBe('access.denied');
      expect(await denied(runChange(store, as(officer), 'accounts', ['user'], (ctx) => ctx.put('user', user('z'))))).toBe('access.denied');
      // Allowed: the audit names the user the store knows, not the name the caller claimed.
      await runChange(store, as(officer), 'import', [], async (ctx) => ctx.audit('import.batch', 'dataset', null));
      const audit = await store.transaction(['audit'], (tx) => tx.all('audit'));
      expect(audit.at(-1)).toMatchObject({ userId: officer.id, userName: 'li.officer' });
      await runChange(store, actor, null, ['user'], (ctx) => ctx.put('user', { ...officer, disabled: true }));
      expect(await denied(runChange(store, as(officer), null, [], async (ctx) => ctx.audit('x', 'y', null)))).toBe('access.denied');
      expect(others(await read(store, (tx) => tx.all('user'))).map((u) => u.userName).sort()).toEqual(['li.officer', 'wang.analyst']);
    });
  });
}
