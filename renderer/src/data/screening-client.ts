// The screening screen's handle on its worker. Only the newest evaluation matters: older
// replies that arrive late are dropped by the caller comparing ids.

import type { ScreeningRequest, ScreeningResponse } from './screening-protocol.ts';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export class ScreeningSession {
  private worker = new Worker(new URL('./workers/screening.worker.ts', import.meta.url), { type: 'module' });
  private nextId = 1;
  private pending = new Map<number, { resolve: (r: ScreeningResponse) => void; reject: (e: Error) => void }>();

  constructor() {
    this.worker.onmessage = (e: MessageEvent<ScreeningResponse>) => {
      const p = this.pending.get(e.data.id);
      if (!p) return;
      this.pending.delete(e.data.id);
      if (e.data.type === 'error') p.reject(new Error(e.data.message));
      else p.resolve(e.data);
    };
  }

  request<T extends ScreeningResponse['type']>(req: DistributiveOmit<ScreeningRequest, 'id'>): Promise<Extract<ScreeningResponse, { type: T }>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (r: ScreeningResponse) => void, reject });
      this.worker.postMessage({ ...req, id } as ScreeningRequest);
    });
  }

  close(): void {
    this.worker.terminate();
  }
}
