// Keys and the small signed files of the trust setup (组织与密钥, DESIGN.md §8): the
// organisation's key pair and org file, a plant's enrolment request, the plant certificate
// head office signs, the revocation list, and the password-protected key backup.
//
// Primitives: Ed25519 signatures and X25519 key agreement from @noble/curves (audited; the
// same code in Node, Electron and the browser), SHA-256, HKDF and scrypt from @noble/hashes,
// AES-256-GCM from WebCrypto. Every signature covers the canonical JSON of the signed body.

import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { z } from 'zod';
import { canonicalJson, concatBytes, fromBase64, fromUtf8, toBase64, toHex, utf8 } from './encoding.ts';

export const randomBytes = (n: number): Uint8Array => crypto.getRandomValues(new Uint8Array(n));
export const sha256Hex = (bytes: Uint8Array): string => toHex(sha256(bytes));

/** An installation's or the organisation's secret keys: one to sign, one to receive. */
export interface SecretKeys {
  sign: Uint8Array;
  box: Uint8Array;
}

const b64Key = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'expected a 32-byte base64 key');
export const publicKeysSchema = z.object({ sign: b64Key, box: b64Key });
export type PublicKeys = z.output<typeof publicKeysSchema>;

export function newSecretKeys(): SecretKeys {
  return { sign: ed25519.utils.randomSecretKey(), box: x25519.utils.randomSecretKey() };
}

export const publicKeysOf = (keys: SecretKeys): PublicKeys => ({ sign: toBase64(ed25519.getPublicKey(keys.sign)), box: toBase64(x25519.getPublicKey(keys.box)) });

/**
 * A fingerprint people can read to each other over the phone: SHA-256 of both public keys,
 * as 24 decimal digits in 6 groups of 4.
 */
export function fingerprint(keys: PublicKeys): string {
  const digest = sha256(concatBytes(fromBase64(keys.sign), fromBase64(keys.box)));
  let n = 0n;
  for (const b of digest.subarray(0, 16)) n = (n << 8n) | BigInt(b);
  const digits = (n % 10n ** 24n).toString().padStart(24, '0');
  return digits.match(/.{4}/g)!.join(' ');
}

export const signBytes = (secret: Uint8Array, bytes: Uint8Array): Uint8Array => ed25519.sign(bytes, secret);

/**
 * Private keys behind an interface: raw bytes (head office's org keys, which must be backed
 * up, and the keys of tests and the CLI), or WebCrypto keys that cannot be extracted (a
 * plant's own keys, where the platform has Ed25519 and X25519).
 */
export interface KeyHolder {
  readonly publicKeys: PublicKeys;
  /** False when the private keys cannot leave the platform's key store. */
  readonly extractable: boolean;
  sign(bytes: Uint8Array): Promise<Uint8Array>;
  /** The X25519 shared secret with a peer's public key. */
  agree(peerPublic: Uint8Array): Promise<Uint8Array>;
}

export function rawHolder(keys: SecretKeys): KeyHolder {
  return {
    publicKeys: publicKeysOf(keys),
    extractable: true,
    sign: async (bytes) => ed25519.sign(bytes, keys.sign),
    agree: async (peer) => x25519.getSharedSecret(keys.box, peer),
  };
}

/** A plant's keys as the app stores them: WebCrypto private keys, not extractable. */
export interface LockedKeys {
  locked: true;
  sign: CryptoKey;
  box: CryptoKey;
  public: PublicKeys;
}

export function lockedHolder(keys: LockedKeys): KeyHolder {
  return {
    publicKeys: keys.public,
    extractable: false,
    sign: async (bytes) => new Uint8Array(await crypto.subtle.sign('Ed25519', keys.sign, bytes as BufferSource)),
    agree: async (peer) => {
      const key = await crypto.subtle.importKey('raw', peer as BufferSource, { name: 'X25519' }, true, []);
      return new Uint8Array(await crypto.subtle.deriveBits({ name: 'X25519', public: key }, keys.box, 256));
    },
  };
}

/** New non-extractable keys where WebCrypto has Ed25519 and X25519; null where it has not. */
export async function newLockedKeys(): Promise<LockedKeys | null> {
  try {
    const sign = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
    const box = (await crypto.subtle.generateKey({ name: 'X25519' }, false, ['deriveBits'])) as CryptoKeyPair;
    const raw = async (k: CryptoKey) => toBase64(new Uint8Array(await crypto.subtle.exportKey('raw', k)));
    const keys: LockedKeys = { locked: true, sign: sign.privateKey, box: box.privateKey, public: { sign: await raw(sign.publicKey), box: await raw(box.publicKey) } };
    // Some platforms create the keys but cannot use them: check once.
    const probe = await lockedHolder(keys).sign(new Uint8Array([1]));
    return verifyBytes(keys.public.sign, new Uint8Array([1]), probe) ? keys : null;
  } catch {
    return null;
  }
}

export const isHolder = (k: SecretKeys | KeyHolder): k is KeyHolder => 'publicKeys' in k;
export const asHolder = (k: SecretKeys | KeyHolder): KeyHolder => (isHolder(k) ? k : rawHolder(k));

export function verifyBytes(publicKey: string, bytes: Uint8Array, signature: Uint8Array): boolean {
  try {
    return ed25519.verify(signature, bytes, fromBase64(publicKey));
  } catch {
    return false;
  }
}

/** Signs a document: the signature covers the canonical JSON of everything but itself. */
export function signDocument<T extends object>(body: T, secret: Uint8Array): T & { signature: string } {
  return { ...body, signature: toBase64(signBytes(secret, utf8(canonicalJson(body)))) };
}

export function verifyDocument(doc: { signature: string }, publicKey: string): boolean {
  const { signature, ...body } = doc;
  let sig: Uint8Array;
  try {
    sig = fromBase64(signature);
  } catch {
    return false;
  }
  return sig.length === 64 && verifyBytes(publicKey, utf8(canonicalJson(body)), sig);
}

const plantSchema = z.object({ code: z.string().min(1).max(40), name: z.string().min(1).max(100), region: z.string().max(100).default('') });
export type PlantIdentity = z.output<typeof plantSchema>;

export const revocationSchema = z.object({ serial: z.string().min(1), partition: z.string(), revokedAt: z.string(), reason: z.string().max(500).default('') });

/** The organisation's revocation list, signed by the org key; it travels in every downward bundle. */
export const revocationListSchema = z.object({
  format: z.literal('xinhuo-revocations'),
  version: z.literal(1),
  orgId: z.string().min(1),
  issuedAt: z.string(),
  revoked: z.array(revocationSchema).max(10_000),
  signature: z.string(),
});
export type RevocationList = z.output<typeof revocationListSchema>;

/** The org file (组织文件): what a plant needs to trust head office. No secrets. */
export const orgFileSchema = z.object({
  format: z.literal('xinhuo-org'),
  version: z.literal(1),
  orgId: z.string().min(1).max(64),
  orgName: z.string().min(1).max(100),
  keys: publicKeysSchema,
  fingerprint: z.string(),
  createdAt: z.string(),
  revocations: revocationListSchema.optional(),
});
export type OrgFile = z.output<typeof orgFileSchema>;

/** Head office's secret org keys as a plain file: for tests and demos; a real office keeps a key backup. */
export const orgKeyFileSchema = z.object({
  format: z.literal('xinhuo-org-key'),
  version: z.literal(1),
  orgId: z.string().min(1),
  sign: b64Key,
  box: b64Key,
});
export type OrgKeyFile = z.output<typeof orgKeyFileSchema>;

/** A plant's enrolment request (入网申请): its identity and public keys, signed with its own key. */
export const enrolmentSchema = z.object({
  format: z.literal('xinhuo-enrolment'),
  version: z.literal(1),
  orgId: z.string().min(1),
  originId: z.string().min(1).max(64),
  plant: plantSchema,
  keys: publicKeysSchema,
  createdAt: z.string(),
  signature: z.string(),
});
export type Enrolment = z.output<typeof enrolmentSchema>;

/** A plant certificate (厂区证书): head office vouches that these keys write partition plant:<code>. */
export const certificateSchema = z.object({
  format: z.literal('xinhuo-certificate'),
  version: z.literal(1),
  serial: z.string().min(1).max(64),
  orgId: z.string().min(1),
  originId: z.string().min(1),
  plant: plantSchema,
  partition: z.string().regex(/^plant:[^\s]+$/),
  keys: publicKeysSchema,
  issuedAt: z.string(),
  signature: z.string(),
});
export type Certificate = z.output<typeof certificateSchema>;

export interface OrgSecrets {
  org: OrgFile;
  keys: SecretKeys;
}

export function createOrg(orgName: string, orgId: string = crypto.randomUUID(), now = new Date()): OrgSecrets {
  const keys = newSecretKeys();
  const pub = publicKeysOf(keys);
  return { keys, org: { format: 'xinhuo-org', version: 1, orgId, orgName, keys: pub, fingerprint: fingerprint(pub), createdAt: now.toISOString() } };
}

export const orgKeyFile = (orgId: string, keys: SecretKeys): OrgKeyFile => ({ format: 'xinhuo-org-key', version: 1, orgId, sign: toBase64(keys.sign), box: toBase64(keys.box) });
export const secretKeysOf = (file: Pick<OrgKeyFile, 'sign' | 'box'>): SecretKeys => ({ sign: fromBase64(file.sign), box: fromBase64(file.box) });

export async function createEnrolment(orgId: string, originId: string, plant: PlantIdentity, keys: SecretKeys | KeyHolder, now = new Date()): Promise<Enrolment> {
  const holder = asHolder(keys);
  const body = { format: 'xinhuo-enrolment' as const, version: 1 as const, orgId, originId, plant, keys: holder.publicKeys, createdAt: now.toISOString() };
  return { ...body, signature: toBase64(await holder.sign(utf8(canonicalJson(body)))) };
}

export const partitionOfPlant = (code: string): string => `plant:${code}`;

export function issueCertificate(org: OrgSecrets, request: Enrolment, now = new Date()): Certificate {
  return signDocument(
    {
      format: 'xinhuo-certificate' as const,
      version: 1 as const,
      serial: crypto.randomUUID(),
      orgId: org.org.orgId,
      originId: request.originId,
      plant: request.plant,
      partition: partitionOfPlant(request.plant.code),
      keys: request.keys,
      issuedAt: now.toISOString(),
    },
    org.keys.sign,
  );
}

export function revocationList(org: OrgSecrets, revoked: RevocationList['revoked'], now = new Date()): RevocationList {
  return signDocument({ format: 'xinhuo-revocations' as const, version: 1 as const, orgId: org.org.orgId, issuedAt: now.toISOString(), revoked }, org.keys.sign);
}

export type CertificateProblem = 'otherOrg' | 'badSignature' | 'revoked';

/** Checks a certificate against the org: issued by this org's key and not revoked. */
export function checkCertificate(cert: Certificate, org: OrgFile, revocations: RevocationList | undefined): CertificateProblem | null {
  if (cert.orgId !== org.orgId) return 'otherOrg';
  if (!verifyDocument(cert, org.keys.sign)) return 'badSignature';
  if (revocations && revocations.orgId === org.orgId && verifyDocument(revocations, org.keys.sign) && revocations.revoked.some((r) => r.serial === cert.serial)) return 'revoked';
  return null;
}

// ---- Encryption to a recipient: X25519 + HKDF-SHA-256 + AES-256-GCM -------------------------

export const SEAL_ALGORITHM = 'X25519-HKDF-SHA256-AES-256-GCM';

/** The content key of a sealed bundle: HKDF over the X25519 secret, bound to both public keys and the bundle. */
function contentKey(shared: Uint8Array, ephemeralPublic: Uint8Array, recipientPublic: Uint8Array, salt: string): Uint8Array {
  return hkdf(sha256, shared, utf8(salt), concatBytes(utf8('xinhuo-bundle-v1'), ephemeralPublic, recipientPublic), 32);
}

/** A fresh ephemeral key and the content key for a recipient's box key. */
export function sealTo(recipientBox: string, salt: string): { ephemeral: string; key: Uint8Array } {
  const eph = x25519.utils.randomSecretKey();
  const ephPub = x25519.getPublicKey(eph);
  const recipient = fromBase64(recipientBox);
  return { ephemeral: toBase64(ephPub), key: contentKey(x25519.getSharedSecret(eph, recipient), ephPub, recipient, salt) };
}

/** The content key on the recipient's side; throws when the keys do not fit (not addressed to it). */
export async function openSeal(box: Uint8Array | KeyHolder, ephemeral: string, salt: string): Promise<Uint8Array> {
  const ephPub = fromBase64(ephemeral);
  if (box instanceof Uint8Array) return contentKey(x25519.getSharedSecret(box, ephPub), ephPub, x25519.getPublicKey(box), salt);
  return contentKey(await box.agree(ephPub), ephPub, fromBase64(box.publicKeys.box), salt);
}

const aesKey = (key: Uint8Array, use: KeyUsage) => crypto.subtle.importKey('raw', key as BufferSource, 'AES-GCM', false, [use]);

/** nonce (12 bytes) ‖ AES-256-GCM ciphertext and tag, with `aad` authenticated. */
export async function encrypt(key: Uint8Array, plain: Uint8Array, aad: string): Promise<Uint8Array> {
  const nonce = randomBytes(12);
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce as BufferSource, additionalData: utf8(aad) as BufferSource }, await aesKey(key, 'encrypt'), plain as BufferSource);
  return concatBytes(nonce, new Uint8Array(sealed));
}

/** Decrypts what encrypt() wrote; null when the key, the bytes or the aad do not match. */
export async function decrypt(key: Uint8Array, sealed: Uint8Array, aad: string): Promise<Uint8Array | null> {
  if (sealed.length < 12 + 16) return null;
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.subarray(0, 12) as BufferSource, additionalData: utf8(aad) as BufferSource }, await aesKey(key, 'decrypt'), sealed.subarray(12) as BufferSource);
    return new Uint8Array(plain);
  } catch {
    return null;
  }
}

// ---- Key backup (密钥备份): scrypt + AES-256-GCM --------------------------------------------

/** scrypt cost: 2^17 × 8 × 128 bytes = 128 MiB of memory, about a second on a plant PC. */
export const BACKUP_KDF = { N: 2 ** 17, r: 8, p: 1 } as const;

export const keyBackupSchema = z.object({
  format: z.literal('xinhuo-key-backup'),
  version: z.literal(1),
  orgId: z.string().min(1),
  fingerprint: z.string(),
  kdf: z.object({ name: z.literal('scrypt'), N: z.number().int().min(2 ** 14).max(2 ** 22), r: z.number().int().min(1).max(32), p: z.number().int().min(1).max(16), salt: z.string() }),
  sealed: z.string(),
});
export type KeyBackup = z.output<typeof keyBackupSchema>;

const backupKey = (password: string, kdf: KeyBackup['kdf']) => scryptAsync(utf8(password.normalize('NFC')), fromBase64(kdf.salt), { N: kdf.N, r: kdf.r, p: kdf.p, dkLen: 32 });

export async function exportKeyBackup(org: OrgSecrets, password: string, cost: { N: number; r: number; p: number } = BACKUP_KDF): Promise<KeyBackup> {
  const kdf = { name: 'scrypt' as const, ...cost, salt: toBase64(randomBytes(16)) };
  const plain = utf8(JSON.stringify({ org: org.org, key: orgKeyFile(org.org.orgId, org.keys) }));
  const sealed = await encrypt(await backupKey(password, kdf), plain, `xinhuo-key-backup:${org.org.orgId}`);
  return { format: 'xinhuo-key-backup', version: 1, orgId: org.org.orgId, fingerprint: org.org.fingerprint, kdf, sealed: toBase64(sealed) };
}

/** Restores a key backup; null when the password is wrong or the file was changed. */
export async function restoreKeyBackup(backup: KeyBackup, password: string): Promise<OrgSecrets | null> {
  const plain = await decrypt(await backupKey(password, backup.kdf), fromBase64(backup.sealed), `xinhuo-key-backup:${backup.orgId}`);
  if (!plain) return null;
  const parsed = z.object({ org: orgFileSchema, key: orgKeyFileSchema }).safeParse(JSON.parse(fromUtf8(plain)));
  if (!parsed.success || parsed.data.org.orgId !== backup.orgId) return null;
  const keys = secretKeysOf(parsed.data.key);
  if (publicKeysOf(keys).sign !== parsed.data.org.keys.sign) return null;
  return { org: parsed.data.org, keys };
}
