import { describe, expect, it } from 'vitest';
import { createUser, resetPassword, setUserDepartment, setUserDisabled } from '../../renderer/src/data/records/users-store.ts';
import { installedDb, shownAudit, signIn } from './helpers.ts';
import type { FailureError } from '../../shared/domain/failure.ts';

const head = { userName: 'zhang.q', displayName: '张强', role: 'deptHead' as const, department: '质量部', password: 'quality-2026' };

describe('accounts', () => {
  it('lets an administrator create a department head who signs in scoped to the department', async () => {
    const { db, actor } = await installedDb();
    const user = await createUser(db, actor, head, 1000);
    expect(user).toMatchObject({ userName: 'zhang.q', role: 'deptHead', department: '质量部' });
    expect(JSON.stringify(user)).not.toContain('quality-2026');
    expect(await signIn(db, 'zhang.q', 'quality-2026')).toMatchObject({ department: '质量部' });
    expect(shownAudit(await db.audit.where('action').equals('user.create').last())).toBe('张强（zhang.q），部门负责人：质量部');
    expect(shownAudit(await db.audit.where('action').equals('user.create').last(), 'en')).toBe('张强 (zhang.q), Department head: 质量部');
  });

  it('refuses bad names, short passwords, a department head without a department, taken names and non-administrators', async () => {
    const { db, actor } = await installedDb();
    const code = (p: Promise<unknown>) => p.then(() => null, (e: FailureError) => e.failure.code);
    expect(await code(createUser(db, actor, { ...head, userName: 'a b' }, 1000))).toBe('badUserName');
    expect(await code(createUser(db, actor, { ...head, password: 'short' }, 1000))).toBe('weakPassword');
    expect(await code(createUser(db, actor, { ...head, department: ' ' }, 1000))).toBe('missingDepartment');
    expect(await code(createUser(db, actor, { ...head, userName: 'admin' }, 1000))).toBe('taken');
    const officer = await createUser(db, actor, { ...head, userName: 'li.na', role: 'officer', department: null }, 1000);
    expect(officer.department).toBeNull();
    expect(await code(createUser(db, { userId: officer.id, userName: officer.userName }, { ...head, userName: 'wang.w' }, 1000))).toBe('access.denied');
    expect(await db.users.count()).toBe(2);
  });

  it('disables and re-enables accounts, never the last administrator, and resets passwords', async () => {
    const { db, actor, admin } = await installedDb();
    const user = await createUser(db, actor, head, 1000);
    await setUserDisabled(db, actor, user.id, true);
    expect(await signIn(db, 'zhang.q', 'quality-2026')).toBeNull();
    await setUserDisabled(db, actor, user.id, false);
    expect(await signIn(db, 'zhang.q', 'quality-2026')).not.toBeNull();
    await expect(setUserDisabled(db, actor, admin.id, true)).rejects.toMatchObject({ code: 'lastAdmin' });
    await resetPassword(db, actor, user.id, 'a-new-password', 1000);
    expect(await signIn(db, 'zhang.q', 'quality-2026')).toBeNull();
    // The wrong (old) password makes the account wait a second before the next try.
    expect(await signIn(db, 'zhang.q', 'a-new-password', () => Date.now() + 2000)).not.toBeNull();
    expect((await db.audit.toArray()).map((a) => a.action)).toEqual(expect.arrayContaining(['user.disable', 'user.enable', 'user.password']));
  });

  it("lets an administrator move a department head to another department, audited", async () => {
    const { db, actor } = await installedDb();
    const head = await createUser(db, actor, { userName: 'zhang.q', displayName: '张强', role: 'deptHead', department: '质量部', password: 'quality-2026' }, 1000);
    const moved = await setUserDepartment(db, actor, head.id, '设备维修部');
    expect(moved.department).toBe('设备维修部');
    expect(shownAudit(await db.audit.where('action').equals('user.department').last())).toBe('张强（zhang.q）：质量部 → 设备维修部');
    const officer = await createUser(db, actor, { userName: 'li.o', displayName: '李', role: 'officer', department: null, password: 'officer-2026' }, 1000);
    await expect(setUserDepartment(db, actor, officer.id, '质量部')).rejects.toMatchObject({ code: 'notDeptHead' });
    await expect(setUserDepartment(db, { userId: officer.id, userName: 'li.o' }, head.id, '质量部')).rejects.toMatchObject({ failure: { code: 'access.denied' } });
  });
});
