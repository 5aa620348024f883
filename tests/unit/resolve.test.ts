import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ColumnSetBuilder, rowAt, type ColumnSet } from '../../shared/domain/facts/columns.ts';
import { keyOf, resolveDataset, type BatchBlocks } from '../../shared/domain/facts/resolve.ts';

function perf(rows: [string, string, number][]): ColumnSet {
  const b = new ColumnSetBuilder('performance');
  for (const [employeeId, period, score] of rows) b.push({ employeeId, period, score });
  return b.build();
}
const batch = (id: string, order: string, set: ColumnSet, tombstones: string[] = []): BatchBlocks => ({ batch: id, order, tombstones, blocks: [{ index: 0, set }] });
const rows = (set: ColumnSet) => [...Array(set.length).keys()].map((i) => rowAt(set, i)).map((r) => `${r.employeeId}|${r.period}|${r.score}`);

describe('resolveDataset', () => {
  it('concatenates the blocks of a single batch in block order', () => {
    const a = perf([['001', '2024Q1', 80]]);
    const b = perf([['002', '2024Q1', 70]]);
    const set = resolveDataset('performance', [{ batch: 'x', order: '1', tombstones: [], blocks: [{ index: 1, set: b }, { index: 0, set: a }] }]);
    expect(rows(set)).toEqual(['001|2024Q1|80', '002|2024Q1|70']);
  });

  it('lets the latest batch win per key, whatever order the batches arrive in', () => {
    const old = batch('a', '0001', perf([['001', '2024Q1', 80], ['002', '2024Q1', 70]]));
    const fresh = batch('b', '0002', perf([['001', '2024Q1', 85]]));
    for (const input of [[old, fresh], [fresh, old]]) {
      expect(rows(resolveDataset('performance', input)).sort()).toEqual(['001|2024Q1|85', '002|2024Q1|70']);
    }
  });

  it('removes tombstoned keys, and a later batch may bring them back', () => {
    const set = perf([['001', '2024Q1', 80], ['002', '2024Q1', 70]]);
    const key = keyOf(set, 1, ['employeeId', 'period']);
    const removal = batch('b', '0002', perf([]), [key]);
    expect(rows(resolveDataset('performance', [batch('a', '0001', set), removal]))).toEqual(['001|2024Q1|80']);
    const back = batch('c', '0003', perf([['002', '2024Q1', 71]]));
    expect(rows(resolveDataset('performance', [batch('a', '0001', set), removal, back])).sort()).toEqual(['001|2024Q1|80', '002|2024Q1|71']);
  });

  it('returns empty columns of the right kinds for a dataset with no batches', () => {
    const set = resolveDataset('performance', []);
    expect(set.length).toBe(0);
    expect(set.columns.score).toBeInstanceOf(Float64Array);
    expect(Array.isArray(set.columns.employeeId)).toBe(true);
  });

  it('agrees with a naive map over all rows for any sequence of batches', () => {
    const row = fc.tuple(fc.constantFrom('001', '002', '003', '004'), fc.constantFrom('2024Q1', '2024Q2'), fc.integer({ min: 50, max: 100 }));
    const batchArb = fc.record({ rows: fc.uniqueArray(row, { selector: (r) => `${r[0]}|${r[1]}` }), tomb: fc.subarray(['001\u001f2024Q1', '002\u001f2024Q2', '003\u001f2024Q1']) });
    fc.assert(
      fc.property(fc.array(batchArb, { maxLength: 6 }), (spec) => {
        const batches = spec.map((s, i) => batch(`b${i}`, String(i).padStart(4, '0'), perf(s.rows), s.tomb));
        const naive = new Map<string, string>();
        for (const s of spec) {
          for (const t of s.tomb) naive.delete(t);
          for (const [e, p, v] of s.rows) naive.set(`${e}\u001f${p}`, `${e}|${p}|${v}`);
        }
        expect(rows(resolveDataset('performance', batches)).sort()).toEqual([...naive.values()].sort());
      }),
    );
  });
});
