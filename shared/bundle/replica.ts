// Bundles in and out of a record store (DESIGN.md §8), over the one write path: the same code
// runs in the app (Dexie) and in `xinhuo bundle merge` (memory).
//
// Rules, per record: the version with the higher HLC (then origin, which the HLC string ends
// with) wins; an equal HLC is the same version (idempotent). Versions of one record from two
// lineages of a partition (a database and its restored copy) are a conflict: the loser is
// kept in `conflict`, one per record and lineage, the newest of that lineage — so the result
// is the same in any order. Per origin, a delta whose first seq is past the high-water mark
// is held until the gap is filled or an officer applies it; a bundle that would delete most
// of a partition is held for confirmation; a bundle already covered is a replay: nothing
// changes but the audit trail.

import { Cancelled, FailureError, failure } from '../domain/failure.ts';
import type { Envelope } from '../domain/sync/envelope.ts';
import type { RecordKind, RecordOf } from '../records/schemas.ts';
import { ownPartition, runChange, type ChangeContext, type RecordStore } from '../records/store.ts';
import { emptySyncState, emptyTrust, type HeldBundle, type HoldReason, type PartitionState, type SyncState } from '../records/sync-state.ts';
import type { Actor } from '../records/schemas.ts';
import { canonicalJson, utf8 } from './encoding.ts';
import { bundleFileName, openBundle, readBundle, verifyBundle, writeBundle, type Ack, type BundleFailure, type BundleTables, type Manifest, type OpenedBundle, type Trust } from './format.ts';
import { certificateSchema, isHolder, sha256Hex, type Certificate, type KeyHolder, type OrgFile, type PublicKeys, type RevocationList, type SecretKeys } from './keys.ts';

/** The kinds a plant's sync bundle carries (users never travel: their password hashes stay home). */
/** Selection rounds and certified trainers travel too: head office sees each plant's rounds and its trainer list. */
export const SYNC_KINDS = ['audit', 'profile', 'rubricTemplate', 'topicTheme', 'screeningRun', 'pipeline', 'round', 'trainer', 'factBatch', 'factBlock'] as const satisfies readonly RecordKind[];
/** The kinds head office sends down: configuration, read-only at plants. */
export const DOWN_KINDS = ['profile', 'rubricTemplate', 'topicTheme'] as const satisfies readonly RecordKind[];
/** Every kind a replica holds, conflicts included. */
export const REPLICA_KINDS = [...SYNC_KINDS, 'conflict'] as const satisfies readonly RecordKind[];

/** A bundle that deletes at least this many records, and more than this share of a partition, is held. */
export const MASS_DELETE = { atLeast: 10, share: 0.5 } as const;

/** An officer's decision on a held bundle; `resume`: it was admitted before and is being finished. */
export type Decision = NonNullable<HeldBundle['decision']>;

export type ApplyOutcome =
  | { status: 'applied'; written: Partial<Record<RecordKind, number>>; conflicts: number; deletes: number }
  | { status: 'replay' }
  | { status: 'held'; reason: HoldReason; params: Record<string, string | number> };

const lineage = (r: Envelope): string => r.origin;
const conflictId = (kind: string, id: string, line: string) => `${kind}|${id}|${line}`;

/** Batches before blocks: a block of an undone batch is not kept. */
const APPLY_ORDER = [...REPLICA_KINDS.filter((k) => k !== 'factBlock' && k !== 'conflict'), 'factBlock'] as const;

type Pending = { kind: RecordKind; incoming: RecordOf[RecordKind]; existing: RecordOf[RecordKind] | undefined; wins: boolean };

async function plan(ctx: ChangeContext, tables: BundleTables): Promise<Pending[]> {
  const out: Pending[] = [];
  for (const kind of APPLY_ORDER) {
    const records = (tables[kind] ?? []) as RecordOf[RecordKind][];
    if (!records.length) continue;
    const existing = await ctx.getMany(kind, records.map((r) => r.id));
    for (let i = 0; i < records.length; i++) {
      const inc = records[i];
      const ex = existing[i];
      if (ex && ex.hlc === inc.hlc) continue;
      out.push({ kind, incoming: inc, existing: ex, wins: !ex || inc.hlc > ex.hlc });
    }
  }
  return out;
}

async function liveInPartition(ctx: ChangeContext, partition: string): Promise<number> {
  let n = 0;
  for (const kind of ['profile', 'screeningRun', 'pipeline', 'round', 'trainer', 'factBatch'] as const) for (const r of await ctx.all(kind)) if (r.partition === partition && !r.deleted) n++;
  return n;
}

/** Applies the planned versions: winners written, losers of other lineages kept as conflicts. */
async function write(ctx: ChangeContext, pending: Pending[]): Promise<{ written: Partial<Record<RecordKind, number>>; conflicts: number; deletes: number }> {
  const written: Partial<Record<RecordKind, number>> = {};
  const byKind = new Map<RecordKind, RecordOf[RecordKind][]>();
  const conflictIds = pending.flatMap((p) => [conflictId(p.kind, p.incoming.id, lineage(p.incoming)), ...(p.existing ? [conflictId(p.kind, p.incoming.id, lineage(p.existing))] : [])]);
  const known = new Map<string, RecordOf['conflict']>();
  for (const c of await ctx.getMany('conflict', conflictIds)) if (c) known.set(c.id, c);
  const conflicts = new Map<string, RecordOf['conflict'] | null>();
  const keepLoser = (kind: RecordKind, loser: RecordOf[RecordKind]) => {
    const id = conflictId(kind, loser.id, lineage(loser));
    const current = conflicts.has(id) ? conflicts.get(id) : known.get(id);
    if (current && current.hlc >= loser.hlc) return;
    const { id: _id, partition, origin, seq, hlc, deleted, ...data } = loser as RecordOf[RecordKind] & Record<string, unknown>;
    conflicts.set(id, { id, partition, origin, seq, hlc, deleted: false, kind, recordId: loser.id, lineage: lineage(loser), record: { deleted, ...data } });
  };
  const deadBatches = new Set<string>();
  const liveBatches = new Set<string>();
  let deletes = 0;
  for (const p of pending) {
    const winner = p.wins ? p.incoming : p.existing!;
    const loser = p.wins ? p.existing : p.incoming;
    if (loser && lineage(loser) !== lineage(winner)) keepLoser(p.kind, loser);
    if (!p.wins) continue;
    // The winner's own lineage has no conflict of its own.
    const own = conflictId(p.kind, winner.id, lineage(winner));
    if (conflicts.get(own) || known.has(own)) conflicts.set(own, null);
    if (p.kind === 'factBatch') (winner.deleted ? deadBatches : liveBatches).add(winner.id);
    if (p.kind === 'factBlock') {
      const batch = (winner as RecordOf['factBlock']).batch;
      if (deadBatches.has(batch)) continue;
      if (!liveBatches.has(batch)) {
        const stored = await ctx.get('factBatch', batch);
        if (stored?.deleted) continue;
      }
    }
    if (winner.deleted && p.existing && !p.existing.deleted && p.kind !== 'audit' && p.kind !== 'factBlock') deletes++;
    let list = byKind.get(p.kind);
    if (!list) byKind.set(p.kind, (list = []));
    list.push(winner);
  }
  for (const [kind, records] of byKind) {
    await ctx.applyRemote(kind, records);
    written[kind] = records.length;
  }
  // An undone batch holds no facts: its blocks go, whichever bundle brought them.
  for (const batch of deadBatches) {
    const blocks = await ctx.byIndex('factBlock', 'batch', batch);
    if (blocks.length) await ctx.purge('factBlock', blocks.map((b) => b.id));
  }
  const keep = [...conflicts.values()].filter((c): c is RecordOf['conflict'] => c !== null);
  if (keep.length) await ctx.applyRemote('conflict', keep);
  const drop = [...conflicts.entries()].filter(([, c]) => c === null).map(([id]) => id);
  if (drop.length) await ctx.purge('conflict', drop);
  return { written, conflicts: keep.length, deletes };
}

function partitionState(state: SyncState, m: Manifest, now: string): PartitionState {
  const prev = state.partitions[m.partition];
  return {
    origins: [...new Set([...(prev?.origins ?? []), m.origin])].sort(),
    plantCode: m.label.plantCode,
    plantName: m.label.plantName,
    lastBundleId: m.bundleId,
    lastBundleAt: now,
    lastCreatedAt: prev && prev.lastCreatedAt > m.createdAt ? prev.lastCreatedAt : m.createdAt,
    bundles: (prev?.bundles ?? 0) + 1,
    applied: [...(prev?.applied ?? []), m.bundleId].slice(-1000),
    rejected: prev?.rejected ?? [],
    certificate: m.sender.type === 'plant' ? m.sender.certificate : (prev?.certificate ?? null),
  };
}

/**
 * Records per chunk: a bundle applies in transactions of about this many records (a fact block
 * of up to BLOCK_ROWS rows weighs `block`: twenty blocks, at most 200,000 fact rows, make a
 * chunk). A plant's usual bundle is one transaction; a 100,000-record one neither holds one
 * huge transaction open nor keeps every write of it in memory until the end.
 */
export const CHUNK = { weight: 20_000, block: 1_000 } as const;

export interface ApplyOptions {
  /** Called after each chunk with the share of the bundle's records applied. */
  onProgress?: (fraction: number) => void;
  /** Checked between chunks: a cancelled apply stops after a whole chunk and resumes later. */
  signal?: AbortSignal;
  /** The file's name, kept with the bundle while it is being applied. */
  fileName?: string;
  /** Chunk weight; tests use small ones. */
  chunk?: number;
}

/** The bundle's tables cut into chunks, in apply order (batches before blocks). */
function chunksOf(tables: BundleTables, budget: number): { chunks: BundleTables[]; total: number } {
  const chunks: BundleTables[] = [];
  let current: BundleTables = {};
  let weight = 0;
  let total = 0;
  for (const kind of APPLY_ORDER) {
    const w = kind === 'factBlock' ? CHUNK.block : 1;
    for (const r of (tables[kind] ?? []) as unknown[]) {
      if (weight > 0 && weight + w > budget) {
        chunks.push(current);
        current = {};
        weight = 0;
      }
      ((current as Record<string, unknown[]>)[kind] ??= []).push(r);
      weight += w;
      total++;
    }
  }
  if (weight > 0 || !chunks.length) chunks.push(current);
  return { chunks, total };
}

/** Live records the bundle would delete: tombstones that win over a live version. */
async function countDeletes(ctx: ChangeContext, tables: BundleTables): Promise<number> {
  let n = 0;
  for (const kind of APPLY_ORDER) {
    if (kind === 'audit' || kind === 'factBlock') continue;
    const tombs = ((tables[kind] ?? []) as RecordOf[RecordKind][]).filter((r) => r.deleted);
    if (!tombs.length) continue;
    const existing = await ctx.getMany(kind, tombs.map((r) => r.id));
    tombs.forEach((r, i) => {
      const ex = existing[i];
      if (ex && !ex.deleted && r.hlc > ex.hlc) n++;
    });
  }
  return n;
}

type Admitted = { admitted: true; gap: boolean; hw: number };

/** Replay, gap and mass-delete checks, before anything of the bundle is written. */
async function admit(ctx: ChangeContext, m: Manifest, tables: BundleTables, decision: Decision): Promise<ApplyOutcome | Admitted> {
  if (m.partition === ctx.partition) throw new FailureError(failure('change.ownPartition', { partition: m.partition }));
  const state = (await ctx.setting('sync')) ?? emptySyncState();
  const hw = state.highWater[m.origin] ?? 0;
  const seen = state.partitions[m.partition]?.applied.includes(m.bundleId);
  if (seen || (!m.seq.snapshot && m.seq.to <= hw)) {
    ctx.audit('sync.replay', 'bundle', m.bundleId, { partition: m.partition, from: m.seq.from, to: m.seq.to, highWater: hw });
    return { status: 'replay' };
  }
  const gap = !m.seq.snapshot && m.seq.from > hw + 1;
  // A bundle resumed after an interruption passed these checks when it was first admitted.
  if (decision.resume) return { admitted: true, gap, hw };
  if (gap && !decision.applyGap) return { status: 'held', reason: 'gap', params: { from: hw + 1, to: m.seq.from - 1 } };
  const deletes = await countDeletes(ctx, tables);
  if (deletes >= MASS_DELETE.atLeast) {
    if (decision.confirmMassDelete) ctx.audit('sync.massDeleteConfirmed', 'bundle', m.bundleId, { partition: m.partition, deletes });
    else {
      const live = await liveInPartition(ctx, m.partition);
      if (deletes > MASS_DELETE.share * live) return { status: 'held', reason: 'massDelete', params: { deletes, live } };
    }
  }
  return { admitted: true, gap, hw };
}

type Written = { written: Partial<Record<RecordKind, number>>; conflicts: number; deletes: number };

/** After the last chunk: the high-water mark, the partition's bookkeeping, revocations and acknowledgements. */
async function settle(ctx: ChangeContext, m: Manifest, admitted: Admitted, result: Written, at: string): Promise<void> {
  const state = (await ctx.setting('sync')) ?? emptySyncState();
  const { gap, hw } = admitted;
  state.highWater[m.origin] = Math.max(state.highWater[m.origin] ?? 0, m.seq.to);
  if (!state.partitions[m.partition]?.applied.includes(m.bundleId)) state.partitions[m.partition] = partitionState(state, m, at);
  await ctx.putSetting('sync', state);
  if (gap) ctx.audit('sync.gapApplied', 'bundle', m.bundleId, { partition: m.partition, missingFrom: hw + 1, missingTo: m.seq.from - 1 });
  ctx.audit('sync.applied', 'bundle', m.bundleId, { partition: m.partition, plant: m.label.plantName, from: m.seq.from, to: m.seq.to, records: Object.values(result.written).reduce((a, b) => a + (b ?? 0), 0), conflicts: result.conflicts });
  // Revocations travel down in every bundle from head office (its signature was verified with the manifest's).
  if (m.revocations && m.sender.type === 'org') {
    const trust = (await ctx.setting('trust')) ?? emptyTrust();
    const current = trust.revocations as { issuedAt?: string } | null;
    if (!current?.issuedAt || current.issuedAt < m.revocations.issuedAt) await ctx.putSetting('trust', { ...trust, revocations: m.revocations });
  }
  // Plant side: head office's acknowledgement of this installation's own bundles.
  if (m.ack && m.ack.partition === ctx.partition) {
    for (const [origin, seq] of Object.entries(m.ack.highWater)) state.acked[origin] = Math.max(state.acked[origin] ?? 0, seq);
    state.lastAck = { at, bundleId: m.bundleId, createdAt: m.createdAt };
    await ctx.putSetting('sync', state);
    ctx.audit('sync.acknowledged', 'bundle', m.bundleId, { acked: m.ack.highWater[ctx.installation.originId] ?? 0, rejected: m.ack.rejected.length });
  }
}

/** The held list without this bundle's entry, and with `entry` in its place when there is one. */
async function replaceHeld(ctx: ChangeContext, bundleId: string, entry: HeldBundle | null): Promise<void> {
  const rest = ((await ctx.setting('held')) ?? []).filter((h) => h.bundleId !== bundleId);
  await ctx.putSetting('held', entry ? [...rest, entry] : rest);
}

const addWritten = (into: Written, r: Written): Written => {
  for (const [k, n] of Object.entries(r.written) as [RecordKind, number][]) into.written[k] = (into.written[k] ?? 0) + n;
  into.conflicts += r.conflicts;
  into.deletes += r.deletes;
  return into;
};

/**
 * Applies one verified, read bundle, chunk by chunk, each chunk one transaction: the first
 * admits the bundle (replay, gap and mass-delete checks before anything is written, and an
 * 'interrupted' marker among the held bundles), the last settles it (only then do the
 * high-water mark and the partition's list of applied bundles move). A bundle of one chunk is
 * one transaction, all of it or nothing. A chunk that fails writes nothing; the chunks before
 * it stay, and because every write is decided by HLC, applying the file again skips what is
 * there and ends in the same state as an uninterrupted apply. Returns what happened; a held
 * bundle is the caller's to keep (receive() keeps it).
 */
export async function applyBundle(store: RecordStore, actor: Actor, opened: OpenedBundle, tables: BundleTables, decision: Decision = {}, now: () => number = Date.now, options: ApplyOptions = {}): Promise<ApplyOutcome> {
  const m = opened.manifest;
  const { chunks, total } = chunksOf(tables, options.chunk ?? CHUNK.weight);
  const at = () => new Date(now()).toISOString();
  // The marker says the bundle is being applied and under which decision. It holds no bytes
  // (writing the file beside its records would double what a merge writes); they are kept
  // only when the apply stops with an error or a cancel. After a crash the marker remains:
  // the held list asks for the file again, and it is finished under the same decision.
  const interrupted = (bytes: Uint8Array): HeldBundle => ({ bundleId: m.bundleId, fileName: options.fileName ?? bundleFileName(m), partition: m.partition, origin: m.origin, from: m.seq.from, to: m.seq.to, reason: 'interrupted', params: { records: total, kept: bytes.length ? 1 : 0 }, receivedAt: at(), bytes, decision: { ...decision, resume: true } });
  const marked = chunks.length > 1;
  const result: Written = { written: {}, conflicts: 0, deletes: 0 };
  let admitted: Admitted | null = null;
  let committed = 0;
  let done = 0;
  try {
    for (const [i, chunk] of chunks.entries()) {
      if (options.signal?.aborted) throw new Cancelled();
      const last = i === chunks.length - 1;
      if (store.prepareRemote) for (const [kind, records] of Object.entries(chunk) as [RecordKind, readonly object[]][]) if (records?.length) await store.prepareRemote(kind, records);
      // The first chunk's transaction admits the bundle, the last one settles it: a bundle of
      // one chunk is one transaction, all of it or nothing.
      const outcome = await runChange(store, actor, 'sync', REPLICA_KINDS, async (ctx): Promise<ApplyOutcome | Written> => {
        if (i === 0) {
          const a = await admit(ctx, m, tables, decision);
          if (!('admitted' in a)) return a;
          admitted = a;
          if (marked && !decision.resume) await replaceHeld(ctx, m.bundleId, interrupted(new Uint8Array(0)));
        }
        const w = await write(ctx, await plan(ctx, chunk));
        if (!last) return w;
        const all = addWritten({ ...result, written: { ...result.written } }, w);
        await settle(ctx, m, admitted!, all, at());
        if (marked) await replaceHeld(ctx, m.bundleId, null);
        return { status: 'applied', ...all };
      }, now);
      committed++;
      if ('status' in outcome) {
        if (outcome.status === 'applied') options.onProgress?.(1);
        return outcome;
      }
      addWritten(result, outcome);
      done += Object.values(chunk).reduce((a, list) => a + (list?.length ?? 0), 0);
      options.onProgress?.(done / total);
    }
  } catch (e) {
    // Part of the bundle is in: keep the file so that the next receive finishes it by itself;
    // if even that cannot be written, the marker stays and asks for the file.
    if (committed > 0) await runChange(store, actor, 'sync', [], (ctx) => replaceHeld(ctx, m.bundleId, interrupted(opened.original)), now).catch(() => undefined);
    throw e;
  }
  throw new Error('a bundle has at least one chunk');
}

export interface ReceivedFile {
  name: string;
  bytes: Uint8Array;
}

export interface ReceiveReport {
  applied: string[];
  replayed: string[];
  held: { file: string; reason: HoldReason; params: Record<string, string | number> }[];
  rejected: { file: string; failure: BundleFailure }[];
}

type Readied = { name: string; opened: OpenedBundle; tables: BundleTables; decision?: Decision };

/** Opens, verifies and reads one file; a failure names what is wrong. */
export async function readyBundle(file: ReceivedFile, trust: Trust, box: Uint8Array | KeyHolder): Promise<{ ok: true; value: Readied } | { ok: false; failure: BundleFailure }> {
  const opened = openBundle(file.bytes);
  if (!opened.ok) return opened;
  const verified = verifyBundle(opened.value, trust);
  if (!verified.ok) return verified;
  const tables = await readBundle(opened.value, box);
  if (!tables.ok) return tables;
  return { ok: true, value: { name: file.name, opened: opened.value, tables: tables.value } };
}

/**
 * Receives bundles (one, or a whole folder) and any held before: verified first, then applied
 * in seq order per origin; a bundle waiting for an earlier one is tried again after each
 * success, so any order of the same files gives the same state. What stays held is kept in the
 * store with its reason; rejected files change nothing.
 */
export async function receive(store: RecordStore, actor: Actor, files: readonly ReceivedFile[], trust: Trust, box: Uint8Array | KeyHolder, now: () => number = Date.now, options: Pick<ApplyOptions, 'onProgress' | 'signal' | 'chunk'> = {}): Promise<ReceiveReport> {
  const report: ReceiveReport = { applied: [], replayed: [], held: [], rejected: [] };
  const ready: Readied[] = [];
  const heldBefore = (await store.transaction([], (tx) => tx.setting('held'))) ?? [];
  // A bundle interrupted part-way resumes under the decision it was admitted with: from its
  // kept bytes, or, after a crash, when its file is received again.
  const resumeOf = new Map(heldBefore.filter((h) => h.reason === 'interrupted' && h.decision).map((h) => [h.bundleId, h.decision!]));
  // A bundle from a newer Xinhuo is refused now and kept: after an upgrade it is applied.
  const later: { file: ReceivedFile; opened: OpenedBundle }[] = [];
  for (const f of [...heldBefore.filter((h) => h.bytes.length).map((h) => ({ name: h.fileName, bytes: h.bytes })), ...files]) {
    const r = await readyBundle(f, trust, box);
    if (r.ok) ready.push({ ...r.value, decision: resumeOf.get(r.value.opened.manifest.bundleId) });
    else {
      report.rejected.push({ file: f.name, failure: r.failure });
      const opened = r.failure.code === 'bundle.newerSchema' ? openBundle(f.bytes) : null;
      if (opened?.ok) later.push({ file: f, opened: opened.value });
    }
  }
  // Lower seqs first, snapshots first: fewer rounds of retrying.
  ready.sort((a, b) => Number(b.opened.manifest.seq.snapshot) - Number(a.opened.manifest.seq.snapshot) || a.opened.manifest.seq.from - b.opened.manifest.seq.from || a.opened.manifest.seq.to - b.opened.manifest.seq.to || a.opened.sha256.localeCompare(b.opened.sha256));
  let waiting = ready;
  const held = new Map<string, { r: Readied; reason: HoldReason; params: Record<string, string | number> }>();
  let finished = 0;
  for (let progress = true; progress && waiting.length; ) {
    progress = false;
    const next: Readied[] = [];
    for (const r of waiting) {
      const onProgress = options.onProgress && ((f: number) => options.onProgress!(Math.min(1, (finished + f) / ready.length)));
      const outcome = await applyBundle(store, actor, r.opened, r.tables, r.decision ?? {}, now, { fileName: r.name, signal: options.signal, chunk: options.chunk, onProgress });
      if (outcome.status === 'held') {
        held.set(r.opened.manifest.bundleId, { r, reason: outcome.reason, params: outcome.params });
        next.push(r);
        continue;
      }
      held.delete(r.opened.manifest.bundleId);
      finished++;
      (outcome.status === 'applied' ? report.applied : report.replayed).push(r.name);
      progress = true;
    }
    waiting = next;
  }
  for (const { r, reason, params } of held.values()) report.held.push({ file: r.name, reason, params });
  const keep = [...held.values()];
  for (const l of later) keep.push({ r: { name: l.file.name, opened: l.opened, tables: {} }, reason: 'newerSchema', params: {} });
  await keepHeld(store, actor, keep, now);
  if (report.rejected.length) await noteRejected(store, actor, report.rejected, files, now);
  return report;
}

async function keepHeld(store: RecordStore, actor: Actor, held: { r: Readied; reason: HoldReason; params: Record<string, string | number> }[], now: () => number): Promise<void> {
  // Bundles still being applied keep their entries: the apply removes them when it ends.
  const unfinished = (list: readonly HeldBundle[]) => list.filter((h) => h.reason === 'interrupted');
  const stored = (await store.transaction([], (tx) => tx.setting('held'))) ?? [];
  if (held.length === 0 && unfinished(stored).length === stored.length) return;
  await runChange(store, actor, 'sync', [], async (ctx) => {
    const current = (await ctx.setting('held')) ?? [];
    const before = new Set(current.map((h) => h.bundleId));
    const at = new Date(now()).toISOString();
    const list: HeldBundle[] = held.map(({ r, reason, params }) => {
      const m = r.opened.manifest;
      if (!before.has(m.bundleId)) ctx.audit('sync.held', 'bundle', m.bundleId, { partition: m.partition, reason, file: r.name });
      // The file's exact bytes are kept: it is verified again when it is applied.
      return { bundleId: m.bundleId, fileName: r.name, partition: m.partition, origin: m.origin, from: m.seq.from, to: m.seq.to, reason, params, receivedAt: at, bytes: r.opened.original };
    });
    const kept = new Set(list.map((h) => h.bundleId));
    await ctx.putSetting('held', [...unfinished(current).filter((h) => !kept.has(h.bundleId)), ...list]);
  }, now);
}


async function noteRejected(store: RecordStore, actor: Actor, rejected: ReceiveReport['rejected'], files: readonly ReceivedFile[], now: () => number): Promise<void> {
  await runChange(store, actor, 'sync', [], async (ctx) => {
    const state = (await ctx.setting('sync')) ?? emptySyncState();
    for (const r of rejected) {
      ctx.audit('sync.rejected', 'bundle', null, { file: r.file, reason: r.failure.code });
      // When the manifest could be read, the plant hears of it in its acknowledgement.
      const bytes = files.find((f) => f.name === r.file)?.bytes;
      const opened = bytes ? openBundle(bytes) : null;
      const m = opened?.ok ? opened.value.manifest : null;
      const p = m ? state.partitions[m.partition] : undefined;
      if (m && p && !p.rejected.some((x) => x.bundleId === m.bundleId)) p.rejected = [...p.rejected, { bundleId: m.bundleId, reason: r.failure.code }].slice(-200);
    }
    await ctx.putSetting('sync', state);
  }, now);
}

/** Applies a held bundle by an officer's explicit decision (a gap skipped, a mass delete confirmed); audited. */
export async function decideHeld(store: RecordStore, actor: Actor, bundleId: string, trust: Trust, box: Uint8Array | KeyHolder, now: () => number = Date.now, options: Pick<ApplyOptions, 'onProgress' | 'signal' | 'chunk'> = {}): Promise<ApplyOutcome | BundleFailure> {
  const held = ((await store.transaction([], (tx) => tx.setting('held'))) ?? []).find((h) => h.bundleId === bundleId);
  if (!held) return failure('bundle.unreadable', { file: bundleId });
  const r = await readyBundle({ name: held.fileName, bytes: held.bytes }, trust, box);
  if (!r.ok) return r.failure;
  const decision: Decision = held.decision ?? (held.reason === 'gap' ? { applyGap: true } : { confirmMassDelete: true });
  const outcome = await applyBundle(store, actor, r.value.opened, r.value.tables, decision, now, { ...options, fileName: held.fileName });
  if (outcome.status !== 'held') {
    await runChange(store, actor, 'sync', [], async (ctx) => {
      await replaceHeld(ctx, bundleId, null);
    }, now);
  }
  return outcome;
}

// ---- Writing bundles -------------------------------------------------------------------------

export interface PlantKeys {
  org: OrgFile;
  certificate: Certificate;
  keys: SecretKeys | KeyHolder;
}

export interface ExportResult {
  bytes: Uint8Array;
  fileName: string;
  manifest: Manifest;
}

/**
 * A plant's bundle for head office: everything since the last acknowledged seq of this
 * origin (a lost copy costs nothing: the next one covers it), or a full snapshot. The first
 * bundle of an origin is a snapshot.
 */
export async function exportSync(store: RecordStore, actor: Actor, plant: PlantKeys, options: { snapshot?: boolean } = {}, now: () => number = Date.now): Promise<ExportResult | null> {
  const read = await runChange(store, actor, 'sync', SYNC_KINDS, async (ctx) => {
    const state = (await ctx.setting('sync')) ?? emptySyncState();
    const clock = await ctx.setting('clock');
    const origin = ctx.installation.originId;
    const acked = state.acked[origin] ?? 0;
    const snapshot = options.snapshot || acked === 0;
    const tables: BundleTables = {};
    let count = 0;
    for (const kind of SYNC_KINDS) {
      const rows = (await ctx.all(kind)).filter((r) => r.partition === ctx.partition && (snapshot || (r.origin === origin && r.seq > acked)));
      (tables as Record<string, unknown[]>)[kind] = rows;
      count += rows.length;
    }
    return { tables, count, snapshot, from: snapshot ? 1 : acked + 1, to: clock?.seq ?? 0, origin, previous: state.lastExport?.sha256 ?? null, installation: ctx.installation, partition: ctx.partition };
  }, now);
  if (!read.snapshot && read.count === 0) return null;
  const inst = read.installation;
  const bytes = await writeBundle(
    {
      kind: 'sync',
      orgId: plant.org.orgId,
      origin: read.origin,
      partition: read.partition,
      label: { plantCode: inst.plant?.code ?? null, plantName: inst.plant?.name ?? null },
      seq: { from: read.from, to: read.to, snapshot: read.snapshot },
      previous: read.previous,
      recipient: { name: plant.org.orgName, keys: plant.org.keys },
      tables: read.tables,
      now: new Date(now()),
    },
    { sender: { type: 'plant', certificate: plant.certificate }, sign: isHolder(plant.keys) ? plant.keys : plant.keys.sign },
  );
  const opened = openBundle(bytes);
  if (!opened.ok) throw new Error('a bundle just written cannot be opened');
  const manifest = opened.value.manifest;
  const fileName = bundleFileName(manifest);
  await runChange(store, actor, 'sync', [], async (ctx) => {
    const state = (await ctx.setting('sync')) ?? emptySyncState();
    state.lastExport = { at: new Date(now()).toISOString(), fileName, from: read.from, to: read.to, sha256: opened.value.sha256, snapshot: read.snapshot };
    await ctx.putSetting('sync', state);
    ctx.audit('sync.exported', 'bundle', manifest.bundleId, { file: fileName, from: read.from, to: read.to, records: read.count, snapshot: read.snapshot });
  }, now);
  return { bytes, fileName, manifest };
}

export interface OrgKeys {
  org: OrgFile;
  keys: SecretKeys;
  revocations?: RevocationList;
}

/** Head office's acknowledgement for a plant: what was applied and rejected, plus configuration and revocations going down. */
export async function acknowledgement(store: RecordStore, actor: Actor, hq: OrgKeys, partition: string, now: () => number = Date.now): Promise<ExportResult> {
  const read = await runChange(store, actor, 'sync', DOWN_KINDS, async (ctx) => {
    const state = (await ctx.setting('sync')) ?? emptySyncState();
    const p = state.partitions[partition];
    if (!p) throw new FailureError(failure('sync.unknownPartition', { partition }));
    const highWater: Record<string, number> = {};
    for (const origin of p.origins) highWater[origin] = state.highWater[origin] ?? 0;
    const tables: BundleTables = {};
    for (const kind of DOWN_KINDS) (tables as Record<string, unknown[]>)[kind] = (await ctx.all(kind)).filter((r) => r.partition === ctx.partition);
    ctx.audit('sync.ackWritten', 'bundle', null, { partition, plant: p.plantName });
    return { ack: { partition, highWater, applied: p.applied, rejected: p.rejected } satisfies Ack, tables, p, origin: ctx.installation.originId, clock: (await ctx.setting('clock'))?.seq ?? 0 };
  }, now);
  const cert = certificateSchema.safeParse(read.p.certificate);
  if (!cert.success) throw new FailureError(failure('sync.unknownPartition', { partition }));
  const bytes = await writeBundle(
    {
      kind: 'ack',
      orgId: hq.org.orgId,
      origin: read.origin,
      partition: 'hq',
      label: { plantCode: null, plantName: null },
      // Configuration goes down whole each time: a lost acknowledgement costs nothing.
      seq: { from: 1, to: read.clock, snapshot: true },
      previous: null,
      recipient: { name: cert.data.plant.name, keys: cert.data.keys },
      tables: read.tables,
      ack: read.ack,
      revocations: hq.revocations,
      now: new Date(now()),
    },
    { sender: { type: 'org' }, sign: hq.keys.sign },
  );
  const opened = openBundle(bytes);
  if (!opened.ok) throw new Error('a bundle just written cannot be opened');
  return { bytes, manifest: opened.value.manifest, fileName: `总部_${new Date(now()).toISOString().slice(0, 10)}_回执_${(cert.data.plant.name).replace(/[\\/:*?"<>|\s]+/g, '_')}.xhb` };
}

// ---- The merged state, as one digest --------------------------------------------------------

/**
 * SHA-256 of the canonical state: every record of the chosen partitions (all but this
 * installation's own by default), kind by kind, by id, conflicts included, and the high-water
 * marks. Equal for any order and any duplication of the same bundles.
 */
export async function stateDigest(store: RecordStore, options: { partitions?: (p: string) => boolean; kinds?: readonly RecordKind[]; withHighWater?: boolean } = {}): Promise<{ digest: string; counts: Record<string, number> }> {
  return store.transaction([...REPLICA_KINDS], async (tx) => {
    const installation = await tx.setting('installation');
    const own = installation ? ownPartition(installation) : null;
    const keep = options.partitions ?? ((p: string) => p !== own);
    const lines: string[] = [];
    const counts: Record<string, number> = {};
    for (const kind of [...(options.kinds ?? REPLICA_KINDS)].sort()) {
      const rows = (await tx.all(kind)).filter((r) => keep(r.partition)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      counts[kind] = rows.filter((r) => !r.deleted).length;
      for (const r of rows) lines.push(`${kind}\t${canonicalJson(r)}`);
    }
    if (options.withHighWater !== false) {
      const hw = (await tx.setting('sync'))?.highWater ?? {};
      lines.push(`highWater\t${canonicalJson(hw)}`);
    }
    return { digest: sha256Hex(utf8(lines.join('\n'))), counts };
  });
}

export type { PublicKeys };
