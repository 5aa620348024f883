// Review packets (评审包) and score files (评分文件), bundles of kinds `review-packet` and
// `score-file` (DESIGN.md §7–8).
//
// A packet carries what one reviewer needs and a packet secret: 32 random bytes that are the
// packet's Ed25519 signing seed and, through SHA-256, its X25519 box key. The packet's data is
// sealed to that box key and the secret travels with the packet, so the packet is exactly as
// confidential as the hand that carries it to its reviewer (a USB stick, a tablet): it holds
// names, departments and topics, never performance data. The manifest names the packet's
// public signing key; a score file is signed with the packet's key and sealed to its box key,
// so only the holder of the packet can write a valid one, and the officer's installation (which
// issued the packet) can read it. A score file names the rubric version it was scored on.

import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { failure, type Failure } from '../domain/failure.ts';
import { tally, type CandidateTally, type Rubric, type Score } from '../domain/review/rubric.ts';
import type { ReviewPacketRecord, ScoreSheetRecord } from '../records/schemas.ts';
import { concatBytes, fromBase64, toBase64, utf8 } from './encoding.ts';
import { openBundle, readBundle, verifyBundle, writeBundle, type BundleFailure, type Manifest } from './format.ts';
import { asHolder, randomBytes, type KeyHolder, type OrgFile, type PublicKeys, type SecretKeys } from './keys.ts';

const boxSecretOf = (secret: Uint8Array) => sha256(concatBytes(utf8('xinhuo-packet-box'), secret));

/** The packet's public keys: its signing key (named in the manifest) and its box key. */
export function packetPublicKeys(secret: Uint8Array): PublicKeys {
  return { sign: toBase64(ed25519.getPublicKey(secret)), box: toBase64(x25519.getPublicKey(boxSecretOf(secret))) };
}

const packetHolder = (secret: Uint8Array): KeyHolder => asHolder({ sign: secret, box: boxSecretOf(secret) });

export interface Issuer {
  orgId: string;
  origin: string;
  keys: SecretKeys | KeyHolder;
}

/** Writes one reviewer's packet; returns the file and the packet secret the issuer keeps. */
export async function writeReviewPacket(issuer: Issuer, stored: ReviewPacketRecord, now = new Date(), secret: Uint8Array = randomBytes(32)): Promise<{ bytes: Uint8Array; fileName: string; secret: Uint8Array }> {
  // The issuer's copy keeps the secret; the packet carries it in its manifest, not in its data.
  const { secret: _kept, ...packet } = stored;
  const holder = asHolder(issuer.keys);
  const bytes = await writeBundle(
    {
      kind: 'review-packet',
      orgId: issuer.orgId,
      origin: issuer.origin,
      partition: packet.partition,
      label: { plantCode: null, plantName: null },
      seq: { from: 1, to: Math.max(1, packet.seq), snapshot: true },
      previous: null,
      recipient: { name: packet.reviewer.name, keys: packetPublicKeys(secret) },
      tables: { reviewPacket: [packet] },
      extra: { packetId: packet.packetId, roundId: packet.roundId, reviewerId: packet.reviewer.id, rubricId: packet.rubric.id, rubricVersion: packet.rubric.version, packetKey: packetPublicKeys(secret).sign, secret: toBase64(secret) },
      now,
    },
    { sender: { type: 'self', keys: holder.publicKeys }, sign: holder },
  );
  return { bytes, secret, fileName: `评审包_${packet.roundName}_${packet.reviewer.name}.xhb`.replace(/[\\/:*?"<>|\s]+/g, '_') };
}

export interface OpenedPacket {
  packet: ReviewPacketRecord;
  secret: Uint8Array;
  manifest: Manifest;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; failure: BundleFailure | Failure };

/** Opens a packet as its reviewer does: signed by the installation it names, sealed to its own secret. */
export async function openReviewPacket(bytes: Uint8Array): Promise<Outcome<OpenedPacket>> {
  const opened = openBundle(bytes);
  if (!opened.ok) return opened;
  const m = opened.value.manifest;
  if (m.kind !== 'review-packet' || m.sender.type !== 'self' || typeof m.extra?.secret !== 'string') return { ok: false, failure: failure('review.notPacket') };
  const placeholderOrg: OrgFile = { format: 'xinhuo-org', version: 1, orgId: m.orgId, orgName: '', keys: m.sender.keys, fingerprint: '', createdAt: '' };
  const verified = verifyBundle(opened.value, { org: placeholderOrg, self: m.sender.keys });
  if (!verified.ok) return verified;
  const secret = fromBase64(m.extra.secret);
  if (packetPublicKeys(secret).sign !== m.extra.packetKey) return { ok: false, failure: failure('bundle.badSignature') };
  const read = await readBundle(opened.value, packetHolder(secret));
  if (!read.ok) return read;
  const [packet] = read.value.reviewPacket ?? [];
  if (!packet) return { ok: false, failure: failure('review.notPacket') };
  return { ok: true, value: { packet, secret, manifest: m } };
}

/** A reviewer's score file for their packet: the latest export wins at the officer's. */
export async function writeScoreFile(opened: Pick<OpenedPacket, 'packet' | 'secret'> & { manifest?: Pick<Manifest, 'orgId'> }, sheets: ScoreSheetRecord[], now = new Date()): Promise<{ bytes: Uint8Array; fileName: string }> {
  const p = opened.packet;
  const holder = packetHolder(opened.secret);
  const bytes = await writeBundle(
    {
      kind: 'score-file',
      // A score file answers its packet, whatever organisation issued it.
      orgId: opened.manifest?.orgId ?? 'local',
      origin: `${p.packetId}:${p.reviewer.id}`,
      partition: `review:${p.packetId}:${p.reviewer.id}`,
      label: { plantCode: null, plantName: null },
      seq: { from: 1, to: Math.max(1, sheets.length), snapshot: true },
      previous: null,
      recipient: { name: p.issuedBy, keys: holder.publicKeys },
      tables: { scoreSheet: sheets },
      extra: { packetId: p.packetId, reviewerId: p.reviewer.id, rubricId: p.rubric.id, rubricVersion: p.rubric.version },
      now,
    },
    { sender: { type: 'packet', packetId: p.packetId, reviewerId: p.reviewer.id }, sign: holder },
  );
  return { bytes, fileName: `评分_${p.roundName}_${p.reviewer.name}_${now.toISOString().slice(0, 19).replace(/[:T]/g, '-')}.xhb`.replace(/[\\/:*?"<>|\s]+/g, '_') };
}

export interface IssuedPacket {
  packetId: string;
  reviewerId: string;
  secret: Uint8Array;
  rubric: Rubric;
  candidates: string[];
}

export interface ReadScoreFile {
  packetId: string;
  reviewerId: string;
  createdAt: string;
  bundleId: string;
  sheets: ScoreSheetRecord[];
}

/**
 * Reads a score file at the officer's: it must answer one of the packets issued, by that
 * packet's reviewer, on the rubric version the round uses now.
 */
export async function readScoreFile(bytes: Uint8Array, issued: ReadonlyMap<string, IssuedPacket>, rubricVersion: number): Promise<Outcome<ReadScoreFile>> {
  const opened = openBundle(bytes);
  if (!opened.ok) return opened;
  const m = opened.value.manifest;
  if (m.kind !== 'score-file' || m.sender.type !== 'packet') return { ok: false, failure: failure('review.notScoreFile') };
  const packet = issued.get(m.sender.packetId);
  if (!packet) return { ok: false, failure: failure('bundle.foreignPacket', { packet: m.sender.packetId }) };
  const packets = new Map([...issued].map(([id, p]) => [id, packetPublicKeys(p.secret).sign]));
  const verified = verifyBundle(opened.value, { org: { format: 'xinhuo-org', version: 1, orgId: m.orgId, orgName: '', keys: packetPublicKeys(packet.secret), fingerprint: '', createdAt: '' }, packets });
  if (!verified.ok) return verified;
  if (m.sender.reviewerId !== packet.reviewerId) return { ok: false, failure: failure('review.wrongReviewer') };
  const version = Number(m.extra?.rubricVersion);
  if (version !== rubricVersion) return { ok: false, failure: failure('review.staleRubric', { version, current: rubricVersion }) };
  const read = await readBundle(opened.value, packetHolder(packet.secret));
  if (!read.ok) return read;
  const sheets = read.value.scoreSheet ?? [];
  if (sheets.some((s) => s.packetId !== packet.packetId || s.reviewerId !== packet.reviewerId || !packet.candidates.includes(s.candidateId) || s.rubricVersion !== rubricVersion)) return { ok: false, failure: failure('review.wrongReviewer') };
  return { ok: true, value: { packetId: packet.packetId, reviewerId: packet.reviewerId, createdAt: m.createdAt, bundleId: m.bundleId, sheets } };
}

export interface TallyReport {
  candidates: CandidateTally[];
  rejected: { file: string; failure: BundleFailure | Failure }[];
  applied: string[];
}

/**
 * The round's result from its packets and the score files that came back: each file
 * verified; per packet the latest export wins (a re-export replaces the earlier one), so the
 * same file twice, or files in any order, give the same result.
 */
export async function tallyScoreFiles(packets: readonly Pick<OpenedPacket, 'packet' | 'secret'>[], files: readonly { name: string; bytes: Uint8Array }[]): Promise<TallyReport> {
  const rubric = packets.map((p) => p.packet.rubric).sort((a, b) => b.version - a.version)[0];
  const issued = new Map<string, IssuedPacket>(packets.map((p) => [p.packet.packetId, { packetId: p.packet.packetId, reviewerId: p.packet.reviewer.id, secret: p.secret, rubric: p.packet.rubric, candidates: p.packet.candidates.map((c) => c.candidateId) }]));
  const rejected: TallyReport['rejected'] = [];
  const applied: string[] = [];
  const latest = new Map<string, ReadScoreFile>();
  for (const f of files) {
    const r = await readScoreFile(f.bytes, issued, rubric?.version ?? 1);
    if (!r.ok) {
      rejected.push({ file: f.name, failure: r.failure });
      continue;
    }
    applied.push(f.name);
    const prev = latest.get(r.value.packetId);
    if (!prev || prev.createdAt < r.value.createdAt || (prev.createdAt === r.value.createdAt && prev.bundleId < r.value.bundleId)) latest.set(r.value.packetId, r.value);
  }
  const scores: Score[] = [];
  for (const r of latest.values()) for (const s of r.sheets) for (const [criterion, score] of Object.entries(s.scores)) scores.push({ reviewer: r.reviewerId, candidateId: s.candidateId, criterion, score });
  const assigned: Record<string, string[]> = {};
  for (const p of issued.values()) for (const c of p.candidates) (assigned[c] ??= []).push(p.reviewerId);
  return { candidates: rubric ? tally(rubric, scores, { assigned }) : [], rejected, applied };
}
