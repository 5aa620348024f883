// The UI thread's one handle on the facts worker, started on first use and shared by every
// screen.

import type { FactsApi } from './facts.worker.ts';
import type { CallOptions } from './rpc.ts';
import { SupervisedWorker } from './supervised.ts';

/** A query of the facts worker (screening, an export, an employee's rows) may take five minutes before the worker is stopped and started afresh. */
export const FACTS_BUDGET_MS = 5 * 60_000;

let worker: SupervisedWorker<FactsApi> | null = null;

export function factsClient(): { call: SupervisedWorker<FactsApi>['call'] } {
  const w = (worker ??= new SupervisedWorker<FactsApi>(() => new Worker(new URL('./facts.worker.ts', import.meta.url), { type: 'module' }), 'facts'));
  return { call: (method, arg, options: CallOptions = {}) => w.call(method, arg, { budgetMs: FACTS_BUDGET_MS, ...options }) };
}
