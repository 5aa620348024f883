// Sync, trust and backups in the facts worker, over this installation's Dexie store: bundles
// are verified, decrypted and applied here, never on the UI thread. Every write goes through
// the shared write path, which checks the user as the store holds them.

import { restoreBackup, writeBackup } from '../../../../../shared/bundle/backup.ts';
import { utf8 } from '../../../../../shared/bundle/encoding.ts';
import { inspectBundle } from '../../../../../shared/bundle/inspect.ts';
import { fingerprint } from '../../../../../shared/bundle/keys.ts';
import { acknowledgement, decideHeld, exportSync, receive, SYNC_KINDS, type ReceivedFile } from '../../../../../shared/bundle/replica.ts';
import { acceptCertificate, backupOrg, certifyPlant, ensureOwnKeys, createOrganisation, enrolmentRequest, joinOrganisation, orgKeyBackup, readTrust, receiveEnrolment, restoreOrgKeys, revokePlant, type Trust } from '../../../../../shared/bundle/trust.ts';
import { FailureError, failure } from '../../../../../shared/domain/failure.ts';
import { decodeHlc } from '../../../../../shared/domain/sync/envelope.ts';
import { ownPartition } from '../../../../../shared/records/store.ts';
import { emptySyncState } from '../../../../../shared/records/sync-state.ts';
import type { HeldFacts } from '../../facts/held-facts.ts';
import { recordStore } from '../../records/change.ts';
import type { Actor } from '../../db/types.ts';
import type { CallIo } from '../rpc.ts';

interface Ctx {
  dbName: string;
  actor: Actor;
}

const json = (v: unknown) => utf8(JSON.stringify(v, null, 2) + '\n');

export interface PlantRow {
  partition: string;
  plantCode: string | null;
  plantName: string | null;
  lastBundleAt: string | null;
  lastCreatedAt: string | null;
  bundles: number;
  batches: number;
  factRows: number;
  pipeline: number;
  /** Certified internal trainers of the plant. */
  trainers: number;
  profiles: number;
  conflicts: number;
  held: number;
  revoked: boolean;
  serial: string | null;
}

export function syncHandlers(facts: HeldFacts) {
  const open = async (dbName: string) => {
    await facts.ensure(dbName);
    return recordStore(facts.db);
  };
  const requireTrust = (t: Trust) => {
    if (!t.org || !t.keys) throw new FailureError(failure('trust.noOrg'));
    return { org: t.org, keys: t.keys };
  };

  return {
    /** Everything the 同步 and 各厂区 screens show. */
    async syncStatus({ dbName }: { dbName: string }) {
      const store = await open(dbName);
      const t = await readTrust(store);
      return store.transaction([...SYNC_KINDS, 'conflict'], async (tx) => {
        const installation = (await tx.setting('installation'))!;
        const own = ownPartition(installation);
        const sync = (await tx.setting('sync')) ?? emptySyncState();
        const held = ((await tx.setting('held')) ?? []).map(({ bytes: _bytes, ...h }) => h);
        const acked = sync.acked[installation.originId] ?? 0;
        let unsent = 0;
        const rows = new Map<string, PlantRow>();
        const row = (partition: string): PlantRow => {
          let r = rows.get(partition);
          if (!r) {
            const p = sync.partitions[partition];
            const serial = t.issued.find((c) => c.partition === partition)?.serial ?? null;
            r = { partition, plantCode: p?.plantCode ?? partition.replace(/^plant:/, ''), plantName: p?.plantName ?? null, lastBundleAt: p?.lastBundleAt ?? null, lastCreatedAt: p?.lastCreatedAt ?? null, bundles: p?.bundles ?? 0, batches: 0, factRows: 0, pipeline: 0, trainers: 0, profiles: 0, conflicts: 0, held: 0, revoked: !!t.revocations?.revoked.some((x) => x.partition === partition), serial };
            rows.set(partition, r);
          }
          return r;
        };
        for (const p of Object.keys(sync.partitions)) row(p);
        for (const c of t.issued) row(c.partition).plantName ??= c.plant.name;
        for (const kind of ['audit', 'profile', 'screeningRun', 'pipeline', 'round', 'trainer', 'factBatch'] as const) {
          for (const r of await tx.all(kind)) {
            if (r.partition === own) {
              // The audit trail travels too, but what the officer counts as changes is their data.
              if (kind !== 'audit' && r.origin === installation.originId && r.seq > acked) unsent++;
              continue;
            }
            if (r.partition === 'hq' || r.deleted) continue;
            const pr = row(r.partition);
            if (kind === 'factBatch') {
              pr.batches++;
              pr.factRows += (r as { counts: { rows: number } }).counts.rows;
            } else if (kind === 'pipeline') pr.pipeline++;
            else if (kind === 'trainer') pr.trainers++;
            else if (kind === 'profile') pr.profiles++;
          }
        }
        const conflicts: { id: string; kind: string; recordId: string; partition: string; lineage: string; at: number; label: string; winnerAt: number | null }[] = [];
        for (const c of await tx.all('conflict')) {
          row(c.partition).conflicts++;
          if (conflicts.length >= 200) continue;
          const winner = c.kind in { profile: 1, screeningRun: 1, pipeline: 1, factBatch: 1, audit: 1 } ? await tx.get(c.kind as 'profile', c.recordId) : undefined;
          const r = c.record as Record<string, unknown>;
          const label = String(r.name ?? r.profileName ?? r.fileName ?? r.action ?? c.recordId);
          conflicts.push({ id: c.id, kind: c.kind, recordId: c.recordId, partition: c.partition, lineage: c.lineage, at: decodeHlc(c.hlc).millis, label, winnerAt: winner ? decodeHlc(winner.hlc).millis : null });
        }
        for (const h of held) if (h.partition !== 'hq') row(h.partition).held++;
        return {
          role: installation.role,
          originId: installation.originId,
          org: t.org ? { orgId: t.org.orgId, name: t.org.orgName, fingerprint: t.org.fingerprint } : null,
          ownFingerprint: t.keys ? fingerprint(t.keys.publicKeys) : null,
          keysLocked: t.keys ? !t.keys.extractable : null,
          certificate: t.certificate ? { serial: t.certificate.serial, partition: t.certificate.partition, plantName: t.certificate.plant.name, plantCode: t.certificate.plant.code, issuedAt: t.certificate.issuedAt, revoked: !!t.revocations?.revoked.some((r) => r.serial === t.certificate!.serial) } : null,
          enrolments: t.enrolments.map((e) => ({ originId: e.originId, plant: e.plant, fingerprint: fingerprint(e.keys), createdAt: e.createdAt })),
          lastExport: sync.lastExport,
          lastAck: sync.lastAck,
          acked,
          unsent,
          held,
          conflicts,
          plants: [...rows.values()].sort((a, b) => (a.plantCode ?? '').localeCompare(b.plantCode ?? '')),
        };
      });
    },

    /** A plant's bundle for head office (null: nothing new since the last acknowledgement). */
    async syncExport({ dbName, actor, snapshot }: Ctx & { snapshot: boolean }, io: CallIo) {
      const store = await open(dbName);
      const t = await readTrust(store);
      if (!t.org || !t.keys || !t.certificate) throw new FailureError(failure('trust.noOrg'));
      io.progress(0.1);
      const r = await exportSync(store, actor, { org: t.org, certificate: t.certificate, keys: t.keys }, { snapshot });
      io.progress(1);
      if (!r) return null;
      io.transfer(r.bytes.buffer);
      return { bytes: r.bytes, fileName: r.fileName, seq: r.manifest.seq };
    },

    /** Receives bundles: plants' at head office, head office's at a plant. */
    async syncReceive({ dbName, actor, files }: Ctx & { files: ReceivedFile[] }, io: CallIo) {
      const store = await open(dbName);
      const t = await readTrust(store);
      const { org, keys } = requireTrust(t);
      io.progress(0);
      const report = await receive(store, actor, files, { org, revocations: t.revocations ?? org.revocations }, keys, Date.now, { onProgress: io.progress, signal: io.signal });
      io.progress(1);
      return report;
    },

    /** Head office: the acknowledgement bundle for one plant. */
    async syncAck({ dbName, actor, partition }: Ctx & { partition: string }, io: CallIo) {
      const store = await open(dbName);
      const t = await readTrust(store);
      const { org } = requireTrust(t);
      if (!t.secret) throw new FailureError(failure('trust.noOrg'));
      const r = await acknowledgement(store, actor, { org, keys: t.secret, revocations: t.revocations ?? undefined }, partition);
      io.transfer(r.bytes.buffer);
      return { bytes: r.bytes, fileName: r.fileName };
    },

    /** Applies a held bundle by the officer's decision. */
    async syncDecide({ dbName, actor, bundleId }: Ctx & { bundleId: string }, io: CallIo) {
      const store = await open(dbName);
      const t = await readTrust(store);
      const { org, keys } = requireTrust(t);
      return decideHeld(store, actor, bundleId, { org, revocations: t.revocations ?? undefined }, keys, Date.now, { onProgress: io.progress, signal: io.signal });
    },

    /** The inspector: what a bundle says about itself, checked against this installation's org when it has one. */
    async syncInspect({ dbName, bytes }: { dbName: string; bytes: Uint8Array }) {
      const store = await open(dbName);
      const t = await readTrust(store);
      return inspectBundle(bytes, t.org ? { org: t.org, revocations: t.revocations ?? undefined } : undefined);
    },

    async trustCreateOrg({ dbName, actor }: Ctx) {
      return createOrganisation(await open(dbName), actor);
    },
    async trustOrgFile({ dbName }: { dbName: string }) {
      const t = await readTrust(await open(dbName));
      if (!t.org) throw new FailureError(failure('trust.noOrg'));
      return { bytes: json(t.revocations ? { ...t.org, revocations: t.revocations } : t.org), fileName: `${t.org.orgName}_组织文件.json` };
    },
    async trustJoin({ dbName, actor, bytes }: Ctx & { bytes: Uint8Array }) {
      return joinOrganisation(await open(dbName), actor, bytes);
    },
    async trustEnrolment({ dbName, actor }: Ctx) {
      const request = await enrolmentRequest(await open(dbName), actor);
      return { bytes: json(request), fileName: `${request.plant.name}_入网申请.json`, fingerprint: fingerprint(request.keys) };
    },
    async trustAcceptCertificate({ dbName, actor, bytes }: Ctx & { bytes: Uint8Array }) {
      return acceptCertificate(await open(dbName), actor, bytes);
    },
    async trustReceiveEnrolment({ dbName, actor, bytes }: Ctx & { bytes: Uint8Array }) {
      const r = await receiveEnrolment(await open(dbName), actor, bytes);
      return { originId: r.originId, plant: r.plant, fingerprint: fingerprint(r.keys) };
    },
    async trustCertify({ dbName, actor, originId }: Ctx & { originId: string }) {
      const cert = await certifyPlant(await open(dbName), actor, originId);
      return { bytes: json(cert), fileName: `${cert.plant.name}_厂区证书.json` };
    },
    async trustRevoke({ dbName, actor, serial, reason }: Ctx & { serial: string; reason: string }) {
      await revokePlant(await open(dbName), actor, serial, reason);
    },
    async trustKeyBackup({ dbName, actor, password }: Ctx & { password: string }) {
      const backup = await orgKeyBackup(await open(dbName), actor, password);
      return { bytes: json(backup), fileName: `组织密钥备份_${backup.orgId.slice(0, 8)}.json` };
    },
    async trustRestoreKeys({ dbName, actor, bytes, password }: Ctx & { bytes: Uint8Array; password: string }) {
      return restoreOrgKeys(await open(dbName), actor, bytes, password);
    },

    async backupWrite({ dbName, actor }: Ctx, io: CallIo) {
      const store = await open(dbName);
      const keys = await ensureOwnKeys(store, actor);
      const r = await writeBackup(store, actor, { org: backupOrg(await readTrust(store), keys), keys });
      io.transfer(r.bytes.buffer);
      return { bytes: r.bytes, fileName: r.fileName, records: r.records };
    },
    async backupRestore({ dbName, actor, bytes }: Ctx & { bytes: Uint8Array }) {
      const store = await open(dbName);
      const keys = await ensureOwnKeys(store, actor);
      const r = await restoreBackup(store, actor, bytes, { org: backupOrg(await readTrust(store), keys), keys });
      if (!r.ok) throw new FailureError(r.failure);
      return { records: r.records };
    },
  };
}
