// Sign-in backs off after a failure, locks after repeated failures until an administrator
// resets the password, and every attempt is in the audit log.
import { describe, expect, it } from 'vitest';
import type { FailureError } from '../../shared/domain/failure.ts';
import { failureText } from '../../shared/domain/messages.ts';
import { backOffSeconds, LOCK_AFTER, signIn as signInAt } from '../../renderer/src/data/records/installation.ts';
import { hashPassword, PBKDF2_ITERATIONS } from '../../renderer/src/data/records/passwords.ts';
import { resetPassword } from '../../renderer/src/data/records/users-store.ts';
import { installedDb, PLANT_SETUP, signIn } from './helpers.ts';

const code = (p: Promise<unknown>) => p.then((u) => (u ? 'ok' : 'wrong'), (e: FailureError) => e.failure?.code ?? String(e));

describe('sign-in', () => {
  it('makes an account wait after a wrong password, longer each time', async () => {
    const { db } = await installedDb();
    let t = Date.parse('2026-12-01T08:00:00Z');
    const now = () => t;
    expect(await code(signIn(db, 'admin', 'nope', now))).toBe('wrong');
    // Straight away, even the right password waits.
    const waiting = await signIn(db, 'admin', PLANT_SETUP.admin.password, now).catch((e: FailureError) => e);
    expect((waiting as FailureError).failure).toEqual({ code: 'auth.wait', params: { seconds: 1 } });
    expect(failureText((waiting as FailureError).failure)).toBe('密码输错，请 1 秒后再试');
    t += 1500;
    expect(await code(signIn(db, 'admin', 'nope', now))).toBe('wrong');
    t += 1000;
    expect(await code(signIn(db, 'admin', PLANT_SETUP.admin.password, now))).toBe('auth.wait');
    t += backOffSeconds(2) * 1000;
    expect(await code(signIn(db, 'admin', PLANT_SETUP.admin.password, now))).toBe('ok');
    // Success clears the count: one more failure waits a second again.
    expect((await db.users.toArray())[0].failedSignIns).toBe(0);
  });

  it(`locks an account after ${LOCK_AFTER} failures in a row, even for the right password, until an administrator resets it`, async () => {
    const { db, actor } = await installedDb();
    let t = Date.parse('2026-12-01T08:00:00Z');
    const now = () => t;
    for (let i = 0; i < LOCK_AFTER; i++) {
      expect(await code(signIn(db, 'admin', `guess ${i}`, now))).toBe('wrong');
      t += 61_000;
    }
    expect(await code(signIn(db, 'admin', PLANT_SETUP.admin.password, now))).toBe('auth.locked');
    await resetPassword(db, actor, actor.userId, 'a new long password', 1000);
    expect(await code(signIn(db, 'admin', 'a new long password', now))).toBe('ok');
  });

  it('refuses a stored hash weaker than Xinhuo writes, whatever the password, and audits it', async () => {
    const { db, actor } = await installedDb();
    // A department head plants a one-iteration hash of a password they know on the admin account.
    const admin = (await db.users.get(actor.userId))!;
    const planted = await hashPassword('i am admin now', 1);
    await db.users.put({ ...admin, password: planted });
    const refused = await signIn(db, 'admin', 'i am admin now').catch((e: FailureError) => e);
    expect((refused as FailureError).failure).toEqual({ code: 'auth.weakHash', params: { userName: 'admin' } });
    expect(failureText((refused as FailureError).failure)).toContain('已拒绝登录');
    expect(await db.audit.where('action').equals('auth.weakHash').count()).toBe(1);
    // A short salt or a truncated hash is refused the same way.
    await db.users.put({ ...admin, password: { ...admin.password, salt: btoa('short') } });
    expect(await code(signIn(db, 'admin', PLANT_SETUP.admin.password))).toBe('auth.weakHash');
    // The real floor is the count Xinhuo writes: a 1,000-round hash is refused outside tests.
    await db.users.put(admin);
    expect(await code(signInAt(db, 'admin', PLANT_SETUP.admin.password, Date.now, { minIterations: PBKDF2_ITERATIONS }))).toBe('auth.weakHash');
    expect(await code(signIn(db, 'admin', PLANT_SETUP.admin.password))).toBe('ok');
  });

  it('records failed attempts, for known and unknown names', async () => {
    const { db } = await installedDb();
    await signIn(db, 'admin', 'nope');
    await signIn(db, 'nobody', 'nope');
    const failed = await db.audit.where('action').equals('auth.signInFailed').toArray();
    expect(failed.map((e) => e.params.userName).sort()).toEqual(['admin', 'nobody']);
  });
});
