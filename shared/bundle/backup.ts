// Backups (备份与恢复): a full snapshot bundle addressed to this installation itself — every
// record of every kind and the sync bookkeeping, sealed to its own key and signed by it. A
// restore replaces the database in one transaction and starts a new origin (a new epoch), so
// that seqs written after the restore can never collide with those the old database sent.

import { FailureError, failure } from '../domain/failure.ts';
import { RECORD_KIND_NAMES, type Actor, type RecordKind } from '../records/schemas.ts';
import { can } from '../records/permissions.ts';
import { ownPartition, runChange, type RecordStore } from '../records/store.ts';
import { emptySyncState, type SyncState } from '../records/sync-state.ts';
import { openBundle, readBundle, verifyBundle, writeBundle, type BundleFailure, type BundleTables } from './format.ts';
import { asHolder, type KeyHolder, type OrgFile, type SecretKeys } from './keys.ts';

export interface BackupResult {
  bytes: Uint8Array;
  fileName: string;
  records: number;
}

export async function writeBackup(store: RecordStore, actor: Actor, self: { org: OrgFile; keys: SecretKeys | KeyHolder }, now: () => number = Date.now): Promise<BackupResult> {
  const read = await runChange(store, actor, 'sync', RECORD_KIND_NAMES, async (tx) => {
    const installation = tx.installation;
    const tables: BundleTables = {};
    let records = 0;
    tx.audit('backup.written', 'installation', installation.originId, {});
    for (const kind of RECORD_KIND_NAMES) {
      const rows = await tx.all(kind);
      (tables as Record<string, unknown[]>)[kind] = rows;
      records += rows.length;
    }
    return { installation, tables, records, clock: await tx.setting('clock'), sync: (await tx.setting('sync')) ?? emptySyncState() };
  }, now);
  const inst = read.installation;
  const holder = asHolder(self.keys);
  const pub = holder.publicKeys;
  const at = new Date(now());
  const bytes = await writeBundle(
    {
      kind: 'backup',
      orgId: self.org.orgId,
      origin: inst.originId,
      partition: ownPartition(inst),
      label: { plantCode: inst.plant?.code ?? null, plantName: inst.plant?.name ?? (inst.role === 'hq' ? '总部' : null) },
      seq: { from: 1, to: read.clock?.seq ?? 0, snapshot: true },
      previous: null,
      recipient: { name: inst.plant?.name ?? inst.orgName, keys: pub },
      tables: read.tables,
      extra: { sync: JSON.stringify(read.sync), clock: JSON.stringify(read.clock ?? null), installation: JSON.stringify(inst) },
      now: at,
    },
    { sender: { type: 'self', keys: pub }, sign: holder },
  );
  const who = (inst.plant?.name ?? '总部').replace(/[\\/:*?"<>|\s]+/g, '_');
  return { bytes, records: read.records, fileName: `${who}_${at.toISOString().slice(0, 10)}_备份.xhb` };
}

export type RestoreOutcome = { ok: true; records: number; origin: string; previousOrigin: string } | { ok: false; failure: BundleFailure | ReturnType<typeof failure> };

/**
 * Replaces every record of `store` with the backup's, after verifying that this installation
 * wrote it. The installation gets a new origin id; the old one is remembered. Audited.
 */
export async function restoreBackup(store: RecordStore, actor: Actor, bytes: Uint8Array, self: { org: OrgFile; keys: SecretKeys | KeyHolder }, now: () => number = Date.now, newOrigin: string = crypto.randomUUID()): Promise<RestoreOutcome> {
  const opened = openBundle(bytes);
  if (!opened.ok) return opened;
  if (opened.value.manifest.kind !== 'backup') return { ok: false, failure: failure('backup.notBackup') };
  const holder = asHolder(self.keys);
  const verified = verifyBundle(opened.value, { org: self.org, self: holder.publicKeys });
  if (!verified.ok) return verified;
  const tables = await readBundle(opened.value, holder);
  if (!tables.ok) return tables;
  const m = opened.value.manifest;
  const sync = JSON.parse(String(m.extra?.sync ?? 'null')) as SyncState | null;
  const clock = JSON.parse(String(m.extra?.clock ?? 'null')) as { seq: number; millis: number; counter: number } | null;
  return store.transaction([...RECORD_KIND_NAMES], async (tx) => {
    const installation = await tx.setting('installation');
    if (!installation) throw new FailureError(failure('change.notSetUp'));
    // Only an administrator replaces the database.
    const user = await tx.get('user', actor.userId);
    if (!user || user.disabled || !can(user, 'accounts')) throw new FailureError(failure('access.denied', { userId: actor.userId, needs: 'accounts' }));
    if (installation.originId !== m.origin && !(installation.previousOrigins ?? []).includes(m.origin)) return { ok: false, failure: failure('backup.otherInstallation') } as const;
    let records = 0;
    for (const kind of RECORD_KIND_NAMES) {
      const existing = await tx.all(kind);
      if (existing.length) await tx.purge(kind, existing.map((r) => r.id));
      const rows = (tables.value as Record<string, unknown[]>)[kind] ?? [];
      if (rows.length) await tx.bulkPut(kind as RecordKind, rows as never);
      records += rows.length;
    }
    const previous = installation.originId;
    await tx.putSetting('installation', { ...installation, originId: newOrigin, previousOrigins: [...new Set([...(installation.previousOrigins ?? []), previous])] });
    const saved = await tx.setting('clock');
    // The clock never goes back: the new origin's seqs start after both.
    const seq = Math.max(saved?.seq ?? 0, clock?.seq ?? 0);
    const millis = Math.max(saved?.millis ?? 0, clock?.millis ?? 0, now());
    await tx.putSetting('clock', { seq, millis, counter: 0 });
    await tx.putSetting('sync', sync ?? emptySyncState());
    return { ok: true, records, origin: newOrigin, previousOrigin: previous } as const;
  }).then(async (r) => {
    if (r.ok) {
      await runChange(store, actor, 'system', [], async (ctx) => ctx.audit('backup.restored', 'installation', r.origin, { file: m.bundleId, records: r.records, previousOrigin: r.previousOrigin, createdAt: m.createdAt }), now);
    }
    return r;
  });
}
