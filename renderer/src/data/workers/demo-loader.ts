// Runs the demo worker with progress and cancellation. Cancelling terminates the worker;
// since the store step is one transaction, a cancelled load leaves nothing behind.

import type { DemoMessage, DemoRequest } from './demo.worker.ts';

export interface DemoProgress {
  stage: 'generate' | 'store';
  fraction: number;
}

export function loadDemoPlant(request: DemoRequest, onProgress: (p: DemoProgress) => void, signal?: AbortSignal): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./demo.worker.ts', import.meta.url), { type: 'module' });
    const finish = () => {
      worker.terminate();
      signal?.removeEventListener('abort', abort);
    };
    const abort = () => {
      finish();
      reject(new DOMException('cancelled', 'AbortError'));
    };
    if (signal?.aborted) return abort();
    signal?.addEventListener('abort', abort);
    worker.onmessage = (e: MessageEvent<DemoMessage>) => {
      const m = e.data;
      if (m.type === 'progress') onProgress({ stage: m.stage, fraction: m.fraction });
      else if (m.type === 'done') {
        finish();
        resolve(m.employees);
      } else {
        finish();
        reject(new Error(m.message));
      }
    };
    worker.onerror = (e) => {
      finish();
      reject(new Error(e.message));
    };
    worker.postMessage(request);
  });
}
