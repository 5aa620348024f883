// On desktop a parse of an imported file is watched for memory as well as time: the main
// process reports the window's process (whose workers run inside it) and a parse that takes it
// over its budget is stopped with a message, before the window itself would run out. The
// registry loads this feature at start; a browser tells a page nothing of its memory.

import { watchMemory } from '../../data/index.ts';
import { getPlatform } from '../../platform/index.ts';

export function watchParsesForMemory(): void {
  const platform = getPlatform();
  watchMemory(platform.kind === 'desktop' ? () => platform.processMemory() : null);
}

if (typeof window !== 'undefined') watchParsesForMemory();
