// A percentile criterion's population: the values of active employees with data, grouped by
// scope (company, plant, department or position). Passing needs only each group's cut-off value,
// found by selection in linear time; ranks are worked out for the rows someone looks at. No
// full sort happens on a window or scope change, which keeps re-aggregation within budget.

export interface RankInfo {
  /** 1 + the number of strictly higher values in the group. */
  rank: number;
  /** Ranks up to this pass: ceil(P · groupSize / 100). */
  cutoff: number;
  groupSize: number;
}

export interface Cutoffs {
  /** Per group: how many ranks pass, and the value at that rank (NaN when nobody passes). */
  count: Int32Array;
  value: Float64Array;
}

/** Rank queries on a group before it is sorted once for binary searches. */
const COUNTING_QUERIES = 32;

export class GroupRanking {
  readonly value: Float64Array;
  readonly active: Uint8Array;
  readonly group: Int32Array;
  /** Group g's values are pool[offset[g]] .. pool[offset[g+1]-1], in no particular order. */
  private readonly pool: Float64Array;
  readonly offset: Int32Array;
  private readonly queries: Int32Array;
  private readonly sorted: (Float64Array | null)[];
  private readonly cutoffCache = new Map<number, Cutoffs>();

  constructor(value: Float64Array, active: Uint8Array, group: Int32Array, groups: number) {
    this.value = value;
    this.active = active;
    this.group = group;
    const n = value.length;
    const offset = new Int32Array(groups + 1);
    for (let e = 0; e < n; e++) if (active[e] && value[e] === value[e]) offset[group[e] + 1]++;
    for (let g = 0; g < groups; g++) offset[g + 1] += offset[g];
    const pool = new Float64Array(offset[groups]);
    const fill = offset.slice(0, groups);
    for (let e = 0; e < n; e++) if (active[e] && value[e] === value[e]) pool[fill[group[e]]++] = value[e];
    this.pool = pool;
    this.offset = offset;
    this.queries = new Int32Array(groups);
    this.sorted = new Array<Float64Array | null>(groups).fill(null);
  }

  get groups(): number {
    return this.offset.length - 1;
  }

  ranked(e: number): boolean {
    return this.active[e] === 1 && this.value[e] === this.value[e];
  }

  /** Each group's cut-off for the top P%: rank ≤ c ⟺ fewer than c values are strictly higher ⟺
   *  value ≥ the c-th highest value, so everyone tied with the cut-off value passes. */
  cutoffs(topPercent: number): Cutoffs {
    let out = this.cutoffCache.get(topPercent);
    if (out) return out;
    const groups = this.groups;
    out = { count: new Int32Array(groups), value: new Float64Array(groups).fill(NaN) };
    for (let g = 0; g < groups; g++) {
      const from = this.offset[g];
      const size = this.offset[g + 1] - from;
      const count = Math.min(size, Math.ceil((topPercent * size) / 100 - 1e-9));
      out.count[g] = count;
      if (count <= 0) continue;
      const sorted = this.sorted[g];
      // The c-th highest is the (size − c)-th smallest.
      out.value[g] = sorted ? sorted[size - count] : select(this.pool, from, from + size, from + size - count);
    }
    if (this.cutoffCache.size > 16) this.cutoffCache.delete(this.cutoffCache.keys().next().value!);
    this.cutoffCache.set(topPercent, out);
    return out;
  }

  rankOf(e: number, cutoffs: Cutoffs): RankInfo | null {
    if (!this.ranked(e)) return null;
    const v = this.value[e];
    const g = this.group[e];
    const from = this.offset[g];
    const to = this.offset[g + 1];
    let higher = 0;
    let sorted = this.sorted[g];
    if (!sorted && ++this.queries[g] > COUNTING_QUERIES) {
      sorted = this.pool.slice(from, to).sort();
      this.sorted[g] = sorted;
    }
    if (sorted) {
      // The first index holding a value strictly higher than v.
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid] > v) hi = mid;
        else lo = mid + 1;
      }
      higher = sorted.length - lo;
    } else {
      for (let k = from; k < to; k++) if (this.pool[k] > v) higher++;
    }
    return { rank: higher + 1, cutoff: cutoffs.count[g], groupSize: to - from };
  }
}

/**
 * The value that would sit at index k if a[from..to) were sorted ascending. Reorders that range.
 * Quickselect with a three-way partition, so that many equal scores cost nothing extra.
 */
export function select(a: Float64Array, from: number, to: number, k: number): number {
  let lo = from;
  let hi = to - 1;
  while (lo < hi) {
    // Median of three as the pivot.
    const mid = (lo + hi) >>> 1;
    const x = a[lo];
    const y = a[mid];
    const z = a[hi];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    // a[lo..lt) < pivot, a[lt..i) = pivot, a(gt..hi] > pivot.
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i <= gt) {
      const v = a[i];
      if (v < pivot) {
        a[i++] = a[lt];
        a[lt++] = v;
      } else if (v > pivot) {
        a[i] = a[gt];
        a[gt--] = v;
      } else i++;
    }
    if (k < lt) hi = lt - 1;
    else if (k > gt) lo = gt + 1;
    else return pivot;
  }
  return a[k];
}
