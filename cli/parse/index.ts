// Reads a spreadsheet with the app's import code in a worker thread under a heap limit: a file
// that needs more is stopped with parseMemory, naming the file and the limit, and the command
// exits as for any unreadable file. A browser gives its import worker no such limit; Node does
// (resourceLimits), so the command line has the hard cap. The limit covers the JavaScript heap,
// where SheetJS keeps cells; inflated bytes are bounded before parsing by shared/io/limits.ts.

import { Worker } from 'node:worker_threads';
import type { Analysis, AnalyseOptions, AnalysisFailure } from '../../shared/io/analyse.ts';

/** The default heap limit of a parse: a workbook at the import limits reads well within it. */
export const DEFAULT_PARSE_MEMORY_MB = 4096;

export type CliAnalysis = Omit<Analysis, 'grid' | 'preview'> | AnalysisFailure;

export function analyseInWorker(bytes: Uint8Array, file: string, options: AnalyseOptions, limitMb: number = DEFAULT_PARSE_MEMORY_MB): Promise<CliAnalysis> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./worker.mjs', import.meta.url), {
      workerData: { bytes, file, options },
      resourceLimits: { maxOldGenerationSizeMb: limitMb },
    });
    let settled = false;
    const settle = (r: CliAnalysis) => {
      if (settled) return;
      settled = true;
      resolve(r);
    };
    worker.once('message', (r: CliAnalysis) => {
      settle(r);
      void worker.terminate();
    });
    worker.once('error', (e: Error & { code?: string }) => {
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') settle({ ok: false, file, code: 'parseMemory', params: { file, limitMb } });
      else settle({ ok: false, file, code: 'parseCrashed', params: { file }, detail: e.message });
    });
    worker.once('exit', (code) => settle({ ok: false, file, code: 'parseCrashed', params: { file }, detail: `exit ${code}` }));
  });
}
