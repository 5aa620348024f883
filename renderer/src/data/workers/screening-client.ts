// The screening screen's handle on the facts worker's screening queries. Only the newest
// evaluation matters: positions a slider passes through while the worker is busy are skipped,
// and replies that arrive late are dropped by the caller comparing tickets.

import type { View } from '../../../../shared/domain/screening/engine.ts';
import type { Profile } from '../../../../shared/domain/screening/profile.ts';
import { factsClient } from './facts-client.ts';
import type { FactsApi } from './facts.worker.ts';
import type { RpcClient } from './rpc.ts';

type Evaluated = Awaited<ReturnType<FactsApi['screeningEvaluate']>>;
export interface ScreeningQuery {
  profile: Profile;
  asOf: string;
  view: View;
}

/** An evaluation, and the list on screen: the reply carries that list's first page. */
export type EvaluateQuery = Parameters<FactsApi['screeningEvaluate']>[0];

export class ScreeningSession {
  private readonly rpc: Pick<RpcClient<FactsApi>, 'call'>;

  /** `rpc` is for tests; the app uses the shared facts worker. */
  constructor(rpc?: Pick<RpcClient<FactsApi>, 'call'>) {
    this.rpc = rpc ?? factsClient();
  }

  load(dbName: string, userId: string) {
    return this.rpc.call('screeningLoad', { dbName, userId });
  }
  rows(arg: Parameters<FactsApi['screeningRows']>[0]) {
    return this.rpc.call('screeningRows', arg);
  }
  report(q: ScreeningQuery) {
    return this.rpc.call('screeningReport', q);
  }
  explain(q: ScreeningQuery & { employeeId: string }) {
    return this.rpc.call('screeningExplain', q);
  }
  exportWorkbook(q: ScreeningQuery) {
    return this.rpc.call('screeningExport', q);
  }

  private inFlight = false;
  private queued: { q: EvaluateQuery; resolve: (r: Evaluated | null) => void; reject: (e: Error) => void } | null = null;

  /**
   * Asks for an evaluation, keeping at most one waiting behind the one being computed: while
   * a slider moves, intermediate positions are skipped (their promises resolve to null) and
   * the worker always works on the newest profile.
   */
  evaluateLatest(q: EvaluateQuery): Promise<Evaluated | null> {
    return new Promise((resolve, reject) => {
      this.queued?.resolve(null);
      this.queued = { q, resolve, reject };
      this.pump();
    });
  }

  private pump(): void {
    if (this.inFlight || !this.queued) return;
    const { q, resolve, reject } = this.queued;
    this.queued = null;
    this.inFlight = true;
    this.rpc
      .call('screeningEvaluate', q)
      .then(resolve, reject)
      .finally(() => {
        this.inFlight = false;
        this.pump();
      });
  }

  /** The facts worker is shared and stays; a screen closing its session leaves it running. */
  close(): void {}
}
