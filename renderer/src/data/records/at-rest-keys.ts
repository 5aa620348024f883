// The database key of personal data at rest (db/at-rest.ts): 32 random bytes made at setup,
// stored only wrapped — once per account, with AES-256-GCM under a key derived from that
// account's password by PBKDF2-SHA-256 (its own salt, the same cost as the password hash). So
// the data cannot be read without signing in; an administrator who creates an account or
// resets a password wraps the key for it; losing every password loses the data (a backup
// bundle is the way back, and the setup screen says so).

import { failure, FailureError } from '../../../../shared/domain/failure.ts';
import { fromBase64, toBase64 } from '../../../../shared/bundle/encoding.ts';
import type { AtRestKeys, WrappedKey } from '../../../../shared/records/store.ts';
import { forgetKey, heldKeys, rememberKey } from '../db/at-rest.ts';
import type { XinhuoDb } from '../db/db.ts';

export const newDatabaseKey = (): Uint8Array => crypto.getRandomValues(new Uint8Array(32));

async function wrappingKey(password: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(password.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

const AAD = new TextEncoder().encode('xinhuo database key v1');

/** The operating system's store of secrets for this user (desktop safeStorage), when there is one. */
export interface UserSecretStore {
  /** null: no store here. */
  seal(bytes: Uint8Array): Promise<Uint8Array | null>;
  open(sealed: Uint8Array): Promise<Uint8Array>;
}

let userStore: UserSecretStore | null = null;

/** On desktop, wraps are also sealed to the operating-system user: a copied profile cannot be opened by another account or computer, even with the password. */
export function bindKeysToUser(store: UserSecretStore | null): void {
  userStore = store;
}

export async function wrapKey(dbKey: Uint8Array, password: string, iterations: number): Promise<WrappedKey> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const nonce = crypto.getRandomValues(new Uint8Array(12));
  const key = await wrappingKey(password, salt, iterations);
  const wrapped = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce as BufferSource, additionalData: AAD }, key, dbKey as BufferSource));
  const sealed = userStore ? await userStore.seal(wrapped).catch(() => null) : null;
  return { salt: toBase64(salt), iterations, nonce: toBase64(nonce), wrapped: toBase64(sealed ?? wrapped), ...(sealed ? { os: true as const } : {}) };
}

/** The database key, or null when the password does not open this wrap. A wrap sealed to another operating-system user fails with atRest.otherUser. */
export async function unwrapKey(wrap: WrappedKey, password: string): Promise<Uint8Array | null> {
  const outer = fromBase64(wrap.wrapped);
  const [key, inner] = await Promise.all([
    wrappingKey(password, fromBase64(wrap.salt), wrap.iterations),
    wrap.os ? (userStore ? userStore.open(outer) : Promise.reject(new Error('no store'))).catch(() => null) : Promise.resolve(outer),
  ]);
  if (!inner) throw new FailureError(failure('atRest.otherUser', {}));
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(wrap.nonce) as BufferSource, additionalData: AAD }, key, inner as BufferSource));
  } catch {
    return null;
  }
}

export async function atRestKeys(db: XinhuoDb): Promise<AtRestKeys | null> {
  const row = await db.settings.get('atRest');
  return row?.key === 'atRest' ? row.value : null;
}

/** The key this window holds for `db` (after sign-in), or null. */
export function heldKey(db: XinhuoDb): Uint8Array | null {
  return heldKeys()[db.name] ?? null;
}

/** The key this window holds, to wrap for an account; refused when nobody with the key is signed in. */
export function requireHeldKey(db: XinhuoDb): Uint8Array {
  const key = heldKey(db);
  if (!key) throw new FailureError(failure('atRest.locked', { table: 'settings' }));
  return key;
}

export const holdKey = (db: XinhuoDb, key: Uint8Array): void => rememberKey(db.name, key);
export const dropKey = (db: XinhuoDb): void => forgetKey(db.name);
