// A watchdog over a worker: a call that runs past its time budget stops the worker and is
// reported, and so is a worker that dies (an uncaught error, or the browser ending it when it
// runs out of memory). Every call still waiting fails with that reason; the next call starts a
// fresh worker, so the rest of the app stays usable.
//
// Memory: a browser gives a worker no memory limit of its own and tells a page nothing of its
// process's memory, so in the web build memory is bounded by the limits on input
// (shared/io/limits.ts) and by the budget on time. On desktop the main process reports the
// window's process (its workers run inside it): while a parse runs, the probe is read
// every second, and a process over its budget stops the worker with worker.memory before the
// window itself would run out.

import { failure, FailureError, type Failure } from '../../../../shared/domain/failure.ts';
import { RpcClient, type CallOptions, type Handlers, type PortLike } from './rpc.ts';

export type WorkerTrouble = 'worker.timeout' | 'worker.crashed' | 'worker.memory';

/** The window's process memory and its budget, in MB; null where it cannot be known. */
export type MemoryProbe = () => Promise<{ usedMb: number; budgetMb: number } | null>;

let memoryProbe: MemoryProbe | null = null;
let memoryEveryMs = 1000;

/** Watches the calls that ask for it (watchMemory) with this probe: the platform's, on desktop. */
export function watchMemory(probe: MemoryProbe | null, everyMs = 1000): void {
  memoryProbe = probe;
  memoryEveryMs = everyMs;
}

export interface SupervisedCallOptions extends CallOptions {
  /** Milliseconds the call may take before the worker is stopped (none: no budget). */
  budgetMs?: number;
  /** Stop the worker when the window's process goes over its memory budget during the call (parses of untrusted files). */
  watchMemory?: boolean;
}

/** What a timed-out or crashed call fails with: a FailureError with these params. */
const TROUBLES: readonly string[] = ['worker.timeout', 'worker.crashed', 'worker.memory'] satisfies WorkerTrouble[];
export const troubleOf = (e: unknown): Failure<WorkerTrouble> | null => (e instanceof FailureError && TROUBLES.includes(e.failure.code) ? (e.failure as Failure<WorkerTrouble>) : null);

export class SupervisedWorker<H extends Handlers> {
  private worker: Worker | null = null;
  private rpc: RpcClient<H> | null = null;
  private readonly make: () => Worker;
  private readonly task: string;

  /** `task` names the work in messages (e.g. the file being read). */
  constructor(make: () => Worker, task: string) {
    this.make = make;
    this.task = task;
  }

  private client(): RpcClient<H> {
    if (this.rpc) return this.rpc;
    const worker = this.make();
    const rpc = new RpcClient<H>(worker as unknown as PortLike);
    worker.onerror = (e) => {
      e.preventDefault();
      this.fail(failure('worker.crashed', { task: this.task, detail: e.message ?? '' }));
    };
    this.worker = worker;
    this.rpc = rpc;
    return rpc;
  }

  call<K extends keyof H & string>(method: K, arg: Parameters<H[K]>[0], options: SupervisedCallOptions = {}): Promise<Awaited<ReturnType<H[K]>>> {
    const pending = this.client().call(method, arg, options);
    const { budgetMs } = options;
    if (!budgetMs) return pending;
    const timer = setTimeout(() => this.fail(failure('worker.timeout', { task: this.task, seconds: Math.round(budgetMs / 1000) })), budgetMs);
    const stopWatching = options.watchMemory ? this.watchMemory() : () => {};
    return pending.finally(() => {
      clearTimeout(timer);
      stopWatching();
    });
  }

  /** Reads the memory probe while the call runs; over budget, the worker is stopped. */
  private watchMemory(): () => void {
    const probe = memoryProbe;
    if (!probe) return () => {};
    let reading = false;
    const tick = setInterval(() => {
      if (reading) return;
      reading = true;
      probe()
        .then((m) => {
          if (m && m.usedMb > m.budgetMb && this.worker) this.fail(failure('worker.memory', { task: this.task, limitMb: m.budgetMb, usedMb: m.usedMb }));
        })
        .catch(() => {})
        .finally(() => (reading = false));
    }, memoryEveryMs);
    return () => clearInterval(tick);
  }

  /** Stops the worker; waiting calls fail with `reason` (cancelled when none is given). */
  fail(reason?: Failure): void {
    const rpc = this.rpc;
    this.worker?.terminate();
    this.worker = null;
    this.rpc = null;
    rpc?.rejectAll(reason ? new FailureError(reason) : undefined);
  }

  terminate(): void {
    this.fail();
  }
}
