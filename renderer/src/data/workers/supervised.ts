// A watchdog over a worker: a call that runs past its time budget stops the worker and is
// reported, and so is a worker that dies (an uncaught error, or the browser ending it when it
// runs out of memory). Every call still waiting fails with that reason; the next call starts a
// fresh worker, so the rest of the app stays usable. Browsers give a worker no memory limit of
// its own and report no memory use from inside one: memory is bounded by the limits on input
// (shared/io/limits.ts) and by this budget on time.

import { failure, FailureError, type Failure } from '../../../../shared/domain/failure.ts';
import { RpcClient, type CallOptions, type Handlers, type PortLike } from './rpc.ts';

export type WorkerTrouble = 'worker.timeout' | 'worker.crashed';

export interface SupervisedCallOptions extends CallOptions {
  /** Milliseconds the call may take before the worker is stopped (none: no budget). */
  budgetMs?: number;
}

/** What a timed-out or crashed call fails with: a FailureError with these params. */
export const troubleOf = (e: unknown): Failure<WorkerTrouble> | null => (e instanceof FailureError && (e.failure.code === 'worker.timeout' || e.failure.code === 'worker.crashed') ? (e.failure as Failure<WorkerTrouble>) : null);

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
    return pending.finally(() => clearTimeout(timer));
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
