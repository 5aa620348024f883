// The screening screen's handle on its worker. Only the newest evaluation matters: positions a
// slider passes through while the worker is busy are skipped, and replies that arrive late are
// dropped by the caller comparing tickets.

import type { ScreeningRequest, ScreeningResponse } from './screening-protocol.ts';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export class ScreeningSession {
  private readonly worker: Pick<Worker, 'postMessage' | 'terminate' | 'onmessage'>;
  private nextId = 1;
  private pending = new Map<number, { resolve: (r: ScreeningResponse) => void; reject: (e: Error) => void }>();

  /** `worker` is for tests; the app uses the screening worker. */
  constructor(worker?: Pick<Worker, 'postMessage' | 'terminate' | 'onmessage'>) {
    this.worker = worker ?? new Worker(new URL('./screening.worker.ts', import.meta.url), { type: 'module' });
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

  private inFlight = false;
  private queued: { req: DistributiveOmit<ScreeningRequest, 'id'>; resolve: (r: ScreeningResponse | null) => void; reject: (e: Error) => void } | null = null;

  /**
   * Asks for an evaluation, keeping at most one waiting behind the one being computed: while
   * a slider moves, intermediate positions are skipped (their promises resolve to null) and
   * the worker always works on the newest profile.
   */
  evaluateLatest(req: Extract<DistributiveOmit<ScreeningRequest, 'id'>, { type: 'evaluate' }>): Promise<Extract<ScreeningResponse, { type: 'evaluated' }> | null> {
    return new Promise((resolve, reject) => {
      this.queued?.resolve(null);
      this.queued = { req, resolve: resolve as (r: ScreeningResponse | null) => void, reject };
      this.pump();
    });
  }

  private pump(): void {
    if (this.inFlight || !this.queued) return;
    const { req, resolve, reject } = this.queued;
    this.queued = null;
    this.inFlight = true;
    this.request(req)
      .then(resolve, reject)
      .finally(() => {
        this.inFlight = false;
        this.pump();
      });
  }

  close(): void {
    this.worker.terminate();
  }
}
