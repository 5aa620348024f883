// The wizard's handle on its import worker: request/response with ids, progress, and
// cancellation by terminating the worker (nothing is written before commit).

import type { ImportRequest, ImportResponse } from './import-protocol.ts';
import { Cancelled, FailureError } from '../../../../shared/domain/failure.ts';

type Pending = { resolve: (r: ImportResponse) => void; reject: (e: Error) => void; onProgress?: (f: number) => void };

export class ImportSession {
  private worker: Worker;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private closed = false;

  constructor() {
    this.worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<ImportResponse>) => {
      const m = e.data;
      const p = this.pending.get(m.id);
      if (!p) return;
      if (m.type === 'progress') return p.onProgress?.(m.fraction);
      this.pending.delete(m.id);
      if (m.type === 'error') p.reject(m.failure ? new FailureError(m.failure) : new Error(m.message));
      else p.resolve(m);
    };
    this.worker.onerror = (e) => {
      for (const p of this.pending.values()) p.reject(new Error(e.message));
      this.pending.clear();
    };
  }

  /** Sends a request; the reply's type narrows by the request's. */
  request<T extends ImportResponse['type']>(req: DistributiveOmit<ImportRequest, 'id'>, onProgress?: (f: number) => void, transfer: Transferable[] = []): Promise<Extract<ImportResponse, { type: T }> | Extract<ImportResponse, { type: 'failed' }>> {
    if (this.closed) return Promise.reject(new Cancelled());
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (r: ImportResponse) => void, reject, onProgress });
      this.worker.postMessage({ ...req, id } as ImportRequest, transfer);
    });
  }

  /** Stops whatever the worker is doing; the session cannot be used afterwards. */
  cancel(): void {
    this.close();
    for (const p of this.pending.values()) p.reject(new Cancelled());
    this.pending.clear();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.worker.terminate();
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
