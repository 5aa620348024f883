import { describe, expect, it } from 'vitest';
import { ScreeningSession } from '../../renderer/src/data/workers/screening-client.ts';
import type { ScreeningRequest, ScreeningResponse } from '../../renderer/src/data/workers/screening-protocol.ts';
import { SEED_PROFILE } from '../../shared/domain/screening/profile.ts';

/** A worker that answers an evaluation only when the test says so. */
class FakeWorker {
  onmessage: ((e: MessageEvent<ScreeningResponse>) => void) | null = null;
  received: ScreeningRequest[] = [];
  postMessage(req: ScreeningRequest) {
    this.received.push(req);
  }
  answer(req: ScreeningRequest) {
    const report = { asOf: 'asOf' in req ? req.asOf : '' } as never;
    this.onmessage!({ data: { type: 'evaluated', id: req.id, evaluation: req.id, report, warnings: [], ms: 1 } } as unknown as MessageEvent<ScreeningResponse>);
  }
  terminate() {}
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('ScreeningSession.evaluateLatest', () => {
  it('keeps one evaluation waiting behind the running one, skipping the positions in between', async () => {
    const worker = new FakeWorker();
    const session = new ScreeningSession(worker);
    const ask = (asOf: string) => session.evaluateLatest({ type: 'evaluate', profile: SEED_PROFILE, asOf, view: {} });
    const first = ask('2026-01-01');
    const skipped = ask('2026-01-02');
    const newest = ask('2026-01-03');
    expect(worker.received.map((r) => 'asOf' in r && r.asOf)).toEqual(['2026-01-01']);
    expect(await skipped).toBeNull();
    worker.answer(worker.received[0]);
    expect((await first)?.report.asOf).toBe('2026-01-01');
    await tick();
    expect(worker.received.map((r) => 'asOf' in r && r.asOf)).toEqual(['2026-01-01', '2026-01-03']);
    worker.answer(worker.received[1]);
    expect((await newest)?.report.asOf).toBe('2026-01-03');
  });
});
