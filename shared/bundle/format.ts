// The bundle file (.xhb, DESIGN.md §8; the byte layout is documented in docs/bundle-format.md):
// a zip of stored entries —
//   manifest.json          what the bundle is, who wrote it for whom, and per data file its
//                          sha256, size and record count; no personal data
//   manifest.sig           Ed25519 signature of manifest.json's exact bytes by the sender
//   data/<kind>.jsonl.gz   nonce ‖ AES-256-GCM(gzip(one record per line, then a trailer line))
//
// Reading is in three steps, each refusing with a code before the next runs: open (the zip
// directory, entry names and sizes, the manifest; no key needed — the inspector stops here),
// verify (signature, certificate and revocation, scope, schema versions, per-file sizes and
// hashes), and read (decrypt, inflate within the declared size, count, restore every record).

import { Gunzip, gzipSync, unzipSync, zipSync } from 'fflate';
import { z } from 'zod';
import { failure, type Failure } from '../domain/failure.ts';
import { restoreRecord } from '../records/restore.ts';
import { RECORD_KINDS, type RecordKind, type RecordOf } from '../records/schemas.ts';
import { canonicalJson, fromBase64, fromUtf8, parseTravelJson, toBase64, utf8 } from './encoding.ts';
import { certificateSchema, checkCertificate, decrypt, encrypt, fingerprint, openSeal, publicKeysSchema, revocationListSchema, SEAL_ALGORITHM, sealTo, sha256Hex, signBytes, verifyBytes, type Certificate, type KeyHolder, type OrgFile, type PublicKeys, type RevocationList } from './keys.ts';

export const BUNDLE_FORMAT_VERSION = 1;
export const BUNDLE_KINDS = ['sync', 'ack', 'backup', 'review-packet', 'score-file'] as const;
export type BundleKind = (typeof BUNDLE_KINDS)[number];

export const BUNDLE_LIMITS = {
  /** A bundle file as a whole. */
  fileBytes: 2 * 1024 * 1024 * 1024,
  manifestBytes: 4 * 1024 * 1024,
  /** What one data file may inflate to. */
  rawBytes: 1024 * 1024 * 1024,
  /** Largest inflation ratio of a data file (JSON lines compress ~5–20:1). */
  ratio: 200,
  ratioFloorBytes: 8 * 1024 * 1024,
  entries: 64,
} as const;

const fileEntrySchema = z.object({
  path: z.string().regex(/^data\/[A-Za-z]+\.jsonl\.gz$/),
  kind: z.string(),
  records: z.number().int().min(0),
  /** Size and hash of the stored (encrypted) bytes: checked before anything is decrypted. */
  bytes: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Size after inflation: inflation stops past it. */
  rawBytes: z.number().int().min(0),
});

/** Who signed: a plant with its certificate, head office with the org key, or an installation to itself (a backup). */
const senderSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('plant'), certificate: certificateSchema }),
  z.object({ type: z.literal('org') }),
  z.object({ type: z.literal('self'), keys: publicKeysSchema }),
  /** A reviewer's score file: signed with the key of the packet it answers. */
  z.object({ type: z.literal('packet'), packetId: z.string().min(1).max(64), reviewerId: z.string().min(1).max(64) }),
]);

export const ackSchema = z.object({
  partition: z.string(),
  /** Per writer lineage of that partition: the highest seq applied without a gap. */
  highWater: z.record(z.string(), z.number().int().min(0)),
  applied: z.array(z.string()).max(100_000),
  rejected: z.array(z.object({ bundleId: z.string(), reason: z.string() })).max(100_000),
});
export type Ack = z.output<typeof ackSchema>;

export const manifestSchema = z.object({
  format: z.literal('xinhuo-bundle'),
  formatVersion: z.number().int().min(1),
  kind: z.enum(BUNDLE_KINDS),
  bundleId: z.string().min(1).max(64),
  orgId: z.string().min(1),
  createdAt: z.string(),
  /** The writer lineage (installation id; a restored database is a new one). */
  origin: z.string().min(1).max(64),
  /** The partition this bundle speaks for: every record in it belongs to it. */
  partition: z.string().min(1).max(200),
  /** Display names, not personal data: the plant and its code. */
  label: z.object({ plantCode: z.string().nullable(), plantName: z.string().nullable() }),
  seq: z.object({ from: z.number().int().min(1), to: z.number().int().min(0), snapshot: z.boolean() }),
  /** sha256 of this origin's previous bundle, when there was one. */
  previous: z.string().nullable(),
  sender: senderSchema,
  recipient: z.object({ name: z.string(), fingerprint: z.string(), box: z.string() }),
  /** Schema version of each record kind in the data files. */
  schemas: z.record(z.string(), z.number().int().min(1)),
  files: z.array(fileEntrySchema).max(BUNDLE_LIMITS.entries),
  encryption: z.object({ algorithm: z.literal(SEAL_ALGORITHM), ephemeral: z.string() }),
  ack: ackSchema.optional(),
  revocations: revocationListSchema.optional(),
  /** Free-form per kind (review packets name their packet); no personal data. */
  extra: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
});
export type Manifest = z.output<typeof manifestSchema>;

export type BundleCode =
  | 'bundle.unreadable'
  | 'bundle.truncated'
  | 'bundle.tooLarge'
  | 'bundle.badEntry'
  | 'bundle.badManifest'
  | 'bundle.newerFormat'
  | 'bundle.newerSchema'
  | 'bundle.otherOrg'
  | 'bundle.badSignature'
  | 'bundle.badCertificate'
  | 'bundle.revoked'
  | 'bundle.wrongScope'
  | 'bundle.hashMismatch'
  | 'bundle.countMismatch'
  | 'bundle.notForThis'
  | 'bundle.foreignPacket'
  | 'bundle.badRecord';

export type BundleFailure = Failure<BundleCode>;
type Result<T> = { ok: true; value: T } | { ok: false; failure: BundleFailure };
const refuse = (code: BundleCode, params: Record<string, string | number> = {}): { ok: false; failure: BundleFailure } => ({ ok: false, failure: failure(code, params) });

// ---- Writing ---------------------------------------------------------------------------------

export interface Signer {
  sender: Manifest['sender'];
  /** The Ed25519 secret key matching the sender, or the holder of it. */
  sign: Uint8Array | KeyHolder;
}

export interface BundleContent {
  kind: BundleKind;
  orgId: string;
  origin: string;
  partition: string;
  label: Manifest['label'];
  seq: Manifest['seq'];
  previous: string | null;
  recipient: { name: string; keys: PublicKeys };
  tables: { [K in RecordKind]?: readonly RecordOf[K][] };
  ack?: Ack;
  revocations?: RevocationList;
  extra?: Manifest['extra'];
  bundleId?: string;
  now?: Date;
}

/** Writes a bundle: each table as sealed gzipped JSON lines, the manifest, its signature. */
export async function writeBundle(content: BundleContent, signer: Signer): Promise<Uint8Array> {
  const bundleId = content.bundleId ?? crypto.randomUUID();
  const seal = sealTo(content.recipient.keys.box, bundleId);
  const entries: Record<string, Uint8Array> = {};
  const files: Manifest['files'] = [];
  const schemas: Record<string, number> = {};
  for (const kind of Object.keys(content.tables).sort() as RecordKind[]) {
    const records = content.tables[kind] ?? [];
    const path = `data/${kind}.jsonl.gz`;
    const lines = records.map((r) => canonicalJson(r));
    lines.push(canonicalJson({ $trailer: { kind, records: records.length } }));
    const raw = utf8(lines.join('\n') + '\n');
    const stored = await encrypt(seal.key, gzipSync(raw, { level: 6 }), path);
    entries[path] = stored;
    files.push({ path, kind, records: records.length, bytes: stored.length, sha256: sha256Hex(stored), rawBytes: raw.length });
    schemas[kind] = RECORD_KINDS[kind].version;
  }
  const manifest: Manifest = {
    format: 'xinhuo-bundle',
    formatVersion: BUNDLE_FORMAT_VERSION,
    kind: content.kind,
    bundleId,
    orgId: content.orgId,
    createdAt: (content.now ?? new Date()).toISOString(),
    origin: content.origin,
    partition: content.partition,
    label: content.label,
    seq: content.seq,
    previous: content.previous,
    sender: signer.sender,
    recipient: { name: content.recipient.name, fingerprint: fingerprint(content.recipient.keys), box: content.recipient.keys.box },
    schemas,
    files,
    encryption: { algorithm: SEAL_ALGORITHM, ephemeral: seal.ephemeral },
    ...(content.ack ? { ack: content.ack } : {}),
    ...(content.revocations ? { revocations: content.revocations } : {}),
    ...(content.extra ? { extra: content.extra } : {}),
  };
  const manifestBytes = utf8(canonicalJson(manifest));
  // Stored, not deflated: the data files are compressed and encrypted already.
  const signature = signer.sign instanceof Uint8Array ? signBytes(signer.sign, manifestBytes) : await signer.sign.sign(manifestBytes);
  return zipSync({ 'manifest.json': manifestBytes, 'manifest.sig': utf8(toBase64(signature)), ...entries }, { level: 0 });
}

// ---- Opening (no key needed) -----------------------------------------------------------------

export interface OpenedBundle {
  manifest: Manifest;
  manifestBytes: Uint8Array;
  signature: Uint8Array;
  /** The stored data files by path, not yet checked against the manifest. */
  entries: Map<string, Uint8Array>;
  sha256: string;
  size: number;
  /** The file's exact bytes (a held bundle is kept as it came and verified again when applied). */
  original: Uint8Array;
}

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];

/** Reads the zip directory and the manifest; refuses odd entries and sizes before inflating anything. */
export function openBundle(bytes: Uint8Array): Result<OpenedBundle> {
  if (bytes.length > BUNDLE_LIMITS.fileBytes) return refuse('bundle.tooLarge', { size: bytes.length, limit: BUNDLE_LIMITS.fileBytes });
  const looksLikeZip = ZIP_LOCAL.every((b, i) => bytes[i] === b);
  const names: { name: string; size: number; originalSize: number; compression: number }[] = [];
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        names.push({ name: f.name, size: f.size, originalSize: f.originalSize, compression: f.compression });
        return false;
      },
    });
  } catch {
    // A zip whose end is missing was cut short (an interrupted copy); anything else is not a bundle.
    return looksLikeZip ? refuse('bundle.truncated') : refuse('bundle.unreadable');
  }
  if (names.length > BUNDLE_LIMITS.entries) return refuse('bundle.badEntry', { entry: `${names.length} entries` });
  const seen = new Set<string>();
  for (const n of names) {
    const known = n.name === 'manifest.json' || n.name === 'manifest.sig' || /^data\/[A-Za-z]+\.jsonl\.gz$/.test(n.name);
    if (!known || seen.has(n.name)) return refuse('bundle.badEntry', { entry: n.name.slice(0, 200) });
    seen.add(n.name);
    // Entries are stored: a deflated entry could inflate past any size it declares.
    if (n.compression !== 0 || n.size !== n.originalSize) return refuse('bundle.badEntry', { entry: n.name });
    if (n.name.startsWith('manifest') && n.originalSize > BUNDLE_LIMITS.manifestBytes) return refuse('bundle.tooLarge', { size: n.originalSize, limit: BUNDLE_LIMITS.manifestBytes });
  }
  if (!seen.has('manifest.json')) return looksLikeZip && names.length ? refuse('bundle.badManifest', { problem: 'manifest.json' }) : refuse('bundle.unreadable');
  try {
    files = unzipSync(bytes);
  } catch {
    return refuse('bundle.truncated');
  }
  const manifestBytes = files['manifest.json'];
  let raw: unknown;
  try {
    raw = JSON.parse(fromUtf8(manifestBytes));
  } catch {
    return refuse('bundle.badManifest', { problem: 'JSON' });
  }
  const version = (raw as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version > BUNDLE_FORMAT_VERSION) return refuse('bundle.newerFormat', { version, supported: BUNDLE_FORMAT_VERSION });
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) return refuse('bundle.badManifest', { problem: parsed.error.issues[0].path.join('.') || 'manifest' });
  let signature: Uint8Array;
  try {
    signature = fromBase64(fromUtf8(files['manifest.sig'] ?? new Uint8Array()));
  } catch {
    signature = new Uint8Array();
  }
  const entries = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(files)) if (name.startsWith('data/')) entries.set(name, data);
  return { ok: true, value: { manifest: parsed.data, manifestBytes, signature, entries, sha256: sha256Hex(bytes), size: bytes.length, original: bytes } };
}

// ---- Verifying -------------------------------------------------------------------------------

export interface Trust {
  org: OrgFile;
  /** Review packets this installation issued: packet id → the packet's public signing key. */
  packets?: ReadonlyMap<string, string>;
  revocations?: RevocationList;
  /** For a backup: this installation's own public keys. */
  self?: PublicKeys;
}

/** The public key that must have signed the manifest, after the sender's chain is checked. */
function signerKey(m: Manifest, trust: Trust): Result<string> {
  // A backup is the installation's own, whatever organisation it has joined since; a score file answers a packet.
  if (m.sender.type !== 'self' && m.sender.type !== 'packet' && m.orgId !== trust.org.orgId) return refuse('bundle.otherOrg', { org: m.orgId });
  switch (m.sender.type) {
    case 'org':
      if (m.partition !== 'hq') return refuse('bundle.wrongScope', { partition: m.partition, allowed: 'hq' });
      return { ok: true, value: trust.org.keys.sign };
    case 'plant': {
      const cert: Certificate = m.sender.certificate;
      const problem = checkCertificate(cert, trust.org, trust.revocations ?? trust.org.revocations);
      if (problem === 'revoked') return refuse('bundle.revoked', { plant: cert.plant.name, serial: cert.serial });
      if (problem) return refuse('bundle.badCertificate', { plant: cert.plant.name });
      if (cert.partition !== m.partition) return refuse('bundle.wrongScope', { partition: m.partition, allowed: cert.partition });
      return { ok: true, value: cert.keys.sign };
    }
    case 'self':
      if (!trust.self || trust.self.sign !== m.sender.keys.sign) return refuse('bundle.notForThis');
      return { ok: true, value: m.sender.keys.sign };
    case 'packet': {
      const key = trust.packets?.get(m.sender.packetId);
      if (!key) return refuse('bundle.foreignPacket', { packet: m.sender.packetId });
      if (m.partition !== `review:${m.sender.packetId}:${m.sender.reviewerId}`) return refuse('bundle.wrongScope', { partition: m.partition, allowed: `review:${m.sender.packetId}:${m.sender.reviewerId}` });
      return { ok: true, value: key };
    }
  }
}

/** Everything that can be checked without decrypting: the sender, the signature, the scope, versions, sizes, hashes. */
export function verifyBundle(b: OpenedBundle, trust: Trust): Result<Manifest> {
  const m = b.manifest;
  const key = signerKey(m, trust);
  if (!key.ok) return key;
  if (b.signature.length !== 64 || !verifyBytes(key.value, b.manifestBytes, b.signature)) return refuse('bundle.badSignature');
  for (const [kind, version] of Object.entries(m.schemas)) {
    const def = (RECORD_KINDS as Record<string, { version: number } | undefined>)[kind];
    if (!def) return refuse('bundle.newerSchema', { kind, version, supported: 0 });
    if (version > def.version) return refuse('bundle.newerSchema', { kind, version, supported: def.version });
  }
  const listed = new Set(m.files.map((f) => f.path));
  for (const path of b.entries.keys()) if (!listed.has(path)) return refuse('bundle.badEntry', { entry: path });
  let total = 0;
  for (const f of m.files) {
    if (f.kind !== f.path.slice(5, -'.jsonl.gz'.length) || !(f.kind in m.schemas)) return refuse('bundle.badManifest', { problem: f.path });
    const data = b.entries.get(f.path);
    if (!data || data.length !== f.bytes) return refuse('bundle.truncated', { file: f.path });
    if (sha256Hex(data) !== f.sha256) return refuse('bundle.hashMismatch', { file: f.path });
    total += f.rawBytes;
    if (f.rawBytes > BUNDLE_LIMITS.rawBytes || total > BUNDLE_LIMITS.rawBytes || (f.rawBytes > BUNDLE_LIMITS.ratioFloorBytes && f.rawBytes > BUNDLE_LIMITS.ratio * f.bytes)) return refuse('bundle.tooLarge', { size: f.rawBytes, limit: BUNDLE_LIMITS.rawBytes });
  }
  return { ok: true, value: m };
}

// ---- Reading ---------------------------------------------------------------------------------

export type BundleTables = { [K in RecordKind]?: RecordOf[K][] };

/** Node's DecompressionStream runs zlib through JS streams: four times slower than fflate there. */
const nativeInflate = typeof DecompressionStream !== 'undefined' && !(globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;

/**
 * Inflates gzip `data` that must come to exactly `limit` bytes, never inflating far past it;
 * null for anything else (not gzip, shorter, longer).
 */
export type Inflater = (data: Uint8Array, limit: number) => Uint8Array | null | Promise<Uint8Array | null>;

let runtimeInflate: Inflater | null = null;

/** A runtime with a native gzip of its own hands it in here: the CLI gives Node's zlib. */
export function setInflater(inflate: Inflater | null): void {
  runtimeInflate = inflate;
}

/**
 * Inflates with the runtime's inflater when one was handed in; else with the browser's native
 * gzip (DecompressionStream), reading chunk by chunk and stopping past `limit`; else fflate.
 */
async function inflateWithin(data: Uint8Array, limit: number): Promise<Uint8Array | null> {
  if (runtimeInflate) return runtimeInflate(data, limit);
  if (!nativeInflate) return gunzipWithin(data, limit);
  const reader = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  const out = new Uint8Array(limit);
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (size + value.length > limit) {
        await reader.cancel();
        return null;
      }
      out.set(value, size);
      size += value.length;
    }
  } catch {
    return null;
  }
  return size === limit ? out : null;
}

function gunzipWithin(data: Uint8Array, limit: number): Uint8Array | null {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let over = false;
  const gz = new Gunzip((chunk) => {
    size += chunk.length;
    if (size > limit) over = true;
    else chunks.push(chunk);
  });
  try {
    // Fed in slices so that a lying size stops inflation early.
    for (let at = 0; at < data.length && !over; at += 1 << 16) gz.push(data.subarray(at, at + (1 << 16)), at + (1 << 16) >= data.length);
  } catch {
    return null;
  }
  if (over || size !== limit) return null;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * Decrypts and reads every data file of a verified bundle with the recipient's box key. Each
 * record comes through the kind's restore; each must belong to the bundle's partition.
 */
export async function readBundle(b: OpenedBundle, box: Uint8Array | KeyHolder): Promise<Result<BundleTables>> {
  const m = b.manifest;
  let key: Uint8Array;
  try {
    key = await openSeal(box, m.encryption.ephemeral, m.bundleId);
  } catch {
    return refuse('bundle.notForThis');
  }
  const tables: BundleTables = {};
  for (const f of m.files) {
    const compressed = await decrypt(key, b.entries.get(f.path)!, f.path);
    if (!compressed) return refuse('bundle.notForThis', { file: f.path });
    const raw = await inflateWithin(compressed, f.rawBytes);
    if (!raw) return refuse('bundle.countMismatch', { file: f.path });
    let text: string;
    try {
      text = fromUtf8(raw);
    } catch {
      return refuse('bundle.badRecord', { file: f.path, line: 0, problem: 'UTF-8' });
    }
    const lines = text.split('\n');
    if (lines.at(-1) === '') lines.pop();
    const kind = f.kind as RecordKind;
    const out: RecordOf[typeof kind][] = [];
    // Only columnar fact blocks carry typed arrays: other files skip the reviver altogether.
    const columns = text.includes('"$f64"');
    for (let i = 0; i < lines.length; i++) {
      let rawRecord: unknown;
      try {
        rawRecord = columns ? parseTravelJson(lines[i]) : JSON.parse(lines[i]);
      } catch {
        return refuse('bundle.badRecord', { file: f.path, line: i + 1, problem: 'JSON' });
      }
      if (i === lines.length - 1) {
        const trailer = (rawRecord as { $trailer?: { records?: unknown } } | null)?.$trailer;
        if (!trailer || trailer.records !== out.length || out.length !== f.records) return refuse('bundle.countMismatch', { file: f.path });
        break;
      }
      const restored = restoreRecord(kind, rawRecord, m.schemas[kind]);
      if (!restored.ok) return refuse('bundle.badRecord', { file: f.path, line: i + 1, problem: `${restored.failure.params.field ?? ''} ${restored.failure.params.problem ?? restored.failure.code}`.trim() });
      // A backup holds every partition of its installation; any other bundle speaks for one.
      if (m.kind !== 'backup' && restored.record.partition !== m.partition) return refuse('bundle.wrongScope', { partition: restored.record.partition, allowed: m.partition });
      out.push(restored.record);
    }
    if (!lines.length) return refuse('bundle.countMismatch', { file: f.path });
    (tables as Record<string, unknown[]>)[kind] = out;
  }
  return { ok: true, value: tables };
}

/** The bundle's file name: plant, date and seq range (洛阳一厂_2026-12-01_seq1201-1580.xhb). */
export function bundleFileName(m: Pick<Manifest, 'kind' | 'label' | 'partition' | 'createdAt' | 'seq'>): string {
  const who = (m.label.plantName ?? (m.partition === 'hq' ? '总部' : m.partition)).replace(/[\\/:*?"<>|\s]+/g, '_');
  const date = m.createdAt.slice(0, 10);
  const what = m.kind === 'sync' ? `seq${m.seq.from}-${m.seq.to}` : m.kind;
  return `${who}_${date}_${what}.xhb`;
}

export { fingerprint } from './keys.ts';
