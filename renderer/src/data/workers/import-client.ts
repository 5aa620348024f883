// The wizard's handle on its import worker, through the RPC helper: request and response,
// progress, and cancellation by terminating the worker (nothing is written before commit).

import type { ImportRequest, ImportResponse } from './import-protocol.ts';
import { Cancelled } from '../../../../shared/domain/failure.ts';
import type { ImportApi } from './import.worker.ts';
import { RpcClient, type PortLike } from './rpc.ts';

export class ImportSession {
  private worker: Worker;
  private rpc: RpcClient<ImportApi>;
  private nextId = 1;
  private closed = false;

  constructor() {
    this.worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
    this.rpc = new RpcClient<ImportApi>(this.worker as unknown as PortLike);
    this.worker.onerror = (e) => {
      e.preventDefault();
      this.rpc.rejectAll();
    };
  }

  /** Sends a request; the reply's type narrows by the request's. */
  request<T extends ImportResponse['type']>(req: DistributiveOmit<ImportRequest, 'id'>, onProgress?: (f: number) => void, transfer: Transferable[] = []): Promise<Extract<ImportResponse, { type: T }> | Extract<ImportResponse, { type: 'failed' }>> {
    if (this.closed) return Promise.reject(new Cancelled());
    return this.rpc.call('request', { ...req, id: this.nextId++ } as ImportRequest, { onProgress, transfer }) as Promise<Extract<ImportResponse, { type: T }> | Extract<ImportResponse, { type: 'failed' }>>;
  }

  /** Stops whatever the worker is doing; the session cannot be used afterwards. */
  cancel(): void {
    this.close();
    this.rpc.rejectAll();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.worker.terminate();
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
