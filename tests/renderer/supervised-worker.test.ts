// The watchdog over workers: a call past its budget stops the worker and fails with
// worker.timeout, a worker that dies fails its calls with worker.crashed, and the next call
// runs on a fresh worker. On desktop a parse that takes the window's process over its memory
// budget stops the worker with worker.memory.
import { afterEach, describe, expect, it } from 'vitest';
import { failureText } from '../../shared/domain/messages.ts';
import { ioMessage } from '../../shared/io/messages.ts';
import { serve, type Handlers, type PortLike } from '../../renderer/src/data/workers/rpc.ts';
import { SupervisedWorker, troubleOf, watchMemory } from '../../renderer/src/data/workers/supervised.ts';
import { importBudgetMs } from '../../renderer/src/data/workers/import-client.ts';

/** A worker in this thread: a MessageChannel whose far end serves `handlers`. */
class FakeWorker {
  terminated = false;
  onerror: ((e: { preventDefault(): void; message: string }) => void) | null = null;
  private readonly port: MessagePort;
  constructor(handlers: Handlers) {
    const channel = new MessageChannel();
    this.port = channel.port1;
    serve(channel.port2 as unknown as PortLike, handlers);
  }
  set onmessage(f: ((e: MessageEvent) => void) | null) {
    this.port.onmessage = f;
  }
  postMessage(m: unknown, transfer?: Transferable[]) {
    if (!this.terminated) this.port.postMessage(m, transfer ?? []);
  }
  terminate() {
    this.terminated = true;
    this.port.close();
  }
}

const handlers = {
  quick: (n: number) => n * 2,
  forever: () => new Promise(() => {}),
  slow: (ms: number) => new Promise((r) => setTimeout(() => r('done'), ms)),
};

/** A supervised worker over in-thread workers, and the workers it has made so far. */
function supervised(task: string) {
  const made: FakeWorker[] = [];
  const w = new SupervisedWorker<typeof handlers>(() => {
    const f = new FakeWorker(handlers);
    made.push(f);
    return f as unknown as Worker;
  }, task);
  return { w, made };
}

describe('a supervised worker', () => {
  it('stops a call past its budget, reports it, and answers the next call on a fresh worker', async () => {
    const { w, made } = supervised('roster.xlsx');
    expect(await w.call('quick', 21, { budgetMs: 1000 })).toBe(42);
    const stuck = await w.call('forever', undefined, { budgetMs: 30 }).catch((e: unknown) => e);
    expect(troubleOf(stuck)).toEqual({ code: 'worker.timeout', params: { task: 'roster.xlsx', seconds: 0 } });
    expect(made[0].terminated).toBe(true);
    expect(await w.call('quick', 2)).toBe(4);
    expect(made).toHaveLength(2);
    w.terminate();
  });

  it('fails every waiting call when the worker dies', async () => {
    const { w, made } = supervised('facts');
    const a = w.call('forever', undefined).catch((e: unknown) => e);
    const b = w.call('forever', undefined).catch((e: unknown) => e);
    made[0].onerror!({ preventDefault() {}, message: 'Out of memory' });
    for (const e of await Promise.all([a, b])) expect(troubleOf(e)?.code).toBe('worker.crashed');
    expect(failureText(troubleOf(await a)!)).toContain('意外中止');
    expect(await w.call('quick', 5)).toBe(10);
    w.terminate();
  });

  describe('memory, where the platform reports it', () => {
    afterEach(() => watchMemory(null));

    it('stops a parse when the window\'s process goes over its budget, and the next call runs on a fresh worker', async () => {
      let usedMb = 800;
      watchMemory(async () => ({ usedMb, budgetMb: 2048 }), 5);
      const { w, made } = supervised('炸弹.xlsx');
      const parse = w.call('forever', undefined, { budgetMs: 60_000, watchMemory: true }).catch((e: unknown) => e);
      await new Promise((r) => setTimeout(r, 30));
      expect(made[0].terminated).toBe(false);
      usedMb = 2300;
      expect(troubleOf(await parse)).toEqual({ code: 'worker.memory', params: { task: '炸弹.xlsx', limitMb: 2048, usedMb: 2300 } });
      expect(made[0].terminated).toBe(true);
      expect(failureText(troubleOf(await parse)!)).toBe('后台任务（炸弹.xlsx）所需内存超过上限 2048 MB，已停止；其他功能不受影响');
      expect(ioMessage('parseMemory', { file: '炸弹.xlsx', limitMb: 2048 }, 'zh')).toContain('读取 炸弹.xlsx 所需内存超过上限 2048 MB');
      usedMb = 800;
      expect(await w.call('quick', 4, { budgetMs: 1000, watchMemory: true })).toBe(8);
      w.terminate();
    });

    it('leaves calls that did not ask for it alone, and does nothing where memory cannot be known', async () => {
      watchMemory(async () => ({ usedMb: 9000, budgetMb: 2048 }), 5);
      const { w, made } = supervised('facts');
      const slow = w.call('slow', 40, { budgetMs: 60_000 });
      expect(await slow).toBe('done');
      watchMemory(async () => null, 5);
      expect(await w.call('slow', 40, { budgetMs: 60_000, watchMemory: true })).toBe('done');
      expect(made).toHaveLength(1);
      w.terminate();
    });
  });

  it('gives a file a minute plus ten seconds per megabyte, and says so by file', () => {
    expect(importBudgetMs(0)).toBe(60_000);
    expect(importBudgetMs(24 * 1024 * 1024)).toBe(300_000);
    expect(ioMessage('parseTimeout', { file: 'big.xlsx', seconds: 300 }, 'zh')).toBe('读取 big.xlsx 用时超过 300 秒，已停止，文件没有导入。文件可能过大或已损坏；可拆分后再导入');
  });
});
