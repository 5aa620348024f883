// Accounts on this installation: an administrator creates them (a department head is tied
// to a department and sees only it), disables them and resets passwords. Every change is
// audited; there is always at least one enabled administrator.

import { failure, FailureError } from '../../../../shared/domain/failure.ts';
import { change, type ChangeContext } from './change.ts';
import type { XinhuoDb } from '../db/db.ts';
import { MIN_PASSWORD_LENGTH } from './installation.ts';
import { hashPassword, PBKDF2_ITERATIONS } from './passwords.ts';
import type { Actor, Role, UserRecord } from '../db/types.ts';
import type { WrappedKey } from '../../../../shared/records/store.ts';
import { atRestKeys, requireHeldKey, wrapKey } from './at-rest-keys.ts';

/** The database key wrapped for a new password, when encryption at rest is on (else null). */
async function wrapFor(db: XinhuoDb, password: string, iterations: number): Promise<WrappedKey | null> {
  if (!(await atRestKeys(db))) return null;
  return wrapKey(requireHeldKey(db), password, iterations);
}

async function storeWrap(ctx: ChangeContext, userId: string, wrap: WrappedKey | null): Promise<void> {
  if (!wrap) return;
  const current = await ctx.setting('atRest');
  await ctx.putSetting('atRest', { version: 1, keys: { ...(current?.keys ?? {}), [userId]: wrap } });
}

export const ROLES: readonly Role[] = ['admin', 'officer', 'deptHead', 'reviewer', 'analyst'];

export interface NewUser {
  userName: string;
  displayName: string;
  role: Role;
  department: string | null;
  password: string;
}

export type UserError = 'notAdmin' | 'badUserName' | 'taken' | 'weakPassword' | 'missingDepartment' | 'lastAdmin' | 'notFound' | 'notDeptHead';

/** An account change refused for a reason the officer can fix: a failure of the accounts namespace. */
export class UserFailure extends FailureError<UserError> {
  get code(): UserError {
    return this.failure.code;
  }
  constructor(code: UserError) {
    super(failure(code));
  }
}

export function validateNewUser(input: NewUser): UserError | null {
  if (!/^[\p{L}\p{N}_.-]{2,32}$/u.test(input.userName)) return 'badUserName';
  if (input.password.length < MIN_PASSWORD_LENGTH) return 'weakPassword';
  if (input.role === 'deptHead' && !input.department?.trim()) return 'missingDepartment';
  return null;
}

async function requireAdmin(ctx: ChangeContext, actor: Actor): Promise<void> {
  const me = await ctx.get('user', actor.userId);
  if (!me || me.role !== 'admin' || me.disabled || me.deleted) throw new UserFailure('notAdmin');
}

export async function createUser(db: XinhuoDb, actor: Actor, input: NewUser, iterations = PBKDF2_ITERATIONS): Promise<UserRecord> {
  const invalid = validateNewUser(input);
  if (invalid) throw new UserFailure(invalid);
  // The slow hash runs before the transaction: inside it, only Dexie calls.
  const password = await hashPassword(input.password, iterations);
  const wrap = await wrapFor(db, input.password, iterations);
  return change(db, actor, 'accounts', ['user'], async (ctx) => {
    await requireAdmin(ctx, actor);
    if ((await ctx.byIndex('user', 'userName', input.userName)).length) throw new UserFailure('taken');
    const [user] = await ctx.put('user', {
      userName: input.userName,
      displayName: input.displayName.trim() || input.userName,
      role: input.role,
      department: input.role === 'deptHead' ? input.department!.trim() : null,
      password,
      createdAt: new Date().toISOString(),
    });
    await storeWrap(ctx, user.id, wrap);
    ctx.audit('user.create', 'user', user.id, { userName: user.userName, displayName: user.displayName, role: user.role, department: user.department });
    return user;
  });
}

async function updateUser(db: XinhuoDb, actor: Actor, userId: string, action: string, edit: (u: UserRecord, others: UserRecord[]) => Partial<UserRecord>, wrap: WrappedKey | null = null): Promise<UserRecord> {
  return change(db, actor, 'accounts', ['user'], async (ctx) => {
    await requireAdmin(ctx, actor);
    const user = await ctx.get('user', userId);
    if (!user || user.deleted) throw new UserFailure('notFound');
    const others = (await ctx.all('user')).filter((u) => u.id !== userId);
    const [next] = await ctx.put('user', { ...user, ...edit(user, others) });
    await storeWrap(ctx, user.id, wrap);
    ctx.audit(action, 'user', user.id, { userName: next.userName, displayName: next.displayName });
    return next;
  });
}

export async function setUserDisabled(db: XinhuoDb, actor: Actor, userId: string, disabled: boolean): Promise<UserRecord> {
  return updateUser(
    db,
    actor,
    userId,
    disabled ? 'user.disable' : 'user.enable',
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
  // The reset wraps the database key for the new password: the account can read the data again.
  const wrap = await wrapFor(db, password, iterations);
  // A reset by an administrator also unlocks an account locked by failed sign-ins.
  return updateUser(db, actor, userId, 'user.password', () => ({ password: hash, failedSignIns: 0, retryAt: undefined, lockedAt: undefined }), wrap);
}

/** Moves a department head to another department (the one they see); audited. */
export async function setUserDepartment(db: XinhuoDb, actor: Actor, userId: string, department: string): Promise<UserRecord> {
  const next = department.trim();
  if (!next) throw new UserFailure('missingDepartment');
  return change(db, actor, 'accounts', ['user'], async (ctx) => {
    await requireAdmin(ctx, actor);
    const user = await ctx.get('user', userId);
    if (!user || user.deleted) throw new UserFailure('notFound');
    if (user.role !== 'deptHead') throw new UserFailure('notDeptHead');
    const [moved] = await ctx.put('user', { ...user, department: next });
    ctx.audit('user.department', 'user', user.id, { userName: user.userName, displayName: user.displayName, department: next, previous: user.department });
    return moved;
  });
}
