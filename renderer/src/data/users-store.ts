// Accounts on this installation: an administrator creates them (a department head is tied
// to a department and sees only it), disables them and resets passwords. Every change is
// audited; there is always at least one enabled administrator.

import { newId } from '../../../shared/domain/sync/envelope.ts';
import { change } from './change.ts';
import type { XinhuoDb } from './db.ts';
import { MIN_PASSWORD_LENGTH } from './installation.ts';
import { hashPassword, PBKDF2_ITERATIONS } from './passwords.ts';
import type { Actor, Role, UserRecord } from './types.ts';

export const ROLES: readonly Role[] = ['admin', 'officer', 'deptHead', 'reviewer', 'analyst'];
const ROLE_ZH: Record<Role, string> = { admin: '管理员', officer: '培训专员', deptHead: '部门负责人', reviewer: '评委', analyst: '数据分析' };

export interface NewUser {
  userName: string;
  displayName: string;
  role: Role;
  department: string | null;
  password: string;
}

export type UserError = 'notAdmin' | 'badUserName' | 'taken' | 'weakPassword' | 'missingDepartment' | 'lastAdmin' | 'notFound';

export class UserFailure extends Error {
  readonly code: UserError;
  constructor(code: UserError) {
    super(code);
    this.code = code;
  }
}

export function validateNewUser(input: NewUser): UserError | null {
  if (!/^[\p{L}\p{N}_.-]{2,32}$/u.test(input.userName)) return 'badUserName';
  if (input.password.length < MIN_PASSWORD_LENGTH) return 'weakPassword';
  if (input.role === 'deptHead' && !input.department?.trim()) return 'missingDepartment';
  return null;
}

async function requireAdmin(db: XinhuoDb, actor: Actor): Promise<void> {
  const me = await db.users.get(actor.userId);
  if (!me || me.role !== 'admin' || me.disabled || me.deleted) throw new UserFailure('notAdmin');
}

export async function createUser(db: XinhuoDb, actor: Actor, input: NewUser, iterations = PBKDF2_ITERATIONS): Promise<UserRecord> {
  const invalid = validateNewUser(input);
  if (invalid) throw new UserFailure(invalid);
  // The slow hash runs before the transaction: inside it, only Dexie calls.
  const password = await hashPassword(input.password, iterations);
  return change(db, actor, [db.users], async (ctx) => {
    await requireAdmin(db, actor);
    if (await db.users.where('userName').equals(input.userName).count()) throw new UserFailure('taken');
    const user: UserRecord = {
      ...ctx.stamp(ctx.partition, newId()),
      userName: input.userName,
      displayName: input.displayName.trim() || input.userName,
      role: input.role,
      department: input.role === 'deptHead' ? input.department!.trim() : null,
      password,
      createdAt: new Date().toISOString(),
    };
    await db.users.add(user);
    ctx.audit('user.create', 'user', user.id, `${user.displayName}（${user.userName}），${ROLE_ZH[user.role]}${user.department ? `：${user.department}` : ''}`, { role: user.role });
    return user;
  });
}

async function updateUser(db: XinhuoDb, actor: Actor, userId: string, action: string, summary: (u: UserRecord) => string, edit: (u: UserRecord, others: UserRecord[]) => Partial<UserRecord>): Promise<UserRecord> {
  return change(db, actor, [db.users], async (ctx) => {
    await requireAdmin(db, actor);
    const user = await db.users.get(userId);
    if (!user || user.deleted) throw new UserFailure('notFound');
    const others = (await db.users.toArray()).filter((u) => u.id !== userId);
    const next = { ...user, ...edit(user, others), ...ctx.stamp(user.partition, user.id) };
    await db.users.put(next);
    ctx.audit(action, 'user', user.id, summary(next));
    return next;
  });
}

export async function setUserDisabled(db: XinhuoDb, actor: Actor, userId: string, disabled: boolean): Promise<UserRecord> {
  return updateUser(
    db,
    actor,
    userId,
    disabled ? 'user.disable' : 'user.enable',
    (u) => `${u.displayName}（${u.userName}）`,
    (u, others) => {
      const otherAdmins = others.filter((o) => o.role === 'admin' && !o.disabled && !o.deleted);
      if (disabled && u.role === 'admin' && otherAdmins.length === 0) throw new UserFailure('lastAdmin');
      return { disabled };
    },
  );
}

export async function resetPassword(db: XinhuoDb, actor: Actor, userId: string, password: string, iterations = PBKDF2_ITERATIONS): Promise<UserRecord> {
  if (password.length < MIN_PASSWORD_LENGTH) throw new UserFailure('weakPassword');
  const hash = await hashPassword(password, iterations);
  return updateUser(db, actor, userId, 'user.password', (u) => `${u.displayName}（${u.userName}）`, () => ({ password: hash }));
}
