import { describe, expect, it } from 'vitest';
import { setUp, signOut, validateSetup, SetupFailure, unknownUserCost } from '../../renderer/src/data/records/installation.ts';
import { hashPassword, PBKDF2_ITERATIONS, verifyPassword } from '../../renderer/src/data/records/passwords.ts';
import { freshDb, installedDb, PLANT_SETUP, signIn } from './helpers.ts';

describe('passwords', () => {
  it('uses PBKDF2-SHA-256 with at least 600,000 iterations by default', async () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const h = await hashPassword('密码 password');
    expect(h).toMatchObject({ algorithm: 'PBKDF2-SHA-256', iterations: PBKDF2_ITERATIONS });
    expect(await verifyPassword('密码 password', h)).toBe(true);
    expect(await verifyPassword('密码 passwore', h)).toBe(false);
  });
  it('salts every hash', async () => {
    const [a, b] = await Promise.all([hashPassword('same', 1000), hashPassword('same', 1000)]);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
  });
});

describe('first-run setup', () => {
  it('validates the form', () => {
    expect(validateSetup({ ...PLANT_SETUP, orgName: ' ' })).toBe('missingOrg');
    expect(validateSetup({ ...PLANT_SETUP, plant: { code: '', name: 'x', region: '' } })).toBe('missingPlant');
    expect(validateSetup({ ...PLANT_SETUP, role: 'hq', plant: null })).toBeNull();
    expect(validateSetup({ ...PLANT_SETUP, admin: { ...PLANT_SETUP.admin, userName: 'a b' } })).toBe('badUserName');
    expect(validateSetup({ ...PLANT_SETUP, admin: { ...PLANT_SETUP.admin, password: 'short' } })).toBe('weakPassword');
  });

  it('creates the installation identity and the administrator, never storing the password in clear', async () => {
    const { db, installation, admin } = await installedDb();
    expect(installation).toMatchObject({ orgName: '华东能源集团', role: 'plant', plant: { code: 'P01' } });
    expect(installation.originId).toMatch(/^[0-9a-f-]{36}$/);
    expect(admin).toMatchObject({ role: 'admin', userName: 'admin', partition: 'plant:P01', origin: installation.originId, deleted: false });
    const stored = JSON.stringify(await db.users.toArray());
    expect(stored).not.toContain(PLANT_SETUP.admin.password);
    const identity = await db.settings.get('identity');
    expect(identity?.key).toBe('identity');
    if (identity?.key === 'identity' && identity.value.algorithm) {
      expect(identity.value.extractable).toBe(false);
      expect(identity.value.publicKey).toBeTruthy();
    }
  });

  it('refuses a second setup and leaves the first intact', async () => {
    const { db, installation } = await installedDb();
    await expect(setUp(db, { ...PLANT_SETUP, orgName: '另一个单位' }, 1000)).rejects.toBeInstanceOf(SetupFailure);
    const row = await db.settings.get('installation');
    expect(row?.key === 'installation' && row.value.orgName).toBe(installation.orgName);
    expect(await db.users.count()).toBe(1);
  });

  it('refuses first-run setup when the installation row was deleted but accounts and data remain', async () => {
    const { db } = await installedDb();
    await db.settings.delete('installation');
    const err = await setUp(db, { ...PLANT_SETUP, admin: { ...PLANT_SETUP.admin, userName: 'intruder' } }, 1000).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SetupFailure);
    expect((err as SetupFailure).code).toBe('dataExists');
    expect((await db.users.toArray()).map((u) => u.userName)).toEqual(['admin']);
  });

  it('spends on an unknown user name what a real account costs', async () => {
    const { db } = await installedDb();
    expect(await unknownUserCost(db, 1000)).toBe(1000);
    // Below the floor a stored count does not lower the cost.
    expect(await unknownUserCost(db)).toBe(600_000);
    expect(await unknownUserCost(freshDb())).toBe(600_000);
  });

  it('stamps records with increasing per-origin seq and HLC', async () => {
    const { db } = await installedDb();
    const audit = await db.audit.orderBy('hlc').toArray();
    const user = (await db.users.toArray())[0];
    const all = [user, ...audit].sort((a, b) => a.seq - b.seq);
    expect(all.map((r) => r.seq)).toEqual(all.map((_, i) => i + 1));
    expect([...all.map((r) => r.hlc)].sort()).toEqual(all.map((r) => r.hlc));
  });
});

describe('sign-in', () => {
  it('accepts the right password, refuses a wrong one and an unknown user, and audits sign-in and sign-out', async () => {
    const { db } = await installedDb();
    let t = Date.now();
    const now = () => t;
    expect(await signIn(db, 'admin', 'wrong password', now)).toBeNull();
    expect(await signIn(db, 'nobody', PLANT_SETUP.admin.password, now)).toBeNull();
    // After a wrong password the account waits a second before it may try again.
    t += 2000;
    const user = await signIn(db, 'admin', PLANT_SETUP.admin.password, now);
    expect(user?.userName).toBe('admin');
    await signOut(db, { userId: user!.id, userName: user!.userName });
    // Signed out, the sealed log cannot be read; signing in again opens it.
    await expect(db.audit.toArray()).rejects.toMatchObject({ failure: { code: 'atRest.locked' } });
    await signIn(db, 'admin', PLANT_SETUP.admin.password, now);
    const actions = (await db.audit.orderBy('hlc').toArray()).map((a) => `${a.action}:${a.params.userName ?? a.userName}`);
    expect(actions).toEqual(['setup:admin', 'user.create:admin', 'auth.signInFailed:admin', 'auth.signInFailed:nobody', 'auth.signIn:admin', 'auth.signOut:admin', 'auth.signIn:admin']);
  });

  it('works on a fresh database only after setup', async () => {
    const db = freshDb();
    expect(await signIn(db, 'admin', 'x')).toBeNull();
  });
});
