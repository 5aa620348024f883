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

  it('resolves field by field: each field comes from the latest batch that carries it', () => {
    // Roster batches carrying random subsets of the fields, some removing keys, in any arrival order.
    const FIELDS = ['name', 'department', 'hireDate', 'status', 'region'] as const;
    const ids = ['001', '002', '003'];
    const value = fc.option(fc.constantFrom('a', 'b', 'c'), { nil: null });
    const rowArb = fc.record({ employeeId: fc.constantFrom(...ids), name: value, department: value, hireDate: value, status: value, region: value });
    const batchArb = fc.record({
      rows: fc.uniqueArray(rowArb, { selector: (r) => r.employeeId }),
      fields: fc.subarray([...FIELDS]),
      tomb: fc.subarray(ids),
    });
    fc.assert(
      fc.property(fc.array(batchArb, { maxLength: 6 }), fc.boolean(), (spec, reverse) => {
        const batches = spec.map((s, i): BatchBlocks => {
          const b = new ColumnSetBuilder('roster');
          for (const r of s.rows) b.push(r);
          const full = s.fields.length === FIELDS.length;
          return { batch: `b${i}`, order: String(i).padStart(4, '0'), tombstones: s.tomb, fields: full ? undefined : ['employeeId', ...s.fields], blocks: [{ index: 0, set: b.build() }] };
        });
        const naive = new Map<string, Record<string, string | null>>();
        for (const s of spec) {
          const full = s.fields.length === FIELDS.length;
          for (const t of s.tomb) naive.delete(t);
          for (const r of s.rows) {
            const prev = naive.get(r.employeeId);
            const next: Record<string, string | null> = { employeeId: r.employeeId };
            for (const f of FIELDS) next[f] = full || s.fields.includes(f) ? r[f] : (prev?.[f] ?? null);
            naive.set(r.employeeId, next);
          }
        }
        const set = resolveDataset('roster', reverse ? [...batches].reverse() : batches);
        const got = [...Array(set.length).keys()].map((i) => {
          const r = rowAt(set, i);
          return Object.fromEntries(['employeeId', ...FIELDS].map((f) => [f, r[f]]));
        });
        const byId = (a: Record<string, unknown>, b: Record<string, unknown>) => String(a.employeeId).localeCompare(String(b.employeeId));
        expect(got.sort(byId)).toEqual([...naive.values()].sort(byId));
      }),
    );
  });
});
