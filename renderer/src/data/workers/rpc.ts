// One typed RPC helper for every worker: request and response, progress, and cancellation
// through an AbortSignal. Expected failures cross as values (a FailureError arrives as a
// FailureError, a cancellation as Cancelled); anything else arrives as an Error with its
// message. The handler map's type is the client's API: a method's argument and result types
// come from the handler itself.

import { Cancelled, FailureError, isCancelled, type Failure } from '../../../../shared/domain/failure.ts';
import { adoptKeys, heldKeys } from '../db/at-rest.ts';

/** What a handler gets besides its argument. */
export interface CallIo {
  progress(fraction: number): void;
  /** Aborted when the caller cancels. */
  signal: AbortSignal;
  /** Transfer these buffers with the result instead of copying them. */
  transfer(...items: Transferable[]): void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Handlers = Record<string, (arg: any, io: CallIo) => unknown>;
type Arg<H extends Handlers, K extends keyof H> = Parameters<H[K]>[0];
type Result<H extends Handlers, K extends keyof H> = Awaited<ReturnType<H[K]>>;

type Wire =
  // A call carries the database keys its caller holds (db/at-rest.ts): the worker holds exactly those.
  | { rpc: 'call'; id: number; method: string; arg: unknown; keys?: Record<string, Uint8Array> }
  | { rpc: 'cancel'; id: number }
  | { rpc: 'progress'; id: number; fraction: number }
  | { rpc: 'result'; id: number; value: unknown }
  | { rpc: 'error'; id: number; message: string; failure?: Failure; cancelled?: boolean };

/** A Worker, a worker's global scope or a MessagePort. */
export interface PortLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

/** Answers calls arriving on `port` with `handlers`. */
export function serve<H extends Handlers>(port: PortLike, handlers: H): void {
  const running = new Map<number, AbortController>();
  port.onmessage = (event: MessageEvent<Wire>) => {
    const m = event.data;
    if (m.rpc === 'cancel') {
      running.get(m.id)?.abort();
      return;
    }
    if (m.rpc !== 'call') return;
    adoptKeys(m.keys);
    const handler = handlers[m.method];
    const controller = new AbortController();
    running.set(m.id, controller);
    const transfer: Transferable[] = [];
    const io: CallIo = {
      progress: (fraction) => port.postMessage({ rpc: 'progress', id: m.id, fraction } satisfies Wire),
      signal: controller.signal,
      transfer: (...items) => transfer.push(...items),
    };
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`no handler for ${m.method}`);
        return handler(m.arg, io);
      })
      .then(
        (value) => port.postMessage({ rpc: 'result', id: m.id, value } satisfies Wire, transfer),
        (e: unknown) =>
          port.postMessage({
            rpc: 'error',
            id: m.id,
            message: e instanceof Error ? e.message : String(e),
            ...(e instanceof FailureError ? { failure: e.failure } : {}),
            ...(isCancelled(e) ? { cancelled: true } : {}),
          } satisfies Wire),
      )
      .finally(() => running.delete(m.id));
  };
}

export interface CallOptions {
  signal?: AbortSignal;
  /**
   * After a cancel, wait for the worker's own answer instead of failing at once: for work that
   * stops at a safe point and whose stored state the caller reads next (a bundle applied in
   * chunks stops after a whole chunk and notes what is left).
   */
  settleOnCancel?: boolean;
  onProgress?: (fraction: number) => void;
  transfer?: Transferable[];
}

export class RpcClient<H extends Handlers> {
  private readonly port: PortLike;
  private nextId = 1;
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; onProgress?: (f: number) => void }>();

  constructor(port: PortLike) {
    this.port = port;
    port.onmessage = (event: MessageEvent<Wire>) => {
      const m = event.data;
      const p = this.pending.get(m.id);
      if (!p) return;
      if (m.rpc === 'progress') return p.onProgress?.(m.fraction);
      this.pending.delete(m.id);
      if (m.rpc === 'result') p.resolve(m.value);
      else if (m.rpc === 'error') p.reject(m.cancelled ? new Cancelled() : m.failure ? new FailureError(m.failure) : new Error(m.message));
    };
  }

  call<K extends keyof H & string>(method: K, arg: Arg<H, K>, options: CallOptions = {}): Promise<Result<H, K>> {
    const id = this.nextId++;
    return new Promise<Result<H, K>>((resolve, reject) => {
      const { signal } = options;
      if (signal?.aborted) return reject(new Cancelled());
      const onAbort = () => {
        if (!this.pending.has(id)) return;
        this.port.postMessage({ rpc: 'cancel', id } satisfies Wire);
        if (options.settleOnCancel) return;
        this.pending.delete(id);
        reject(new Cancelled());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, {
        resolve: (v) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(v as Result<H, K>);
        },
        reject: (e) => {
          signal?.removeEventListener('abort', onAbort);
          reject(e);
        },
        onProgress: options.onProgress,
      });
      this.port.postMessage({ rpc: 'call', id, method, arg, keys: heldKeys() } satisfies Wire, options.transfer ?? []);
    });
  }

  /** Rejects every call still waiting (the worker is going away): cancelled, unless a reason is given. */
  rejectAll(reason?: Error): void {
    for (const p of this.pending.values()) p.reject(reason ?? new Cancelled());
    this.pending.clear();
  }
}
