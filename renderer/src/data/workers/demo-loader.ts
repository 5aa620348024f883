// Runs the demo worker with progress and cancellation. Generation is one long synchronous
// pass, so cancelling also terminates the worker; since the store step is one transaction, a
// cancelled load leaves nothing behind.

import type { DemoApi, DemoRequest } from './demo.worker.ts';
import { RpcClient, type PortLike } from './rpc.ts';

export interface DemoProgress {
  stage: 'generate' | 'store';
  fraction: number;
}

export async function loadDemoPlant(request: DemoRequest, onProgress: (p: DemoProgress) => void, signal?: AbortSignal): Promise<number> {
  const worker = new Worker(new URL('./demo.worker.ts', import.meta.url), { type: 'module' });
  const client = new RpcClient<DemoApi>(worker as unknown as PortLike);
  const stop = () => worker.terminate();
  signal?.addEventListener('abort', stop, { once: true });
  try {
    return await client.call('loadDemo', request, { signal, onProgress: (f) => onProgress(f < 0.9 ? { stage: 'generate', fraction: f / 0.9 } : { stage: 'store', fraction: (f - 0.9) / 0.1 }) });
  } finally {
    signal?.removeEventListener('abort', stop);
    worker.terminate();
  }
}
