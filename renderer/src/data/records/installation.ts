// First-run setup and sign-in: the installation's identity (origin id, Ed25519 key pair),
// the first administrator, and password checks against stored users.

import { newId } from '../../../../shared/domain/sync/envelope.ts';
import { change } from './change.ts';
import { upgradeToRounds } from './pipeline-store.ts';
import type { XinhuoDb } from '../db/db.ts';
import { hashPassword, isStrongHash, verifyPassword, PBKDF2_ITERATIONS } from './passwords.ts';
import type { Actor, Identity, Installation, UserRecord } from '../db/types.ts';
import { failure, FailureError } from '../../../../shared/domain/failure.ts';
import { DEFAULT_SESSION, type SessionPolicy } from '../../../../shared/records/store.ts';
import { SEALED_TABLES } from '../db/at-rest.ts';
import { atRestKeys, dropKey, holdKey, newDatabaseKey, unwrapKey, wrapKey } from './at-rest-keys.ts';

export interface SetupInput {
  orgName: string;
  role: 'plant' | 'hq';
  plant: { code: string; name: string; region: string } | null;
  admin: { userName: string; displayName: string; password: string };
}

export type SetupError = 'alreadySetUp' | 'dataExists' | 'missingOrg' | 'missingPlant' | 'badUserName' | 'weakPassword';

export const MIN_PASSWORD_LENGTH = 8;

export function validateSetup(input: SetupInput): SetupError | null {
  if (!input.orgName.trim()) return 'missingOrg';
  if (input.role === 'plant' && (!input.plant || !input.plant.code.trim() || !input.plant.name.trim())) return 'missingPlant';
  if (!/^[\p{L}\p{N}_.-]{2,32}$/u.test(input.admin.userName)) return 'badUserName';
  if (input.admin.password.length < MIN_PASSWORD_LENGTH) return 'weakPassword';
  return null;
}

const toBase64 = (bytes: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(bytes)));

/** An Ed25519 key pair with a non-extractable private key, where WebCrypto offers Ed25519. */
export async function generateIdentity(): Promise<Identity> {
  try {
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
    const publicKey = toBase64(await crypto.subtle.exportKey('raw', pair.publicKey));
    return { algorithm: 'Ed25519', publicKey, privateKey: pair.privateKey, extractable: false };
  } catch {
    return { algorithm: null, publicKey: null, privateKey: null, extractable: false };
  }
}

export async function getInstallation(db: XinhuoDb): Promise<Installation | null> {
  const row = await db.settings.get('installation');
  return row?.key === 'installation' ? row.value : null;
}

export async function setUp(db: XinhuoDb, input: SetupInput, iterations = PBKDF2_ITERATIONS): Promise<{ installation: Installation; admin: UserRecord }> {
  const invalid = validateSetup(input);
  if (invalid) throw new SetupFailure(invalid);
  // Slow work (key generation, PBKDF2) happens before the transaction: inside it, only Dexie calls.
  const identity = await generateIdentity();
  const password = await hashPassword(input.admin.password, iterations);
  const dbKey = newDatabaseKey();
  const installation: Installation = {
    orgName: input.orgName.trim(),
    role: input.role,
    plant: input.role === 'plant' && input.plant ? { code: input.plant.code.trim(), name: input.plant.name.trim(), region: input.plant.region.trim() } : null,
    originId: newId(),
    createdAt: new Date().toISOString(),
  };
  const adminId = newId();
  const actor: Actor = { userId: adminId, userName: input.admin.userName };
  const wrap = await wrapKey(dbKey, input.admin.password, iterations);
  // From here on this window seals what it writes; if setup fails, the key is forgotten with it.
  holdKey(db, dbKey);
  return db.transaction('rw', [db.settings, db.users, db.audit, db.factBatches], async () => {
    if (await db.settings.get('installation')) throw new SetupFailure('alreadySetUp');
    // Deleting the installation row must not reopen first-run setup over existing accounts and data.
    if ((await db.users.count()) > 0 || (await db.factBatches.count()) > 0 || (await db.audit.count()) > 0) throw new SetupFailure('dataExists');
    await db.settings.put({ key: 'installation', value: installation });
    await db.settings.put({ key: 'identity', value: identity });
    await db.settings.put({ key: 'atRest', value: { version: 1, keys: { [adminId]: wrap } } });
    const admin = await change(db, actor, 'setup', ['user'], async (ctx) => {
      const [user] = await ctx.put('user', {
        id: adminId,
        userName: input.admin.userName,
        displayName: input.admin.displayName.trim() || input.admin.userName,
        role: 'admin',
        department: null,
        password,
        createdAt: new Date().toISOString(),
      });
      ctx.audit('setup', 'installation', installation.originId, { org: installation.orgName, installationRole: installation.role, plantCode: installation.plant?.code ?? null, plantName: installation.plant?.name ?? null });
      ctx.audit('user.create', 'user', user.id, { userName: user.userName, displayName: user.displayName, role: 'admin', department: null });
      return user;
    });
    return { installation, admin };
  }).catch((e: unknown) => {
    dropKey(db);
    throw e;
  });
}

/** First-run setup refused for a reason the officer can fix: a failure of the setup namespace. */
export class SetupFailure extends FailureError<SetupError> {
  get code(): SetupError {
    return this.failure.code;
  }
  constructor(code: SetupError) {
    super(failure(code));
  }
}

/** The PBKDF2 iterations a sign-in with an unknown name spends: the most any stored account uses. */
export async function unknownUserCost(db: XinhuoDb, floor = PBKDF2_ITERATIONS): Promise<number> {
  let most = floor;
  await db.users.each((u) => {
    // A planted hash with a huge count must not make every unknown name take minutes.
    most = Math.max(most, Math.min(u.password?.iterations ?? 0, floor * 4));
  });
  return most;
}

/** Failures in a row that lock an account until an administrator resets its password. */
export const LOCK_AFTER = 5;

/** Seconds to wait after the n-th failure in a row: 1, 2, 4, 8 … at most 60. */
export const backOffSeconds = (failures: number): number => Math.min(60, 2 ** Math.max(0, failures - 1));

/**
 * Returns the user when name and password match; records every attempt in the audit log.
 * After a failure the account must wait (back-off), and after LOCK_AFTER failures in a row it
 * is locked: both are refused with a failure value (auth.wait, auth.locked), checked before
 * the password so that a locked account cannot be guessed at.
 */
export interface SignInPolicy {
  /** Stored hashes below this many PBKDF2 rounds are refused (auth.weakHash). */
  minIterations: number;
}

export async function signIn(db: XinhuoDb, userName: string, password: string, now: () => number = Date.now, policy: SignInPolicy = { minIterations: PBKDF2_ITERATIONS }): Promise<UserRecord | null> {
  if (!(await getInstallation(db))) return null;
  const user = await db.users.where('userName').equals(userName).first();
  const system = { userId: user?.id ?? 'unknown', userName };
  if (user && !user.deleted) {
    if (user.lockedAt) throw new FailureError(failure('auth.locked', { userName }));
    if (user.retryAt && Date.parse(user.retryAt) > now()) throw new FailureError(failure('auth.wait', { seconds: Math.ceil((Date.parse(user.retryAt) - now()) / 1000) }));
    // A hash weaker than this version writes was planted, not set by Xinhuo: refuse, whatever the password.
    if (!isStrongHash(user.password, policy.minIterations)) {
      await change(db, system, 'system', [], async (ctx) => ctx.audit('auth.weakHash', 'user', user.id, { userName }));
      throw new FailureError(failure('auth.weakHash', { userName }));
    }
  }
  // Hash even for unknown users, at the cost real accounts have, so that timing does not tell which names exist.
  // The database key is unwrapped alongside the check (WebCrypto runs both at once): a sign-in costs one PBKDF2, not two.
  const keys = user ? await atRestKeys(db) : null;
  const wrap = user && keys ? keys.keys[user.id] : undefined;
  const [ok, dbKey] = user
    ? await Promise.all([verifyPassword(password, user.password), wrap ? unwrapKey(wrap, password) : Promise.resolve(null)])
    : [(await hashPassword(password, await unknownUserCost(db, policy.minIterations)), false), null];
  if (!user || !ok || user.deleted || user.disabled) {
    await change(db, system, 'system', ['user'], async (ctx) => {
      ctx.audit('auth.signInFailed', 'user', user?.id ?? null, { userName });
      if (!user || user.deleted || ok) return;
      const failures = (user.failedSignIns ?? 0) + 1;
      const at = new Date(now()).toISOString();
      await ctx.put('user', { ...user, failedSignIns: failures, retryAt: new Date(now() + backOffSeconds(failures) * 1000).toISOString(), ...(failures >= LOCK_AFTER ? { lockedAt: at } : {}) });
      if (failures >= LOCK_AFTER) ctx.audit('auth.locked', 'user', user.id, { userName });
    });
    return null;
  }
  // The database key: unwrapped with this password, or made now when an administrator signs
  // in to a database from before encryption at rest.
  if (keys) {
    if (!dbKey) {
      await change(db, system, 'system', [], async (ctx) => ctx.audit('atRest.noKey', 'user', user.id, { userName }));
      throw new FailureError(failure('atRest.noKey', { userName }));
    }
    holdKey(db, dbKey);
  } else if (user.role === 'admin') {
    await sealExistingData(db, user, password);
  }
  await change(db, { userId: user.id, userName: user.userName }, null, ['user'], async (ctx) => {
    // A successful sign-in clears the count of failures in a row.
    if (user.failedSignIns || user.retryAt) await ctx.put('user', { ...user, failedSignIns: 0, retryAt: undefined });
    ctx.audit('auth.signIn', 'user', user.id, { userName: user.userName });
  });
  // Selection entries from before rounds existed get their round (once, audited).
  await upgradeToRounds(db, { userId: user.id, userName: user.userName });
  return user;
}

/**
 * Turns on encryption at rest for a database made before it: a new key, wrapped for this
 * administrator, and every row of the sealed tables written back sealed, in one transaction.
 * Other accounts get the key when an administrator resets their password.
 */
async function sealExistingData(db: XinhuoDb, admin: UserRecord, password: string): Promise<void> {
  const dbKey = newDatabaseKey();
  const wrap = await wrapKey(dbKey, password, admin.password.iterations);
  holdKey(db, dbKey);
  try {
    const tables = SEALED_TABLES.map((name) => db.table(name));
    await db.transaction('rw', [db.settings, ...tables], async () => {
      if (await db.settings.get('atRest')) throw new Error('encryption at rest is already on');
      for (const table of tables) {
        const rows = await table.toArray();
        if (rows.length) await table.bulkPut(rows);
      }
      await db.settings.put({ key: 'atRest', value: { version: 1, keys: { [admin.id]: wrap } } });
    });
  } catch (e) {
    dropKey(db);
    throw e;
  }
  await change(db, { userId: admin.id, userName: admin.userName }, null, [], async (ctx) => ctx.audit('atRest.enabled', 'installation', null, { userName: admin.userName }));
}

/** Ends a session; `idle` when the idle timeout ended it rather than the user. The key is forgotten. */
export async function signOut(db: XinhuoDb, actor: Actor, reason: 'user' | 'idle' = 'user'): Promise<void> {
  await change(db, actor, null, [], async (ctx) => ctx.audit(reason === 'idle' ? 'auth.idleSignOut' : 'auth.signOut', 'user', actor.userId, { userName: actor.userName }));
  dropKey(db);
}

/** How long a session may sit without input (DEFAULT_SESSION until an administrator sets it). */
export async function sessionPolicy(db: XinhuoDb): Promise<SessionPolicy> {
  const row = await db.settings.get('session');
  return row?.key === 'session' ? row.value : DEFAULT_SESSION;
}

/** An administrator sets the idle timeout (1 to 480 minutes); audited. */
export async function setSessionPolicy(db: XinhuoDb, actor: Actor, policy: SessionPolicy): Promise<void> {
  if (!Number.isInteger(policy.idleMinutes) || policy.idleMinutes < 1 || policy.idleMinutes > 480) throw new FailureError(failure('session.idleRange', { min: 1, max: 480 }));
  await change(db, actor, 'accounts', [], async (ctx) => {
    await ctx.putSetting('session', { idleMinutes: policy.idleMinutes });
    ctx.audit('session.policy', 'installation', null, { minutes: policy.idleMinutes });
  });
}
