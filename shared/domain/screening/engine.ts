// The screening engine (DESIGN.md §6). Aggregates per employee are computed once per
// (criterion source, window, as-of date) and cached; a threshold or P change only re-compares
// cached values, so a slider can move live over 100,000 employees.

import type { InactiveReason } from '../employee.ts';
import { addYears } from '../periods.ts';
import { dayNumber, NO_DAY, type Codes, type ScreeningData } from './data.ts';
import { compare, type Aggregate, type Criterion, type Profile, type Scope } from './profile.ts';

export interface CriterionOutcome {
  id: string;
  kind: Criterion['kind'];
  /** 1 when passed. */
  passed: Uint8Array;
  /** The employee's value (NaN = no data). */
  value: Float64Array;
  /** What the value is compared with, as shown to the officer. */
  threshold: number | string;
  /** Percentile criteria: rank within the group, the group's cut-off and size (0 = not ranked). */
  rank?: Int32Array;
  cutoff?: Int32Array;
  groupSize?: Int32Array;
  /** How many active employees in view pass. */
  passCount: number;
}

export interface Evaluation {
  asOf: string;
  profile: Profile;
  /** Active employees in view. */
  population: number;
  inView: Uint8Array;
  active: Uint8Array;
  inactiveReason: (InactiveReason | null)[];
  outcomes: CriterionOutcome[];
  candidates: number[];
  nearMisses: { e: number; failed: string[] }[];
  excluded: { e: number; reason: InactiveReason }[];
  /** Active employees in view passing criteria 1..k, for k = 1..criteria. */
  funnel: number[];
}

export interface View {
  department?: string | null;
  plant?: string | null;
}

const window = (asOf: string, years: number) => ({ lo: dayNumber(addYears(asOf, -years)), hi: dayNumber(asOf) });

/** Mean of the values in (lo, hi]; the hot loop of a re-aggregation, kept minimal. */
function meanIn(values: Float64Array, days: Int32Array, from: number, to: number, lo: number, hi: number, codes?: Int32Array, code?: number): number {
  let count = 0;
  let sum = 0;
  for (let k = from; k < to; k++) {
    const d = days[k];
    if (d <= lo || d > hi) continue;
    const v = values[k];
    if (v !== v || (codes !== undefined && codes[k] !== code)) continue;
    count++;
    sum += v;
  }
  return count === 0 ? NaN : sum / count;
}

function aggregate(values: Float64Array, days: Int32Array, from: number, to: number, lo: number, hi: number, agg: Aggregate, codes?: Int32Array, code?: number): number {
  if (agg === 'mean') return meanIn(values, days, from, to, lo, hi, codes, code);
  let count = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  let latestDay = NO_DAY;
  let latest = NaN;
  for (let k = from; k < to; k++) {
    const d = days[k];
    if (d <= lo || d > hi) continue;
    const v = values[k];
    if (v !== v || (codes !== undefined && codes[k] !== code)) continue;
    count++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
    if (d >= latestDay) {
      latestDay = d;
      latest = v;
    }
  }
  if (count === 0) return NaN;
  switch (agg) {
    case 'latest':
      return latest;
    case 'min':
      return min;
    case 'max':
      return max;
    default:
      return sum;
  }
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export class Screener {
  readonly data: ScreeningData;
  private cache = new Map<string, unknown>();

  constructor(data: ScreeningData) {
    this.data = data;
  }

  private cached<T>(key: string, make: () => T): T {
    if (!this.cache.has(key)) this.cache.set(key, make());
    return this.cache.get(key) as T;
  }

  activeAt(asOf: string): { active: Uint8Array; reason: (InactiveReason | null)[] } {
    return this.cached(`active|${asOf}`, () => {
      // The rule of employee.ts (inactiveReasonAt), on day numbers: no strings per employee.
      const d = this.data;
      const day = dayNumber(asOf);
      const active = new Uint8Array(d.n);
      const reason: (InactiveReason | null)[] = new Array(d.n).fill(null);
      for (let e = 0; e < d.n; e++) {
        const hire = d.hireDay[e];
        const leave = d.leaveDay[e];
        let r: InactiveReason | null = null;
        if (hire !== NO_DAY && hire > day) r = 'notYetHired';
        else if (leave !== NO_DAY) r = leave <= day ? 'left' : null;
        else if (d.status[e] === 'departed' || d.status[e] === 'retired') r = 'statusLeft';
        reason[e] = r;
        active[e] = r === null ? 1 : 0;
      }
      return { active, reason };
    });
  }

  /** Aggregated performance metric per employee over the window (NaN = no data). */
  performanceValues(metric: string, agg: Aggregate, years: number, asOf: string): Float64Array {
    return this.cached(`perf|${metric}|${agg}|${years}|${asOf}`, () => {
      const { perf, n } = this.data;
      const col = perf.metrics[metric];
      const out = new Float64Array(n).fill(NaN);
      if (!col) return out;
      const { lo, hi } = window(asOf, years);
      for (let e = 0; e < n; e++) out[e] = aggregate(col, perf.day, perf.start[e], perf.start[e + 1], lo, hi, agg);
      return out;
    });
  }

  ratingValues(dimension: string, agg: Aggregate, years: number, asOf: string): Float64Array {
    return this.cached(`rating|${dimension}|${agg}|${years}|${asOf}`, () => {
      const { ratings, n } = this.data;
      const code = ratings.dimensions.indexOf(dimension);
      const out = new Float64Array(n).fill(NaN);
      if (code < 0) return out;
      const { lo, hi } = window(asOf, years);
      for (let e = 0; e < n; e++) out[e] = aggregate(ratings.score, ratings.day, ratings.start[e], ratings.start[e + 1], lo, hi, agg, ratings.dimension, code);
      return out;
    });
  }

  activityCounts(types: readonly string[], years: number, asOf: string): Float64Array {
    return this.cached(`act|${[...types].sort().join(',')}|${years}|${asOf}`, () => {
      const { activities, n } = this.data;
      const wanted = new Uint8Array(activities.types.length);
      activities.types.forEach((t, c) => (wanted[c] = types.includes(t) ? 1 : 0));
      const { lo, hi } = window(asOf, years);
      const out = new Float64Array(n);
      for (let e = 0; e < n; e++) {
        let count = 0;
        for (let k = activities.start[e]; k < activities.start[e + 1]; k++) {
          const d = activities.day[k];
          if (d > lo && d <= hi && wanted[activities.type[k]]) count++;
        }
        out[e] = count;
      }
      return out;
    });
  }

  private scopeCodes(scope: Scope): Codes | null {
    return scope === 'company' ? null : this.data[scope];
  }

  /** Rank (1 + number strictly higher) and group size among active employees with a value. */
  ranks(metric: string, years: number, scope: Scope, asOf: string): { value: Float64Array; rank: Int32Array; groupSize: Int32Array } {
    return this.cached(`rank|${metric}|${years}|${scope}|${asOf}`, () => {
      const value = this.performanceValues(metric, 'mean', years, asOf);
      const { active } = this.activeAt(asOf);
      const n = this.data.n;
      const group = this.scopeCodes(scope);
      const groups = group ? group.labels.length : 1;
      const codes = group ? group.codes : new Int32Array(n);
      // Values of each group, sorted with the native numeric sort; then, walking each group from
      // the top, the rank of every distinct value (1 + how many are strictly higher).
      const size = new Int32Array(groups + 1);
      for (let e = 0; e < n; e++) if (active[e] && value[e] === value[e]) size[codes[e] + 1]++;
      const offset = new Int32Array(groups + 1);
      for (let g = 0; g < groups; g++) offset[g + 1] = offset[g] + size[g + 1];
      const sorted = new Float64Array(offset[groups]);
      const fill = offset.slice(0, groups);
      for (let e = 0; e < n; e++) if (active[e] && value[e] === value[e]) sorted[fill[codes[e]]++] = value[e];
      const rankOf: Map<number, number>[] = [];
      for (let g = 0; g < groups; g++) {
        const from = offset[g];
        const to = offset[g + 1];
        sorted.subarray(from, to).sort();
        const ranks = new Map<number, number>();
        for (let i = to - 1; i >= from; i--) if (i === to - 1 || sorted[i] !== sorted[i + 1]) ranks.set(sorted[i], to - i);
        rankOf.push(ranks);
      }
      const rank = new Int32Array(n);
      const groupSize = new Int32Array(n);
      for (let e = 0; e < n; e++) {
        if (!active[e] || value[e] !== value[e]) continue;
        const g = codes[e];
        // to - i counts the values from i up; the first of equal values (walking down) is the
        // highest index, so `to - i` there is 1 + the number strictly higher.
        rank[e] = rankOf[g].get(value[e])!;
        groupSize[e] = size[g + 1];
      }
      return { value, rank, groupSize };
    });
  }

  private outcome(c: Criterion, asOf: string): Omit<CriterionOutcome, 'passCount'> {
    const n = this.data.n;
    const passed = new Uint8Array(n);
    switch (c.kind) {
      case 'percentile': {
        const { value, rank, groupSize } = this.ranks(c.metric, c.years, c.scope, asOf);
        const cutoff = new Int32Array(n);
        for (let e = 0; e < n; e++) {
          if (rank[e] === 0) continue;
          cutoff[e] = Math.ceil((c.topPercent * groupSize[e]) / 100 - 1e-9);
          passed[e] = rank[e] <= cutoff[e] ? 1 : 0;
        }
        return { id: c.id, kind: c.kind, passed, value, threshold: c.topPercent, rank, cutoff, groupSize };
      }
      case 'threshold': {
        const value = c.source === 'performance' ? this.performanceValues(c.metric, c.aggregate, c.years, asOf) : this.ratingValues(c.metric, c.aggregate, c.years, asOf);
        const t = c.value;
        const test: (v: number) => boolean = c.op === '>=' ? (v) => v >= t : c.op === '>' ? (v) => v > t : c.op === '<=' ? (v) => v <= t : c.op === '<' ? (v) => v < t : (v) => compare(v, '=', t);
        // NaN fails every comparison: no data never passes.
        for (let e = 0; e < n; e++) passed[e] = test(value[e]) ? 1 : 0;
        return { id: c.id, kind: c.kind, passed, value, threshold: c.value };
      }
      case 'activityCount': {
        const value = this.activityCounts(c.types, c.years, asOf);
        for (let e = 0; e < n; e++) passed[e] = value[e] >= c.min ? 1 : 0;
        return { id: c.id, kind: c.kind, passed, value, threshold: c.min };
      }
      case 'certificate': {
        const value = new Float64Array(n);
        for (let e = 0; e < n; e++) {
          const has = c.anyOf.some((x) => this.data.certificates[e].has(x));
          value[e] = has ? 1 : 0;
          passed[e] = has ? 1 : 0;
        }
        return { id: c.id, kind: c.kind, passed, value, threshold: c.anyOf.join('、') };
      }
      case 'tenure': {
        const value = new Float64Array(n).fill(NaN);
        const d = dayNumber(asOf);
        const D = asOf;
        for (let e = 0; e < n; e++) {
          const h = this.data.hireDay[e];
          if (h === NO_DAY || h > d) continue;
          const hire = new Date(h * 86_400_000).toISOString().slice(0, 10);
          let years = Number(D.slice(0, 4)) - Number(hire.slice(0, 4));
          if (D.slice(5) < hire.slice(5)) years -= 1;
          value[e] = years;
          passed[e] = years >= c.minYears ? 1 : 0;
        }
        return { id: c.id, kind: c.kind, passed, value, threshold: c.minYears };
      }
      case 'organisation': {
        const codes = this.data[c.field];
        const set = new Set(c.values);
        const inList = codes.labels.map((l) => set.has(l));
        const value = new Float64Array(n);
        for (let e = 0; e < n; e++) {
          const member = inList[codes.codes[e]];
          value[e] = member ? 1 : 0;
          passed[e] = (c.op === 'in') === member ? 1 : 0;
        }
        return { id: c.id, kind: c.kind, passed, value, threshold: c.values.join('、') };
      }
    }
  }

  /** Who is in view and active at D, and who is excluded: independent of the criteria. */
  private base(asOf: string, view: View) {
    return this.cached(`base|${asOf}|${view.department ?? ''}|${view.plant ?? ''}`, () => {
      const n = this.data.n;
      const { active, reason } = this.activeAt(asOf);
      const inView = new Uint8Array(n);
      const deptCode = view.department ? this.data.department.labels.indexOf(view.department) : -1;
      const plantCode = view.plant ? this.data.plant.labels.indexOf(view.plant) : -1;
      const members: number[] = [];
      const excluded: Evaluation['excluded'] = [];
      for (let e = 0; e < n; e++) {
        const ok = (!view.department || this.data.department.codes[e] === deptCode) && (!view.plant || this.data.plant.codes[e] === plantCode);
        inView[e] = ok ? 1 : 0;
        if (!ok) continue;
        if (active[e]) members.push(e);
        else excluded.push({ e, reason: reason[e]! });
      }
      return { active, reason, inView, members: Int32Array.from(members), excluded };
    });
  }

  /** A criterion's pass bits over the members of a view, 32 members a word. */
  private memberBits(key: string, passed: Uint8Array, members: Int32Array): { bits: Uint32Array; count: number } {
    return this.cached(`bits|${key}`, () => {
      const bits = new Uint32Array((members.length + 31) >>> 5);
      let count = 0;
      for (let k = 0; k < members.length; k++) {
        if (passed[members[k]]) {
          bits[k >>> 5] |= 1 << (k & 31);
          count++;
        }
      }
      return { bits, count };
    });
  }

  evaluate(profile: Profile, asOf: string, view: View = {}): Evaluation {
    const viewKey = `${asOf}|${view.department ?? ''}|${view.plant ?? ''}`;
    const { active, reason, inView, members, excluded } = this.base(asOf, view);
    const words = (members.length + 31) >>> 5;
    // Word-wise counters over the members: `none` = no criterion failed yet, `one` = exactly one.
    const none = new Uint32Array(words).fill(0xffffffff);
    const one = new Uint32Array(words);
    const funnel: number[] = [];
    const memberBits: Uint32Array[] = [];
    const outcomes: CriterionOutcome[] = profile.criteria.map((c) => {
      // An unchanged criterion is not re-evaluated: moving one slider costs one pass.
      const key = `${asOf}|${JSON.stringify(c)}`;
      const o = this.cached(`outcome|${key}`, () => this.outcome(c, asOf));
      const { bits, count } = this.memberBits(`${viewKey}|${key}`, o.passed, members);
      memberBits.push(bits);
      let remaining = 0;
      for (let w = 0; w < words; w++) {
        const b = bits[w];
        one[w] = (one[w] & b) | (none[w] & ~b);
        none[w] &= b;
        remaining += popcount(none[w]);
      }
      funnel.push(remaining);
      return { ...o, passCount: count };
    });
    const candidates: number[] = [];
    const nearMisses: Evaluation['nearMisses'] = [];
    for (let w = 0; w < words; w++) {
      for (let word = none[w]; word !== 0; word &= word - 1) {
        const k = (w << 5) + (31 - Math.clz32(word & -word));
        if (k < members.length) candidates.push(members[k]);
      }
      for (let word = one[w]; word !== 0; word &= word - 1) {
        const k = (w << 5) + (31 - Math.clz32(word & -word));
        if (k >= members.length) continue;
        const failed = memberBits.findIndex((bits) => !((bits[w] >>> (k & 31)) & 1));
        nearMisses.push({ e: members[k], failed: [outcomes[failed].id] });
      }
    }
    // Rank by the first percentile criterion's value (else the first criterion's), then 工号.
    const rankBy = outcomes.find((o) => o.kind === 'percentile') ?? outcomes[0];
    if (rankBy) {
      const v = rankBy.value;
      const ids = this.data.ids;
      const byRank = (a: number, b: number) => {
        const va = v[a];
        const vb = v[b];
        if (va !== vb) return Number.isNaN(va) ? 1 : Number.isNaN(vb) ? -1 : vb - va;
        return ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0;
      };
      candidates.sort(byRank);
      nearMisses.sort((a, b) => byRank(a.e, b.e));
    }
    return { asOf, profile, population: members.length, inView, active, inactiveReason: reason, outcomes, candidates, nearMisses, excluded, funnel };
  }
}
