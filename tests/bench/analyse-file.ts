// Child process of the bench: reads one file through the import pipeline (the code the wizard
// and xinhuo check run) and prints the outcome, seconds and peak memory as JSON. Run in its
// own process so that peak RSS is this file's alone.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { analyseWorkbookBytes } from '../../shared/io/analyse.ts';
import type { DatasetName } from '../../shared/domain/facts/datasets.ts';

const [file, dataset] = process.argv.slice(2);
const t0 = performance.now();
const bytes = new Uint8Array(readFileSync(file));
const result = analyseWorkbookBytes(bytes, basename(file), dataset ? { dataset: dataset as DatasetName } : {});
const seconds = (performance.now() - t0) / 1000;
console.log(JSON.stringify({ ok: result.ok, code: result.ok ? null : result.code, rows: result.ok ? result.rows : 0, valid: result.ok ? result.valid : 0, issues: result.ok ? result.issues.length : 0, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, bytes: bytes.length }));
