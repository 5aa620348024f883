import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GroupRanking, select } from '../../shared/domain/screening/ranking.ts';
import { RankedList } from '../../shared/domain/screening/ranked-list.ts';

describe('select', () => {
  it('returns the value a sort would put at index k, with ties and any order', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.double({ noNaN: true })), { minLength: 1, maxLength: 300 }), fc.nat(), (xs, k0) => {
        const k = k0 % xs.length;
        const a = Float64Array.from(xs);
        const expected = Float64Array.from(xs).sort()[k];
        expect(select(a, 0, a.length, k) + 0).toBe(expected + 0); // 0 and -0 are equal: either may come back
      }),
      { numRuns: 500 },
    );
  });

  it('works on a sub-range and leaves the rest alone', () => {
    const a = Float64Array.from([9, 9, 5, 1, 4, 3, 2, 9]);
    expect(select(a, 2, 7, 2 + 4)).toBe(5);
    expect([a[0], a[1], a[7]]).toEqual([9, 9, 9]);
  });
});

describe('GroupRanking', () => {
  it('gives the same ranks by counting and, after many queries, by binary search in a sorted copy', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.nat({ max: 2 }), fc.boolean()), { minLength: 1, maxLength: 120 }), fc.constantFrom(10, 15, 50, 100), (rows, p) => {
        const value = Float64Array.from(rows, ([v]) => (v === 20 ? NaN : v));
        const group = Int32Array.from(rows, ([, g]) => g);
        const active = Uint8Array.from(rows, ([, , a]) => (a ? 1 : 0));
        const r = new GroupRanking(value, active, group, 3);
        const cut = r.cutoffs(p);
        // Three rounds: the first ranks by counting, later ones after the groups were sorted.
        for (let round = 0; round < 3; round++) {
          for (let e = 0; e < rows.length; e++) {
            const info = r.rankOf(e, cut);
            if (!active[e] || Number.isNaN(value[e])) {
              expect(info).toBeNull();
              continue;
            }
            const peers = rows.map((_, q) => q).filter((q) => active[q] && !Number.isNaN(value[q]) && group[q] === group[e]);
            expect(info).toEqual({ rank: 1 + peers.filter((q) => value[q] > value[e]).length, cutoff: Math.ceil((p * peers.length) / 100 - 1e-9), groupSize: peers.length });
            expect(value[e] >= cut.value[group[e]]).toBe(info!.rank <= info!.cutoff);
          }
          for (let q = 0; q < 40; q++) r.rankOf(0, cut);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('RankedList', () => {
  it('serves any page in the order of a full sort: value high to low, no data last, then 工号', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }), { maxLength: 700 }), fc.nat({ max: 800 }), fc.nat({ max: 300 }), (vs, from, size) => {
        const value = Float64Array.from(vs, (v) => (v === null ? NaN : v / 2));
        const ids = vs.map((_, i) => `E${String((i * 7919) % 1000).padStart(4, '0')}`);
        const employees = Int32Array.from(vs.map((_, i) => i).filter((i) => i % 3 !== 1));
        const reference = Array.from(employees).sort((a, b) => {
          const [x, y] = [value[a], value[b]];
          if (Number.isNaN(x) !== Number.isNaN(y)) return Number.isNaN(x) ? 1 : -1;
          return x !== y && !Number.isNaN(x) ? y - x : ids[a] < ids[b] ? -1 : 1;
        });
        expect(new RankedList(employees, value, ids).slice(from, from + size)).toEqual(reference.slice(from, from + size));
        const list = new RankedList(employees, value, ids);
        expect(list.slice(0, 10)).toEqual(reference.slice(0, 10));
        expect(list.all()).toEqual(reference);
      }),
      { numRuns: 300 },
    );
  });
});
