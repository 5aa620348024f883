// The trust setup (组织与密钥) over a record store: head office creates the organisation and
// certifies plants; a plant joins with the org file, sends an enrolment request and installs
// its certificate. Every step is a change of the write path (capability 'sync'), audited.
// The stored documents are parsed through their schemas whenever they are read.

import type { z } from 'zod';
import { FailureError, failure } from '../domain/failure.ts';
import { runChange, type ChangeContext, type RecordStore } from '../records/store.ts';
import { emptyTrust, type TrustState } from '../records/sync-state.ts';
import type { Actor } from '../records/schemas.ts';
import { fromUtf8, toBase64 } from './encoding.ts';
import {
  certificateSchema,
  createEnrolment,
  createOrg,
  enrolmentSchema,
  exportKeyBackup,
  fingerprint,
  issueCertificate,
  keyBackupSchema,
  lockedHolder,
  newLockedKeys,
  newSecretKeys,
  orgFileSchema,
  rawHolder,
  restoreKeyBackup,
  revocationList,
  revocationListSchema,
  secretKeysOf,
  verifyDocument,
  type Certificate,
  type Enrolment,
  type KeyHolder,
  type OrgFile,
  type RevocationList,
  type SecretKeys,
} from './keys.ts';

export interface Trust {
  /** This installation's keys, whichever kind it holds. */
  keys: KeyHolder | null;
  /** The raw keys, when they are raw (head office's org keys): signing certificates, the key backup. */
  secret: SecretKeys | null;
  org: OrgFile | null;
  certificate: Certificate | null;
  revocations: RevocationList | null;
  enrolments: Enrolment[];
  issued: Certificate[];
}

const parsed = <T>(schema: z.ZodType<T>, v: unknown): T | null => {
  const r = schema.safeParse(v);
  return r.success ? r.data : null;
};

export function trustOf(state: TrustState | undefined): Trust {
  const s = state ?? emptyTrust();
  const secret = s.keys && !('locked' in s.keys) ? secretKeysOf(s.keys) : null;
  return {
    keys: s.keys ? ('locked' in s.keys ? lockedHolder(s.keys) : rawHolder(secret!)) : null,
    secret,
    org: parsed(orgFileSchema, s.org),
    certificate: parsed(certificateSchema, s.certificate),
    revocations: parsed(revocationListSchema, s.revocations),
    enrolments: s.enrolments.map((e) => parsed(enrolmentSchema, e)).filter((e): e is Enrolment => e !== null),
    issued: s.issued.map((c) => parsed(certificateSchema, c)).filter((c): c is Certificate => c !== null),
  };
}

export async function readTrust(store: RecordStore): Promise<Trust> {
  return trustOf(await store.transaction([], (tx) => tx.setting('trust')));
}

export type TrustCode = 'trust.notHq' | 'trust.notPlant' | 'trust.noOrg' | 'trust.orgExists' | 'trust.badFile' | 'trust.otherOrg' | 'trust.badSignature' | 'trust.notMine' | 'trust.unknownRequest' | 'trust.wrongPlant' | 'trust.badPassword';

const refuse = (code: TrustCode, params: Record<string, string> = {}): never => {
  throw new FailureError(failure(code, params));
};

async function changeTrust<T>(store: RecordStore, actor: Actor, work: (ctx: ChangeContext, state: TrustState) => Promise<T> | T, now?: () => number): Promise<T> {
  return runChange(store, actor, 'sync', [], async (ctx) => {
    const state = structuredClone((await ctx.setting('trust')) ?? emptyTrust());
    const result = await work(ctx, state);
    await ctx.putSetting('trust', state);
    return result;
  }, now);
}

/** Parses a JSON file the officer picked; a file that is not the expected document names itself. */
export function parseTrustFile<T>(bytes: Uint8Array, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(fromUtf8(bytes));
  } catch {
    return refuse('trust.badFile');
  }
  return parsed(schema, raw) ?? refuse('trust.badFile');
}

/** Head office: creates the organisation's key pair and org file. */
export async function createOrganisation(store: RecordStore, actor: Actor, now: () => number = Date.now): Promise<OrgFile> {
  return changeTrust(store, actor, (ctx, state) => {
    if (ctx.installation.role !== 'hq') refuse('trust.notHq');
    if (state.org) refuse('trust.orgExists');
    const org = createOrg(ctx.installation.orgName, crypto.randomUUID(), new Date(now()));
    state.keys = { sign: toBase64(org.keys.sign), box: toBase64(org.keys.box) };
    state.org = org.org;
    ctx.audit('trust.orgCreated', 'installation', org.org.orgId, { org: org.org.orgName, fingerprint: org.org.fingerprint });
    return org.org;
  }, now);
}

/** A plant: installs the org file head office gave it, and makes its own keys. */
/** New keys for this installation: non-extractable where the platform allows, raw otherwise. Made outside any transaction. */
async function newOwnKeys(): Promise<NonNullable<TrustState['keys']>> {
  const locked = await newLockedKeys();
  if (locked) return locked;
  const keys = newSecretKeys();
  return { sign: toBase64(keys.sign), box: toBase64(keys.box) };
}

export async function joinOrganisation(store: RecordStore, actor: Actor, file: Uint8Array, now: () => number = Date.now): Promise<OrgFile> {
  const org = parseTrustFile(file, orgFileSchema);
  if (fingerprint(org.keys) !== org.fingerprint) refuse('trust.badFile');
  const fresh = (await readTrust(store)).keys ? null : await newOwnKeys();
  return changeTrust(store, actor, (ctx, state) => {
    if (ctx.installation.role !== 'plant') refuse('trust.notPlant');
    const current = parsed(orgFileSchema, state.org);
    if (current && current.orgId !== org.orgId) refuse('trust.otherOrg');
    state.org = org;
    if (!state.keys && fresh) state.keys = fresh;
    ctx.audit('trust.orgJoined', 'installation', org.orgId, { org: org.orgName, fingerprint: org.fingerprint });
    return org;
  }, now);
}

/** A plant: the enrolment request file for head office. */
export async function enrolmentRequest(store: RecordStore, actor: Actor, now: () => number = Date.now): Promise<Enrolment> {
  const t = await readTrust(store);
  const installation = await store.transaction([], (tx) => tx.setting('installation'));
  if (installation?.role !== 'plant' || !installation.plant) return refuse('trust.notPlant');
  if (!t.org || !t.keys) return refuse('trust.noOrg');
  // Signed outside the transaction: a WebCrypto key signs asynchronously.
  const request = await createEnrolment(t.org.orgId, installation.originId, installation.plant, t.keys, new Date(now()));
  await runChange(store, actor, 'sync', [], async (ctx) => ctx.audit('trust.enrolmentWritten', 'installation', installation.originId, { fingerprint: fingerprint(request.keys) }), now);
  return request;
}

/** A plant: installs the certificate head office signed for it. */
export async function acceptCertificate(store: RecordStore, actor: Actor, file: Uint8Array, now: () => number = Date.now): Promise<Certificate> {
  const cert = parseTrustFile(file, certificateSchema);
  return changeTrust(store, actor, (ctx, state) => {
    const t = trustOf(state);
    if (!t.org || !t.keys) return refuse('trust.noOrg');
    if (cert.orgId !== t.org.orgId) refuse('trust.otherOrg');
    if (!verifyDocument(cert, t.org.keys.sign)) refuse('trust.badSignature');
    const mine = t.keys.publicKeys;
    if (cert.keys.sign !== mine.sign || cert.keys.box !== mine.box) refuse('trust.notMine');
    if (cert.plant.code !== ctx.installation.plant?.code) refuse('trust.wrongPlant', { plant: cert.plant.name });
    state.certificate = cert;
    ctx.audit('trust.certificateInstalled', 'installation', cert.serial, { partition: cert.partition });
    return cert;
  }, now);
}

/** Head office: reads a plant's enrolment request; it waits with its fingerprint until certified. */
export async function receiveEnrolment(store: RecordStore, actor: Actor, file: Uint8Array, now: () => number = Date.now): Promise<Enrolment> {
  const request = parseTrustFile(file, enrolmentSchema);
  if (!verifyDocument(request, request.keys.sign)) refuse('trust.badSignature');
  return changeTrust(store, actor, (ctx, state) => {
    const t = trustOf(state);
    if (ctx.installation.role !== 'hq') refuse('trust.notHq');
    if (!t.org) return refuse('trust.noOrg');
    if (request.orgId !== t.org.orgId) refuse('trust.otherOrg');
    state.enrolments = [...t.enrolments.filter((e) => e.originId !== request.originId), request];
    ctx.audit('trust.enrolmentReceived', 'installation', request.originId, { plantCode: request.plant.code, plantName: request.plant.name, fingerprint: fingerprint(request.keys) });
    return request;
  }, now);
}

/** Head office: signs the certificate for a waiting request, after the fingerprints were compared by phone. */
export async function certifyPlant(store: RecordStore, actor: Actor, originId: string, now: () => number = Date.now): Promise<Certificate> {
  return changeTrust(store, actor, (ctx, state) => {
    const t = trustOf(state);
    if (!t.org || !t.secret) return refuse('trust.noOrg');
    const request = t.enrolments.find((e) => e.originId === originId) ?? refuse('trust.unknownRequest');
    const cert = issueCertificate({ org: t.org, keys: t.secret }, request, new Date(now()));
    state.enrolments = t.enrolments.filter((e) => e.originId !== originId);
    state.issued = [...t.issued, cert];
    ctx.audit('trust.certified', 'installation', cert.serial, { plantCode: cert.plant.code, plantName: cert.plant.name, partition: cert.partition });
    return cert;
  }, now);
}

/** Head office: revokes a plant's certificate; the list travels down in every acknowledgement. */
export async function revokePlant(store: RecordStore, actor: Actor, serial: string, reason: string, now: () => number = Date.now): Promise<RevocationList> {
  return changeTrust(store, actor, (ctx, state) => {
    const t = trustOf(state);
    if (!t.org || !t.secret) return refuse('trust.noOrg');
    const cert = t.issued.find((c) => c.serial === serial) ?? refuse('trust.unknownRequest');
    const revoked = [...(t.revocations?.revoked ?? []).filter((r) => r.serial !== serial), { serial, partition: cert.partition, revokedAt: new Date(now()).toISOString(), reason }];
    const list = revocationList({ org: t.org, keys: t.secret }, revoked, new Date(now()));
    state.revocations = list;
    state.org = { ...t.org, revocations: list };
    ctx.audit('trust.revoked', 'installation', serial, { plantCode: cert.plant.code, plantName: cert.plant.name, reason });
    return list;
  }, now);
}

/** Head office: the password-protected key backup (密钥备份). */
export async function orgKeyBackup(store: RecordStore, actor: Actor, password: string, cost?: { N: number; r: number; p: number }, now: () => number = Date.now) {
  const t = await readTrust(store);
  if (!t.org || !t.secret) return refuse('trust.noOrg');
  const backup = await exportKeyBackup({ org: t.org, keys: t.secret }, password, cost);
  await runChange(store, actor, 'sync', [], async (ctx) => ctx.audit('trust.keyBackup', 'installation', backup.orgId, { fingerprint: backup.fingerprint }), now);
  return backup;
}

/** Head office on a replacement machine: restores the org keys from a key backup. */
export async function restoreOrgKeys(store: RecordStore, actor: Actor, file: Uint8Array, password: string, now: () => number = Date.now): Promise<OrgFile> {
  const backup = parseTrustFile(file, keyBackupSchema);
  const restored = (await restoreKeyBackup(backup, password)) ?? refuse('trust.badPassword');
  return changeTrust(store, actor, (ctx, state) => {
    if (ctx.installation.role !== 'hq') refuse('trust.notHq');
    const current = parsed(orgFileSchema, state.org);
    if (current && current.orgId !== restored.org.orgId) refuse('trust.otherOrg');
    state.keys = { sign: toBase64(restored.keys.sign), box: toBase64(restored.keys.box) };
    state.org = restored.org;
    state.revocations = restored.org.revocations ?? state.revocations;
    ctx.audit('trust.keysRestored', 'installation', restored.org.orgId, { fingerprint: restored.org.fingerprint });
    return restored.org;
  }, now);
}

/** This installation's own keys, made on first need (a backup before the plant has joined). */
export async function ensureOwnKeys(store: RecordStore, actor: Actor, now: () => number = Date.now): Promise<KeyHolder> {
  const t = await readTrust(store);
  if (t.keys) return t.keys;
  const fresh = await newOwnKeys();
  await changeTrust(store, actor, (_ctx, state) => {
    state.keys ??= fresh;
  }, now);
  return (await readTrust(store)).keys!;
}

/** The organisation a backup names: the real one, or a local stand-in before the installation has joined one. */
export function backupOrg(t: Trust, keys: KeyHolder): OrgFile {
  if (t.org) return t.org;
  const pub = keys.publicKeys;
  return { format: 'xinhuo-org', version: 1, orgId: 'local', orgName: 'local', keys: pub, fingerprint: fingerprint(pub), createdAt: new Date(0).toISOString() };
}
