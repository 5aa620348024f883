// The screening engine (DESIGN.md §6). Aggregates per employee are computed once per
// (criterion source, window, as-of date) and cached; a threshold or P change only re-compares
// cached values, so a slider can move live over 100,000 employees.

import type { InactiveReason } from '../employee.ts';
export type { RankInfo } from './ranking.ts';
import { addYears } from '../periods.ts';
import { dayNumber, NO_DAY, type Codes, type ScreeningData } from './data.ts';
import { GroupRanking } from './ranking.ts';
import { RankedList } from './ranked-list.ts';
import type { Aggregate, Criterion, Profile, Scope } from './profile.ts';
import type { CriterionOutcome, Outcome } from './criteria/common.ts';
import { kindOf } from './criteria/kinds.ts';

export type { CriterionOutcome } from './criteria/common.ts';

export interface Evaluation {
  asOf: string;
  profile: Profile;
  /** Active employees in view. */
  population: number;
  inView: Uint8Array;
  active: Uint8Array;
  outcomes: CriterionOutcome[];
  /** Active employees in view who pass every criterion. */
  candidates: RankedList;
  /** Active employees in view who fail exactly one criterion. */
  nearMisses: RankedList;
  /** Employees in view who are not active at D, in employee order. */
  excluded: Int32Array;
  reasonOf(e: number): InactiveReason;
  /** The ids of the criteria an employee fails. */
  failedOf(e: number): string[];
  /** Active employees in view passing criteria 1..k, for k = 1..criteria. */
  funnel: number[];
}

export interface View {
  department?: string | null;
  plant?: string | null;
}

const window = (asOf: string, years: number) => ({ lo: dayNumber(addYears(asOf, -years)), hi: dayNumber(asOf) });

/** Mean of the values in (lo, hi]; the hot loop of a re-aggregation, kept minimal. */
function meanIn(values: Float64Array, days: Int32Array, from: number, to: number, lo: number, hi: number): number {
  let count = 0;
  let sum = 0;
  for (let k = from; k < to; k++) {
    const d = days[k];
    if (d <= lo || d > hi) continue;
    const v = values[k];
    if (v !== v) continue;
    count++;
    sum += v;
  }
  return count === 0 ? NaN : sum / count;
}

function aggregate(values: Float64Array, days: Int32Array, from: number, to: number, lo: number, hi: number, agg: Aggregate): number {
  if (agg === 'mean') return meanIn(values, days, from, to, lo, hi);
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
    if (v !== v) continue;
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

/** Inactive-reason codes; 0 = active. */
const NOT_YET_HIRED = 1;
const LEFT = 2;
const STATUS_LEFT = 3;
const REASONS: (InactiveReason | null)[] = [null, 'notYetHired', 'left', 'statusLeft'];

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export class Screener {
  readonly data: ScreeningData;
  // Least recently used first. Per-employee aggregates and rankings (up to a megabyte each at
  // 100,000 employees) and per-criterion outcomes are bounded separately, so a long session of
  // slider moves keeps memory flat while the aggregates stay warm.
  private readonly caches = { heavy: new Map<string, unknown>(), light: new Map<string, unknown>() };
  static readonly CACHE_LIMITS = { heavy: 48, light: 96 };

  constructor(data: ScreeningData) {
    this.data = data;
  }

  private cached<T>(key: string, make: () => T): T {
    const kind = key.startsWith('outcome|') || key.startsWith('bits|') ? 'light' : 'heavy';
    const cache = this.caches[kind];
    if (cache.has(key)) {
      const hit = cache.get(key) as T;
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const made = make();
    cache.set(key, made);
    if (cache.size > Screener.CACHE_LIMITS[kind]) cache.delete(cache.keys().next().value!);
    return made;
  }

  /** Entries held, for tests. */
  get cacheSize(): { heavy: number; light: number } {
    return { heavy: this.caches.heavy.size, light: this.caches.light.size };
  }

  activeAt(asOf: string): { active: Uint8Array; reason: Uint8Array } {
    return this.cached(`active|${asOf}`, () => {
      // The rule of employee.ts (inactiveReasonAt), on day numbers: no strings per employee.
      const d = this.data;
      const day = dayNumber(asOf);
      const active = new Uint8Array(d.n);
      const reason = new Uint8Array(d.n);
      for (let e = 0; e < d.n; e++) {
        const hire = d.hireDay[e];
        const leave = d.leaveDay[e];
        let r = 0;
        if (hire !== NO_DAY && hire > day) r = NOT_YET_HIRED;
        else if (leave !== NO_DAY) r = leave <= day ? LEFT : 0;
        else if (d.status[e] === 'departed' || d.status[e] === 'retired') r = STATUS_LEFT;
        reason[e] = r;
        active[e] = r === 0 ? 1 : 0;
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
      const D = Math.max(1, ratings.dimensions.length);
      const at = ratings.byDimension;
      for (let e = 0, key = code; e < n; e++, key += D) out[e] = aggregate(ratings.score, ratings.day, at[key], at[key + 1], lo, hi, agg);
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

  /** The ranking population of a percentile criterion: active employees with data, by scope group. */
  ranking(metric: string, years: number, scope: Scope, asOf: string): GroupRanking {
    return this.cached(`rank|${metric}|${years}|${scope}|${asOf}`, () => {
      const scopeCodes = this.scopeCodes(scope);
      const n = this.data.n;
      return new GroupRanking(this.performanceValues(metric, 'mean', years, asOf), this.activeAt(asOf).active, scopeCodes ? scopeCodes.codes : new Int32Array(n), scopeCodes ? scopeCodes.labels.length : 1);
    });
  }

  /** One criterion over everyone: the registered kind evaluates it (criteria/kinds.ts). */
  private outcome(c: Criterion, asOf: string): Outcome {
    return kindOf(c).evaluate(this, c, asOf);
  }

  /** Who is in view and active at D, and who is excluded: independent of the criteria. */
  private base(asOf: string, view: View) {
    return this.cached(`base|${asOf}|${view.department ?? ''}|${view.plant ?? ''}`, () => {
      const n = this.data.n;
      const { active, reason } = this.activeAt(asOf);
      const inView = new Uint8Array(n);
      const dept = view.department ? this.data.department : null;
      const plant = view.plant ? this.data.plant : null;
      const deptCode = dept ? dept.labels.indexOf(view.department!) : -1;
      const plantCode = plant ? plant.labels.indexOf(view.plant!) : -1;
      let memberCount = 0;
      for (let e = 0; e < n; e++) {
        const ok = (!dept || dept.codes[e] === deptCode) && (!plant || plant.codes[e] === plantCode);
        if (!ok) continue;
        inView[e] = 1;
        memberCount += active[e];
      }
      let viewCount = 0;
      for (let e = 0; e < n; e++) viewCount += inView[e];
      const members = new Int32Array(memberCount);
      const excluded = new Int32Array(viewCount - memberCount);
      for (let e = 0, k = 0, x = 0; e < n; e++) {
        if (!inView[e]) continue;
        if (active[e]) members[k++] = e;
        else excluded[x++] = e;
      }
      return { active, reason, inView, members, excluded };
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
    // Positions past the last member start as failed, so they never decode as people.
    if (members.length & 31) none[words - 1] = (1 << (members.length & 31)) - 1;
    const one = new Uint32Array(words);
    const funnel: number[] = [];
    const outcomes: CriterionOutcome[] = profile.criteria.map((c) => {
      // An unchanged criterion is not re-evaluated: moving one slider costs one pass.
      const key = `${asOf}|${JSON.stringify(c)}`;
      const o = this.cached(`outcome|${key}`, () => this.outcome(c, asOf));
      const { bits, count } = this.memberBits(`${viewKey}|${key}`, o.passed, members);
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
    // Decode the bit sets into member positions (ascending employee order).
    let candidateCount = 0;
    let nearMissCount = 0;
    for (let w = 0; w < words; w++) {
      candidateCount += popcount(none[w]);
      nearMissCount += popcount(one[w]);
    }
    const candidatePos = new Int32Array(candidateCount);
    const nearMissPos = new Int32Array(nearMissCount);
    for (let w = 0, c = 0, m = 0; w < words; w++) {
      for (let word = none[w]; word !== 0; word &= word - 1) candidatePos[c++] = (w << 5) + (31 - Math.clz32(word & -word));
      for (let word = one[w]; word !== 0; word &= word - 1) nearMissPos[m++] = (w << 5) + (31 - Math.clz32(word & -word));
    }
    for (let i = 0; i < candidatePos.length; i++) candidatePos[i] = members[candidatePos[i]];
    for (let i = 0; i < nearMissPos.length; i++) nearMissPos[i] = members[nearMissPos[i]];
    // Ranked by the first percentile criterion's value (else the first criterion's), then 工号.
    const rankBy = outcomes.find((o) => o.kind === 'percentile') ?? outcomes[0];
    const value = rankBy ? rankBy.value : null;
    const candidates = new RankedList(candidatePos, value, this.data.ids);
    const nearMisses = new RankedList(nearMissPos, value, this.data.ids);
    const failedOf = (e: number) => outcomes.filter((o) => !o.passed[e]).map((o) => o.id);
    const reasonOf = (e: number) => REASONS[reason[e]]!;
    return { asOf, profile, population: members.length, inView, active, outcomes, candidates, nearMisses, excluded, reasonOf, failedOf, funnel };
  }
}
