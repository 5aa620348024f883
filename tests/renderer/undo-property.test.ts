// Undo is exact: importing batches and undoing the last k leaves the model as if they had
// never been imported, whatever the batches and modes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ColumnSetBuilder, rowAt, type ColumnSet } from '../../shared/domain/facts/columns.ts';
import { planImport, type ImportMode } from '../../shared/domain/facts/plan.ts';
import { commitImport, currentDataset, undoImport } from '../../renderer/src/data/facts/import-store.ts';
import { installedDb } from './helpers.ts';

type Row = [string, string, number, number];

/** A performance file; without `withGrade` it has no 绩效等级 column at all. */
function perf(rows: Row[], withGrade = true): ColumnSet {
  const b = new ColumnSetBuilder('performance');
  for (const [employeeId, period, score, grade] of rows) b.push({ employeeId, period, score, grade: withGrade ? 'ABCD'[grade] : null });
  const set = b.build();
  return withGrade ? set : { ...set, fields: ['employeeId', 'period', 'score'] };
}

function digest(set: ColumnSet): string {
  return JSON.stringify([...Array(set.length).keys()].map((i) => rowAt(set, i)).sort((a, b) => `${a.employeeId}${a.period}`.localeCompare(`${b.employeeId}${b.period}`)));
}

const rowArb = fc.tuple(fc.constantFrom('000001', '000002', '000003', '000004', '000005'), fc.constantFrom('2024Q1', '2024Q2', '2024Q3'), fc.integer({ min: 40, max: 100 }), fc.integer({ min: 0, max: 3 }));
const batchArb = fc.record({
  rows: fc.uniqueArray(rowArb, { selector: (r) => `${r[0]}|${r[1]}`, maxLength: 8 }),
  withGrade: fc.boolean(),
  mode: fc.constantFrom<ImportMode>('insert', 'upsert', 'replacePeriod'),
});

describe('undo', () => {
  it('returns the model exactly to its state before the undone imports, with files that lack columns too', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(batchArb, { minLength: 1, maxLength: 5 }), fc.nat(), async (batches, kSeed) => {
        const k = 1 + (kSeed % batches.length);
        const { db, actor } = await installedDb();
        const digests: string[] = [digest(await currentDataset(db, 'performance'))];
        const ids: string[] = [];
        for (const [n, b] of batches.entries()) {
          const plan = planImport(await currentDataset(db, 'performance'), perf(b.rows, b.withGrade), b.mode);
          const record = await commitImport(db, actor, { plan, fileName: `b${n}.xlsx`, sha256: `sha${n}`, mapping: {}, signature: 'sig' });
          ids.push(record.id);
          digests.push(digest(await currentDataset(db, 'performance')));
        }
        for (const id of ids.slice(ids.length - k).reverse()) await undoImport(db, actor, id);
        expect(digest(await currentDataset(db, 'performance'))).toBe(digests[batches.length - k]);
        db.close();
      }),
      { numRuns: 30 },
    );
  });
});
