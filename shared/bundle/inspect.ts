// What a bundle says about itself, before anything is imported (the inspector of the app and
// of `xinhuo bundle inspect`): read from the zip directory and the manifest, never with a
// private key. The signature is checked against the key the sender names; with the org file,
// the sender's certificate and revocation too.

import { openBundle, verifyBundle, type BundleFailure, type Manifest } from './format.ts';
import { verifyBytes, type OrgFile, type RevocationList } from './keys.ts';

export interface Inspection {
  kind: Manifest['kind'];
  bundleId: string;
  orgId: string;
  origin: string;
  partition: string;
  /** The sender as people name it: the plant (code), 总部, or the installation itself. */
  sender: { type: Manifest['sender']['type']; plantCode: string | null; plantName: string | null };
  recipient: { name: string; fingerprint: string };
  createdAt: string;
  seq: Manifest['seq'];
  previous: string | null;
  records: Record<string, number>;
  bytes: number;
  sha256: string;
  signature: 'valid' | 'invalid' | 'unchecked';
  /** 'valid', 'unchecked' (no org file given), or the code that refuses the bundle. */
  certificate: 'valid' | 'unchecked' | BundleFailure['code'];
  failure: BundleFailure | null;
  ack: { partition: string; highWater: Record<string, number>; applied: number; rejected: { bundleId: string; reason: string }[] } | null;
}

export type InspectResult = { ok: true; inspection: Inspection } | { ok: false; failure: BundleFailure };

export function inspectBundle(bytes: Uint8Array, trust?: { org: OrgFile; revocations?: RevocationList }): InspectResult {
  const opened = openBundle(bytes);
  if (!opened.ok) return opened;
  const b = opened.value;
  const m = b.manifest;
  const named = m.sender.type === 'plant' ? m.sender.certificate.keys.sign : m.sender.type === 'self' ? m.sender.keys.sign : trust?.org.keys.sign;
  let signature: Inspection['signature'] = named ? (b.signature.length === 64 && verifyBytes(named, b.manifestBytes, b.signature) ? 'valid' : 'invalid') : 'unchecked';
  let certificate: Inspection['certificate'] = 'unchecked';
  let failure: BundleFailure | null = null;
  if (trust && m.sender.type !== 'self') {
    const r = verifyBundle(b, trust);
    certificate = r.ok ? 'valid' : r.failure.code;
    if (!r.ok) failure = r.failure;
    if (!r.ok && r.failure.code === 'bundle.badSignature') signature = 'invalid';
  }
  const cert = m.sender.type === 'plant' ? m.sender.certificate : null;
  return {
    ok: true,
    inspection: {
      kind: m.kind,
      bundleId: m.bundleId,
      orgId: m.orgId,
      origin: m.origin,
      partition: m.partition,
      sender: { type: m.sender.type, plantCode: cert?.plant.code ?? m.label.plantCode, plantName: cert?.plant.name ?? m.label.plantName },
      recipient: { name: m.recipient.name, fingerprint: m.recipient.fingerprint },
      createdAt: m.createdAt,
      seq: m.seq,
      previous: m.previous,
      records: Object.fromEntries(m.files.map((f) => [f.kind, f.records])),
      bytes: b.size,
      sha256: b.sha256,
      signature,
      certificate,
      failure,
      ack: m.ack ? { partition: m.ack.partition, highWater: m.ack.highWater, applied: m.ack.applied.length, rejected: m.ack.rejected } : null,
    },
  };
}
