// The wizard's handle on its import worker, through the RPC helper: request and response,
// progress, and cancellation by terminating the worker (nothing is written before commit).

import type { ImportRequest, ImportResponse } from './import-protocol.ts';
import { Cancelled } from '../../../../shared/domain/failure.ts';
import type { ImportApi } from './import.worker.ts';
import { SupervisedWorker } from './supervised.ts';

/**
 * Time a request about one file may take before the worker is stopped: a minute, plus ten
 * seconds per megabyte (a 24 MB, one-million-row workbook gets five minutes).
 */
export const importBudgetMs = (bytes: number): number => 60_000 + Math.ceil(bytes / (1024 * 1024)) * 10_000;

export class ImportSession {
  private readonly worker: SupervisedWorker<ImportApi>;
  private nextId = 1;
  private closed = false;
  private bytes = 0;

  /** `fileName` names the file in a watchdog's message. */
  constructor(fileName = '') {
    this.worker = new SupervisedWorker<ImportApi>(() => new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' }), fileName);
  }

  /** Sends a request; the reply's type narrows by the request's. A request past its time budget stops the worker (worker.timeout). */
  request<T extends ImportResponse['type']>(req: DistributiveOmit<ImportRequest, 'id'>, onProgress?: (f: number) => void, transfer: Transferable[] = []): Promise<Extract<ImportResponse, { type: T }> | Extract<ImportResponse, { type: 'failed' }>> {
    if (this.closed) return Promise.reject(new Cancelled());
    if (req.type === 'open') this.bytes = req.bytes.byteLength;
    return this.worker.call('request', { ...req, id: this.nextId++ } as ImportRequest, { onProgress, transfer, budgetMs: importBudgetMs(this.bytes), watchMemory: true }) as Promise<Extract<ImportResponse, { type: T }> | Extract<ImportResponse, { type: 'failed' }>>;
  }

  /** Stops whatever the worker is doing; the session cannot be used afterwards. */
  cancel(): void {
    this.close();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.worker.terminate();
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
