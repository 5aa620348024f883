// `xinhuo check <file>`: reads a spreadsheet with the app's import code and reports what an
// import would do. Exit 0 = readable, no row errors; 1 = readable with row errors; 2 = unreadable
// (a file that needs more memory than --max-memory, 4096 MB by default, is unreadable).

import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { DATASET_NAMES, DATASETS, type DatasetName } from '../../shared/domain/facts/datasets.ts';
import { rowAt, splitList } from '../../shared/domain/facts/columns.ts';
import { failureMessage } from '../../shared/io/analyse.ts';
import { issueMessage } from '../../shared/io/messages.ts';
import { CliError, message, type Lang } from '../messages.ts';
import type { Io } from '../io.ts';
import { analyseInWorker, DEFAULT_PARSE_MEMORY_MB } from '../parse/index.ts';

export async function runCheck(argv: string[], lang: Lang, io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { dataset: { type: 'string' }, sheet: { type: 'string' }, json: { type: 'boolean', default: false }, records: { type: 'boolean', default: false }, 'max-memory': { type: 'string' } }, strict: true, allowPositionals: true });
  } catch (e) {
    throw new CliError('badOption', [(e as Error).message]);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new CliError('checkUsage');
  const dataset = values.dataset as DatasetName | undefined;
  if (dataset && !DATASET_NAMES.includes(dataset)) throw new CliError('badDataset', [dataset, DATASET_NAMES.join(', ')]);
  const limitMb = values['max-memory'] === undefined ? DEFAULT_PARSE_MEMORY_MB : Number(values['max-memory']);
  if (!Number.isInteger(limitMb) || limitMb < 16) throw new CliError('badOption', [`--max-memory ${values['max-memory']}`]);
  const path = positionals[0];
  const file = basename(path);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (e) {
    throw new CliError('cannotRead', [path, (e as NodeJS.ErrnoException).code ?? (e as Error).message]);
  }
  const result = await analyseInWorker(bytes, file, { dataset, sheet: values.sheet }, limitMb);
  if (!result.ok) {
    io.err(failureMessage(result, lang));
    if (result.detail) io.err(message(lang, 'detail', result.detail));
    return 2;
  }
  const errors = result.issues.filter((i) => i.severity === 'error').length;
  if (values.json) {
    const report: Record<string, unknown> = {
      file,
      format: result.format,
      ...(result.encoding ? { encoding: result.encoding } : {}),
      sheet: result.sheet,
      headerRow: result.headerRow,
      dataset: result.dataset,
      mapping: Object.fromEntries(Object.entries(result.mapping.fields).map(([k, v]) => [k, v.header])),
      rows: result.rows,
      valid: result.valid,
      issues: result.issues.map((i) => ({ severity: i.severity, row: i.row, column: i.column, header: i.header, field: i.field, code: i.code, message: issueMessage(i, lang) })),
    };
    if (values.records) {
      // List fields (certificates) print as JSON arrays, as a program reading the report expects.
      const lists = DATASETS[result.dataset].fields.filter((f) => f.type === 'list').map((f) => f.name);
      report.records = Array.from({ length: result.set.length }, (_, i) => {
        const row: Record<string, unknown> = { row: result.rowNumbers[i], ...rowAt(result.set, i) };
        for (const name of lists) if (name in row) row[name] = splitList(row[name] as string | null);
        return row;
      });
    }
    io.out(JSON.stringify(report));
  } else {
    const def = DATASETS[result.dataset];
    io.out(message(lang, 'checkSummary', file, result.format + (result.encoding ? ` ${result.encoding}` : ''), result.sheet, result.headerRow, lang === 'en' ? def.en : def.zh));
    for (const [field, source] of Object.entries(result.mapping.fields)) {
      const fd = def.fields.find((f) => f.name === field)!;
      io.out(message(lang, 'checkMapping', lang === 'en' ? fd.en : fd.zh, source.header, Math.round(source.confidence * 100)));
    }
    if (result.mapping.wide.length) io.out(message(lang, 'checkWide', result.mapping.wide.map((w) => w.dimension).join('、')));
    io.out(message(lang, 'checkCounts', result.rows, result.valid, errors, result.issues.length - errors));
    if (result.hiddenRows) io.out(message(lang, 'checkHidden', result.hiddenRows));
    const shown = result.issues.slice(0, 200);
    for (const i of shown) io.out(`  ${i.severity === 'error' ? (lang === 'en' ? 'error' : '错误') : lang === 'en' ? 'warning' : '提示'}  ${issueMessage(i, lang)}`);
    if (result.issues.length > shown.length) io.out(message(lang, 'checkMore', result.issues.length - shown.length));
  }
  return errors > 0 ? 1 : 0;
}
