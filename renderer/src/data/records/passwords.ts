// Password hashing with PBKDF2-SHA-256 (WebCrypto), 600,000 iterations as OWASP recommends.
// The clear password is never stored; verification compares in constant time.

import type { PasswordHash } from '../db/types.ts';

export const PBKDF2_ITERATIONS = 600_000;

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, 256);
  return new Uint8Array(bits);
}

export async function hashPassword(password: string, iterations = PBKDF2_ITERATIONS): Promise<PasswordHash> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { algorithm: 'PBKDF2-SHA-256', iterations, salt: toBase64(salt), hash: toBase64(await derive(password, salt, iterations)) };
}

/**
 * Whether a stored hash is as strong as this version writes: the algorithm, at least
 * `minIterations` rounds, a 16-byte salt and a 32-byte hash. A weaker record did not come from
 * Xinhuo (someone wrote it with the developer tools, e.g. a one-iteration hash) and is refused
 * before any password is compared against it.
 */
export function isStrongHash(stored: PasswordHash, minIterations = PBKDF2_ITERATIONS): boolean {
  if (stored?.algorithm !== 'PBKDF2-SHA-256' || !Number.isInteger(stored.iterations) || stored.iterations < minIterations) return false;
  try {
    return fromBase64(stored.salt).length >= 16 && fromBase64(stored.hash).length === 32;
  } catch {
    return false;
  }
}

export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const actual = await derive(password, fromBase64(stored.salt), stored.iterations);
  const expected = fromBase64(stored.hash);
  if (actual.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < actual.length; i++) diff |= actual[i] ^ expected[i];
  return diff === 0;
}
