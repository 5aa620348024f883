// The data layer's public face for features: the database, live-query hooks and the fact model.

import { startTransition, useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from './db/db.ts';
import { FactModelStore, type FactModel } from './facts/fact-model.ts';
import { getInstallation } from './records/installation.ts';
import type { Identity } from './db/types.ts';

export { useDatabase } from './db/db.ts';
export { validateSetup, SetupFailure, MIN_PASSWORD_LENGTH, type SetupInput } from './records/installation.ts';
export { type FactModel } from './facts/fact-model.ts';
export { type Dictionary, type PeopleQuery, type PeopleIndex, type SortColumn } from './facts/people-index.ts';
export { employeeRowFor, peopleCountFor, queryPeopleFor } from './records/scope.ts';
export { type AuditFilter } from './records/audit-log.ts';
export { loadDemoPlant, type DemoProgress } from './workers/demo-loader.ts';
export { troubleOf, watchMemory } from './workers/supervised.ts';
export { bindKeysToUser } from './records/at-rest-keys.ts';
export type { Actor, AuditEntry, FactBatchRecord, Installation, PipelineRecord, RoundRecord, UserRecord } from './db/types.ts';

let modelStore: FactModelStore | null = null;

export function factModelStore(): FactModelStore {
  modelStore ??= new FactModelStore(getDb());
  return modelStore;
}

/**
 * The current fact model; re-renders when it is rebuilt. The re-render is a transition, so
 * React renders a 100,000-row screen in slices instead of one long task.
 */
export function useFactModel(): FactModel {
  const store = factModelStore();
  const [model, setModel] = useState(store.get);
  useEffect(() => {
    setModel(store.get());
    return store.subscribe(() => startTransition(() => setModel(store.get())));
  }, [store]);
  return model;
}

/** undefined while loading, null before first-run setup. */
export function useInstallation() {
  return useLiveQuery(() => getInstallation(getDb()), [], undefined);
}

export function useIdentity(): Identity | null | undefined {
  return useLiveQuery(async () => {
    const row = await getDb().settings.get('identity');
    return row?.key === 'identity' ? row.value : null;
  });
}
export { ImportSession } from './workers/import-client.ts';
export { Cancelled, isCancelled } from '../../../shared/domain/failure.ts';
export type { AnalysisSummary, DuplicateOf, WizardOptions } from './workers/import-protocol.ts';
export { ScreeningSession } from './workers/screening-client.ts';
export type { FreshnessWarning, SnapshotInfo } from './workers/screening-protocol.ts';
export { type HandOffResult, type NewRound, type RoundChoice } from './records/pipeline-store.ts';
export type { ScreeningRunRecord } from './db/types.ts';
export { ROLES, UserFailure, validateNewUser, type NewUser, type UserError } from './records/users-store.ts';
export { can, departmentScope, type Capability } from './records/permissions.ts';
export * from './app.ts';
export { exportRows, type RunningExport } from './workers/export-client.ts';
export * from './sync-client.ts';
export { exportScoreFile, openPacketFile, saveDraft, tallyRound, useReviewDrafts, useReviewerPackets, type ReviewDraft, type RoundTally } from './reviewer.ts';
export type { OpenedPacket } from '../../../shared/bundle/review.ts';
