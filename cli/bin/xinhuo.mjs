#!/usr/bin/env node
// Entry of the `xinhuo` command: runs the TypeScript sources through tsx so the checkout
// works right after `npm ci`, with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../main.ts');
process.exitCode = await main(process.argv.slice(2));
