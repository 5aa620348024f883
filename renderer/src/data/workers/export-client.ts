// Exports run in a worker of their own, one per export, so that cancelling is terminating it.

import type { DatasetName } from '../../../../shared/domain/facts/datasets.ts';
import { getDb } from '../db/db.ts';
import { Cancelled } from '../../../../shared/domain/failure.ts';

export interface ExportRequest {
  dbName: string;
  /** The signed-in user: the worker applies their department scope. */
  userId: string;
  dataset: DatasetName;
  /** The employees to export, in this order. */
  employeeIds: string[];
  format: 'xlsx' | 'csv';
}

export type ExportResponse = { type: 'file'; bytes: Uint8Array; rows: number } | { type: 'error'; message: string };

export interface RunningExport {
  done: Promise<{ bytes: Uint8Array; rows: number }>;
  cancel(): void;
}

export function exportRows(userId: string, dataset: DatasetName, employeeIds: string[], format: 'xlsx' | 'csv'): RunningExport {
  const worker = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module' });
  let cancel = () => {};
  const done = new Promise<{ bytes: Uint8Array; rows: number }>((resolve, reject) => {
    cancel = () => {
      worker.terminate();
      reject(new Cancelled());
    };
    worker.onmessage = (e: MessageEvent<ExportResponse>) => {
      worker.terminate();
      if (e.data.type === 'error') reject(new Error(e.data.message));
      else resolve({ bytes: e.data.bytes, rows: e.data.rows });
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message));
    };
    worker.postMessage({ dbName: getDb().name, userId, dataset, employeeIds, format } satisfies ExportRequest);
  });
  return { done, cancel: () => cancel() };
}
