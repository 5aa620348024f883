// The workers' RPC helper over a real MessageChannel: results, progress, failures as values,
// and cancellation through an AbortSignal that reaches the handler.
import { describe, expect, it } from 'vitest';
import { Cancelled, failure, FailureError } from '../../shared/domain/failure.ts';
import { RpcClient, serve, type CallIo, type PortLike } from '../../renderer/src/data/workers/rpc.ts';

function pair() {
  const channel = new MessageChannel();
  let aborted = false;
  let stoppedAt = 0;
  const handlers = {
    add: ({ a, b }: { a: number; b: number }) => a + b,
    count: async ({ to }: { to: number }, io: CallIo) => {
      for (let i = 1; i <= to; i++) io.progress(i / to);
      return to;
    },
    refuse: () => {
      throw new FailureError(failure('access.denied', { userId: 'u9' }));
    },
    crash: () => {
      throw new Error('a bug');
    },
    slow: (_: void, io: CallIo) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => resolve('done'), 5000);
        io.signal.addEventListener('abort', () => {
          aborted = true;
          clearTimeout(timer);
          reject(new Cancelled());
        });
      }),
    // Stops at its next safe point after a cancel, 30 ms later, and says when it has.
    safePoint: (_: void, io: CallIo) =>
      new Promise((_resolve, reject) => {
        io.signal.addEventListener('abort', () =>
          setTimeout(() => {
            stoppedAt = performance.now();
            reject(new Cancelled());
          }, 30),
        );
      }),
    bytes: (_: void, io: CallIo) => {
      const b = new Uint8Array([1, 2, 3]);
      io.transfer(b.buffer);
      return b;
    },
  };
  serve(channel.port1 as unknown as PortLike, handlers);
  const client = new RpcClient<typeof handlers>(channel.port2 as unknown as PortLike);
  return { client, close: () => (channel.port1.close(), channel.port2.close()), wasAborted: () => aborted, stoppedAt: () => stoppedAt };
}

describe('rpc', () => {
  it('answers calls with typed results and reports progress', async () => {
    const { client, close } = pair();
    expect(await client.call('add', { a: 2, b: 3 })).toBe(5);
    const seen: number[] = [];
    expect(await client.call('count', { to: 4 }, { onProgress: (f) => seen.push(f) })).toBe(4);
    expect(seen).toEqual([0.25, 0.5, 0.75, 1]);
    expect([...(await client.call('bytes', undefined))]).toEqual([1, 2, 3]);
    close();
  });

  it('brings expected failures back as values and bugs as errors', async () => {
    const { client, close } = pair();
    const refused = await client.call('refuse', undefined).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(FailureError);
    expect((refused as FailureError).failure).toEqual({ code: 'access.denied', params: { userId: 'u9' } });
    await expect(client.call('crash', undefined)).rejects.toThrow('a bug');
    close();
  });

  it('cancels through an AbortSignal: the caller gets Cancelled and the handler sees the abort', async () => {
    const { client, close, wasAborted } = pair();
    const controller = new AbortController();
    const call = client.call('slow', undefined, { signal: controller.signal });
    controller.abort();
    await expect(call).rejects.toBeInstanceOf(Cancelled);
    await new Promise((r) => setTimeout(r, 20));
    expect(wasAborted()).toBe(true);
    await expect(client.call('slow', undefined, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(Cancelled);
    close();
  });

  it('with settleOnCancel, a cancelled call ends only when the worker has stopped', async () => {
    const { client, close, stoppedAt } = pair();
    const controller = new AbortController();
    const call = client.call('safePoint', undefined, { signal: controller.signal, settleOnCancel: true });
    controller.abort();
    await expect(call).rejects.toBeInstanceOf(Cancelled);
    const ended = performance.now();
    expect(stoppedAt()).toBeGreaterThan(0);
    expect(stoppedAt()).toBeLessThanOrEqual(ended);
    close();
  });
});
