// The `xinhuo` command: headless work over the same pure core as the app. It keeps no
// hidden state: every input is a file or an option.

import { CliError, message, type Lang } from './messages.ts';
import { runDemo } from './commands/demo.ts';
import { runCheck } from './commands/check.ts';
import { runScreen } from './commands/screen.ts';
import { runBundle } from './commands/bundle.ts';
import { runReview } from './commands/review.ts';
import { processIo, type Io } from './io.ts';
import { nodeInflate } from './node-inflate.ts';
import { setInflater } from '../shared/bundle/format.ts';

export type { Io } from './io.ts';

function pickLang(argv: string[]): Lang {
  const i = argv.indexOf('--lang');
  const value = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7);
  return value === 'en' ? 'en' : 'zh';
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const lang = pickLang(argv);
  setInflater(nodeInflate);
  const [command, ...rest] = argv.filter((a, i) => !(a === '--lang' || argv[i - 1] === '--lang' || a.startsWith('--lang=')));
  try {
    if (!command || command === 'help' || command === '--help' || command === '-h') {
      io.out(message(lang, 'usage'));
      return 0;
    }
    if (rest.includes('--help')) {
      io.out(message(lang, 'usage'));
      return 0;
    }
    switch (command) {
      case 'demo':
        return await runDemo(rest, lang, io);
      case 'check':
        return await runCheck(rest, lang, io);
      case 'screen':
        return await runScreen(rest, lang, io);
      case 'bundle':
        return await runBundle(rest, lang, io);
      case 'review':
        return await runReview(rest, lang, io);
      default:
        throw new CliError('unknownCommand', [command]);
    }
  } catch (e) {
    if (e instanceof CliError) {
      io.err(message(lang, e.id, ...e.args));
      return e.exitCode;
    }
    throw e;
  }
}
