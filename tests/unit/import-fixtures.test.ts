// Every messy file of the corpus gets the outcome it should: the right dataset, header row,
// counts, issues at the right cells and canonical values, or a clear file-level message.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rowAt } from '../../shared/domain/facts/columns.ts';
import { analyseWorkbookBytes, failureMessage } from '../../shared/io/analyse.ts';
import { issueMessage } from '../../shared/io/messages.ts';
import { generateFixtures, OUT } from '../fixtures/import/generate.ts';

const fixtures = generateFixtures();

describe('import fixture corpus', () => {
  it.each(fixtures.map((f) => [f.file, f] as const))('%s', (file, exp) => {
    const result = analyseWorkbookBytes(new Uint8Array(readFileSync(join(OUT, file))), file);
    if (exp.failure) {
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.code).toBe(exp.failure);
      expect(failureMessage(result)).toContain(file);
      expect(failureMessage(result, 'en')).toContain(file);
      return;
    }
    if (!result.ok) throw new Error(`${file}: ${failureMessage(result)}`);
    for (const key of ['dataset', 'format', 'encoding', 'sheet', 'headerRow', 'rows', 'valid', 'hiddenRows'] as const) {
      if (exp[key] !== undefined) expect(result[key], key).toBe(exp[key]);
    }
    if (exp.headers) expect(result.headers).toEqual(exp.headers);
    for (const want of exp.issues ?? []) {
      const found = result.issues.find((i) => i.code === want.code && i.row === want.row && (want.column === undefined || i.column === want.column));
      expect(found, `${want.code} at ${want.row}${want.column ?? ''} in ${JSON.stringify(result.issues.map((i) => `${i.code}@${i.row}${i.column}`))}`).toBeDefined();
      if (want.severity) expect(found!.severity).toBe(want.severity);
      if (found!.row > 0) expect(issueMessage(found!)).toContain(`第${want.row}行`);
    }
    for (const [row, values] of Object.entries(exp.records ?? {})) {
      const i = result.rowNumbers.indexOf(Number(row));
      expect(i, `record for row ${row}`).toBeGreaterThanOrEqual(0);
      expect(rowAt(result.set, i)).toMatchObject(values);
    }
  });
});
