#!/usr/bin/env node
// Entry of the `xinhuo` command: runs the TypeScript sources through tsx so the checkout
// works right after `npm ci`, with no build step.
import { register } from 'tsx/esm/api';

register();
// `xinhuo check big.xlsx | head` closes the pipe early; that is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
const { main } = await import('../main.ts');
process.exitCode = await main(process.argv.slice(2));
