import { describe, expect, it } from 'vitest';
import { ScreeningSession } from '../../renderer/src/data/workers/screening-client.ts';
import { SEED_PROFILE } from '../../shared/domain/screening/profile.ts';

/** A facts worker that answers an evaluation only when the test says so. */
class FakeRpc {
  received: { method: string; arg: { asOf: string } ; resolve: (v: unknown) => void }[] = [];
  call(method: string, arg: { asOf: string }) {
    return new Promise((resolve) => this.received.push({ method, arg, resolve }));
  }
  answer(k: number) {
    const r = this.received[k];
    r.resolve({ evaluation: k + 1, report: { asOf: r.arg.asOf }, warnings: [], ms: 1 });
  }
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('ScreeningSession.evaluateLatest', () => {
  it('keeps one evaluation waiting behind the running one, skipping the positions in between', async () => {
    const rpc = new FakeRpc();
    const session = new ScreeningSession(rpc as never);
    const ask = (asOf: string) => session.evaluateLatest({ profile: SEED_PROFILE, asOf, view: {} });
    const first = ask('2026-01-01');
    const skipped = ask('2026-01-02');
    const newest = ask('2026-01-03');
    expect(rpc.received.map((r) => r.arg.asOf)).toEqual(['2026-01-01']);
    expect(rpc.received[0].method).toBe('screeningEvaluate');
    expect(await skipped).toBeNull();
    rpc.answer(0);
    expect((await first)?.report.asOf).toBe('2026-01-01');
    await tick();
    expect(rpc.received.map((r) => r.arg.asOf)).toEqual(['2026-01-01', '2026-01-03']);
    rpc.answer(1);
    expect((await newest)?.report.asOf).toBe('2026-01-03');
  });
});
