// Entry of the parse thread: the sources are TypeScript, loaded through tsx as the command
// itself loads them (cli/bin/xinhuo.mjs); worker.ts does the work.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
