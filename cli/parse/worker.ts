// The worker thread that reads a spreadsheet for `xinhuo check` and `xinhuo screen`: it runs
// under a heap limit (cli/parse/index.ts), so a file that would need more memory stops here
// with a message instead of taking the command down.

import { parentPort, workerData } from 'node:worker_threads';
import { analyseWorkbookBytes, type AnalyseOptions } from '../../shared/io/analyse.ts';

const { bytes, file, options } = workerData as { bytes: Uint8Array; file: string; options: AnalyseOptions };
const result = analyseWorkbookBytes(bytes, file, options);
// The sheet's cells and the preview are the wizard's; the command needs neither.
if (result.ok) parentPort!.postMessage({ ...result, grid: undefined, preview: [] });
else parentPort!.postMessage(result);
