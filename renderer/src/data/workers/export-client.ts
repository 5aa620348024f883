// Exports of the people list run in the facts worker, which holds the roster already; the
// officer can cancel one (an AbortSignal reaches the worker).

import { getDb } from '../db/db.ts';
import { factsClient } from './facts-client.ts';

export interface RunningExport {
  done: Promise<{ bytes: Uint8Array; rows: number }>;
  cancel(): void;
}

/** The roster rows of these employees (in this order) as .xlsx or CSV, within the user's scope. */
export function exportRows(userId: string, employeeIds: string[], format: 'xlsx' | 'csv'): RunningExport {
  const controller = new AbortController();
  const done = factsClient().call('exportRoster', { dbName: getDb().name, userId, employeeIds, format }, { signal: controller.signal });
  return { done, cancel: () => controller.abort() };
}
