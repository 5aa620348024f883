// The UI thread's one handle on the facts worker, started on first use and shared by every
// screen.

import type { FactsApi } from './facts.worker.ts';
import { RpcClient, type PortLike } from './rpc.ts';

let client: RpcClient<FactsApi> | null = null;

export function factsClient(): RpcClient<FactsApi> {
  client ??= new RpcClient<FactsApi>(new Worker(new URL('./facts.worker.ts', import.meta.url), { type: 'module' }) as unknown as PortLike);
  return client;
}
