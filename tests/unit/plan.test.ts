import { describe, expect, it } from 'vitest';
import { ColumnSetBuilder } from '../../shared/domain/facts/columns.ts';
import { planImport, supportsReplacePeriod, withInvalidRows } from '../../shared/domain/facts/plan.ts';
import { analyseWorkbookBytes, invalidRows } from '../../shared/io/analyse.ts';

function perf(rows: [string, string, number][]) {
  const b = new ColumnSetBuilder('performance');
  for (const [employeeId, period, score] of rows) b.push({ employeeId, period, score });
  return b.build();
}

const current = perf([['001', '2024Q1', 80], ['002', '2024Q1', 70], ['003', '2024Q1', 60], ['001', '2023Q4', 75]]);
const incoming = perf([['001', '2024Q1', 85], ['002', '2024Q1', 70], ['004', '2024Q1', 90]]);

describe('import plans', () => {
  it('insert only adds new keys and refuses existing ones', () => {
    const p = planImport(current, incoming, 'insert');
    expect(p.counts).toMatchObject({ rows: 3, added: 1, refused: 2, updated: 0, unchanged: 0 });
    expect(p.set.length).toBe(1);
    expect(p.tombstones).toEqual([]);
  });

  it('upsert updates changed rows and lists the changes', () => {
    const p = planImport(current, incoming, 'upsert');
    expect(p.counts).toMatchObject({ added: 1, updated: 1, unchanged: 1, refused: 0 });
    expect(p.set.length).toBe(3);
    expect(p.changes).toEqual([{ key: '001\u001f2024Q1', field: 'score', before: 80, after: 85 }]);
    expect(p.changesByField).toEqual({ score: 1 });
  });

  it("replacing a period also removes that period's keys missing from the file, and only that period's", () => {
    const p = planImport(current, incoming, 'replacePeriod');
    expect(p.periods).toEqual(['2024Q1']);
    expect(p.tombstones).toEqual(['003\u001f2024Q1']);
    expect(p.counts.removed).toBe(1);
  });

  it('knows which datasets have periods to replace', () => {
    expect(supportsReplacePeriod('performance')).toBe(true);
    expect(supportsReplacePeriod('roster')).toBe(false);
  });

  it('counts the rows of the file that had errors as refused', () => {
    const csv = new TextEncoder().encode('工号,考核周期,绩效得分\r\n001,2024Q1,85\r\n002,2024Q1,不及格\r\n003,2024Q9,70\r\n004,2024Q1,90\r\n');
    const a = analyseWorkbookBytes(csv, 'perf.csv');
    if (!a.ok) throw new Error(a.code);
    expect(invalidRows(a)).toEqual([3, 4]);
    const p = withInvalidRows(planImport(current, a.set, 'upsert'), invalidRows(a).length);
    expect(p.counts).toMatchObject({ rows: 4, added: 1, updated: 1, refused: 2, invalid: 2 });
  });
});
