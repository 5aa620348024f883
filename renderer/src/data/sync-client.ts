// Sync, trust and backups for the features: each call runs in the facts worker over this
// installation's database (workers/handlers/sync.ts).

import { useCallback, useEffect, useState } from 'react';
import type { ReceivedFile } from '../../../shared/bundle/replica.ts';
import { getDb } from './db/db.ts';
import type { Actor } from './db/types.ts';
import { factsClient } from './workers/facts-client.ts';

const db = () => getDb().name;

export type SyncStatus = Awaited<ReturnType<typeof syncStatus>>;
export type { Inspection, InspectResult } from '../../../shared/bundle/inspect.ts';
export type { ReceiveReport } from '../../../shared/bundle/replica.ts';
export type { PlantRow } from './workers/handlers/sync.ts';

export const syncStatus = () => factsClient().call('syncStatus', { dbName: db() });

/** The sync status, and a function that reads it again after an action. */
export function useSyncStatus(): { status: SyncStatus | undefined; refresh: () => void } {
  const [status, setStatus] = useState<SyncStatus>();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let stale = false;
    void syncStatus().then((s) => {
      if (!stale) setStatus(s);
    });
    return () => {
      stale = true;
    };
  }, [tick]);
  return { status, refresh: useCallback(() => setTick((n) => n + 1), []) };
}

/** Progress and cancellation of a long call: applying bundles runs chunk by chunk and stops between chunks (the call ends when it has). */
type Progress = { onProgress?: (fraction: number) => void; signal?: AbortSignal };

export const sync = {
  exportBundle: (actor: Actor, snapshot: boolean, onProgress?: (f: number) => void) => factsClient().call('syncExport', { dbName: db(), actor, snapshot }, { onProgress }),
  receive: (actor: Actor, files: ReceivedFile[], options: Progress = {}) => factsClient().call('syncReceive', { dbName: db(), actor, files }, { ...options, settleOnCancel: true }),
  acknowledgement: (actor: Actor, partition: string) => factsClient().call('syncAck', { dbName: db(), actor, partition }),
  decide: (actor: Actor, bundleId: string, options: Progress = {}) => factsClient().call('syncDecide', { dbName: db(), actor, bundleId }, { ...options, settleOnCancel: true }),
  inspect: (bytes: Uint8Array) => factsClient().call('syncInspect', { dbName: db(), bytes }),
  createOrg: (actor: Actor) => factsClient().call('trustCreateOrg', { dbName: db(), actor }),
  orgFile: () => factsClient().call('trustOrgFile', { dbName: db() }),
  join: (actor: Actor, bytes: Uint8Array) => factsClient().call('trustJoin', { dbName: db(), actor, bytes }),
  enrolment: (actor: Actor) => factsClient().call('trustEnrolment', { dbName: db(), actor }),
  acceptCertificate: (actor: Actor, bytes: Uint8Array) => factsClient().call('trustAcceptCertificate', { dbName: db(), actor, bytes }),
  receiveEnrolment: (actor: Actor, bytes: Uint8Array) => factsClient().call('trustReceiveEnrolment', { dbName: db(), actor, bytes }),
  certify: (actor: Actor, originId: string) => factsClient().call('trustCertify', { dbName: db(), actor, originId }),
  revoke: (actor: Actor, serial: string, reason: string) => factsClient().call('trustRevoke', { dbName: db(), actor, serial, reason }),
  keyBackup: (actor: Actor, password: string) => factsClient().call('trustKeyBackup', { dbName: db(), actor, password }),
  restoreKeys: (actor: Actor, bytes: Uint8Array, password: string) => factsClient().call('trustRestoreKeys', { dbName: db(), actor, bytes, password }),
  backup: (actor: Actor) => factsClient().call('backupWrite', { dbName: db(), actor }),
  restoreBackup: (actor: Actor, bytes: Uint8Array) => factsClient().call('backupRestore', { dbName: db(), actor, bytes }),
};
