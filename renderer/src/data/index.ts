// The data layer's public face for features: the database, live-query hooks and the fact model.

import { startTransition, useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from './db.ts';
import { FactModelStore, type FactModel } from './fact-model.ts';
import { getInstallation } from './installation.ts';
import type { Identity } from './types.ts';

export { useDatabase } from './db.ts';
export { validateSetup, SetupFailure, MIN_PASSWORD_LENGTH, type SetupInput } from './installation.ts';
export { rowsForEmployee, type FactModel } from './fact-model.ts';
export { type PeopleQuery, type PeopleIndex, type SortColumn } from './people-index.ts';
export { employeeRowFor, peopleCountFor, queryPeopleFor } from './scope.ts';
export { type AuditFilter } from './audit-log.ts';
export { loadDemoPlant, type DemoProgress } from './demo-loader.ts';
export type { Actor, AuditEntry, FactBatchRecord, Installation, PipelineRecord, UserRecord } from './types.ts';

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
export { ImportSession } from './import-client.ts';
export { Cancelled, isCancelled, FailureError } from '../../../shared/domain/failure.ts';
export type { AnalysisSummary, DuplicateOf, WizardOptions } from './import-protocol.ts';
export { ScreeningSession } from './screening-client.ts';
export type { FreshnessWarning, SnapshotInfo } from './screening-protocol.ts';
export { type HandOffResult } from './pipeline-store.ts';
export type { ScreeningRunRecord } from './types.ts';
export { ROLES, UserFailure, validateNewUser, type NewUser, type UserError } from './users-store.ts';
export { can, departmentScope, type Capability } from './permissions.ts';
export * from './app.ts';
export { exportRows, type RunningExport } from './export-client.ts';
