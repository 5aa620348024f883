// Child process of the bench: reads a learning-records CSV through the import pipeline and
// prints rows, seconds and peak memory as JSON. Run in its own process so that peak RSS is
// this import's alone.
import { readFileSync } from 'node:fs';
import { analyseWorkbookBytes } from '../../shared/io/analyse.ts';

const file = process.argv[2];
const t0 = performance.now();
const bytes = new Uint8Array(readFileSync(file));
const result = analyseWorkbookBytes(bytes, 'learning.csv', { dataset: 'learningRecords' });
const seconds = (performance.now() - t0) / 1000;
if (!result.ok) throw new Error(result.code);
console.log(JSON.stringify({ rows: result.rows, valid: result.valid, encoding: result.encoding, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, bytes: bytes.length }));
