// The screening engine (DESIGN.md §6). Aggregates per employee are computed once per
// (criterion source, window, as-of date) and cached; a threshold or P change only re-compares
// cached values, so a slider can move live over 100,000 employees.

import { inactiveReasonAt, type InactiveReason } from '../employee.ts';
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
  failCount: Uint8Array;
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

function aggregate(values: Float64Array, days: Int32Array, from: number, to: number, lo: number, hi: number, agg: Aggregate, keep?: (k: number) => boolean): number {
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
    if (Number.isNaN(v) || (keep && !keep(k))) continue;
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
    case 'mean':
      return sum / count;
    case 'min':
      return min;
    case 'max':
      return max;
    case 'sum':
      return sum;
  }
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
      const d = this.data;
      const active = new Uint8Array(d.n);
      const reason: (InactiveReason | null)[] = new Array(d.n);
      const toIso = (day: number) => (day === NO_DAY ? null : new Date(day * 86_400_000).toISOString().slice(0, 10));
      for (let e = 0; e < d.n; e++) {
        const r = inactiveReasonAt({ hireDate: toIso(d.hireDay[e]), leaveDate: toIso(d.leaveDay[e]), status: d.status[e] }, asOf);
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
      const keep = (k: number) => ratings.dimension[k] === code;
      for (let e = 0; e < n; e++) out[e] = aggregate(ratings.score, ratings.day, ratings.start[e], ratings.start[e + 1], lo, hi, agg, keep);
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
      const groups = new Map<number, number[]>();
      for (let e = 0; e < n; e++) {
        if (!active[e] || Number.isNaN(value[e])) continue;
        const g = group ? group.codes[e] : 0;
        let list = groups.get(g);
        if (!list) groups.set(g, (list = []));
        list.push(e);
      }
      const rank = new Int32Array(n);
      const groupSize = new Int32Array(n);
      for (const members of groups.values()) {
        members.sort((a, b) => value[b] - value[a]);
        let r = 1;
        for (let i = 0; i < members.length; i++) {
          if (i > 0 && value[members[i]] < value[members[i - 1]]) r = i + 1;
          rank[members[i]] = r;
          groupSize[members[i]] = members.length;
        }
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
        for (let e = 0; e < n; e++) passed[e] = !Number.isNaN(value[e]) && compare(value[e], c.op, c.value) ? 1 : 0;
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

  evaluate(profile: Profile, asOf: string, view: View = {}): Evaluation {
    const n = this.data.n;
    const { active, reason } = this.activeAt(asOf);
    const inView = new Uint8Array(n);
    const deptCode = view.department ? this.data.department.labels.indexOf(view.department) : -1;
    const plantCode = view.plant ? this.data.plant.labels.indexOf(view.plant) : -1;
    let population = 0;
    for (let e = 0; e < n; e++) {
      const ok = (!view.department || this.data.department.codes[e] === deptCode) && (!view.plant || this.data.plant.codes[e] === plantCode);
      inView[e] = ok ? 1 : 0;
      if (ok && active[e]) population++;
    }
    const failCount = new Uint8Array(n);
    const stillPassing = new Uint8Array(n);
    for (let e = 0; e < n; e++) stillPassing[e] = inView[e] & active[e];
    const funnel: number[] = [];
    const outcomes: CriterionOutcome[] = profile.criteria.map((c) => {
      // An unchanged criterion is not re-evaluated: moving one slider costs one pass.
      const o = this.cached(`outcome|${asOf}|${JSON.stringify(c)}`, () => this.outcome(c, asOf));
      let passCount = 0;
      let funnelCount = 0;
      for (let e = 0; e < n; e++) {
        if (!o.passed[e]) {
          failCount[e]++;
          stillPassing[e] = 0;
        } else if (inView[e] && active[e]) passCount++;
        funnelCount += stillPassing[e];
      }
      funnel.push(funnelCount);
      return { ...o, passCount };
    });
    const candidates: number[] = [];
    const nearMisses: Evaluation['nearMisses'] = [];
    const excluded: Evaluation['excluded'] = [];
    for (let e = 0; e < n; e++) {
      if (!inView[e]) continue;
      if (!active[e]) {
        excluded.push({ e, reason: reason[e]! });
        continue;
      }
      if (failCount[e] === 0) candidates.push(e);
      else if (failCount[e] === 1) nearMisses.push({ e, failed: outcomes.filter((o) => !o.passed[e]).map((o) => o.id) });
    }
    // Rank candidates by the first percentile criterion's value, else by the first criterion's.
    const rankBy = outcomes.find((o) => o.kind === 'percentile') ?? outcomes[0];
    if (rankBy) {
      const v = rankBy.value;
      const key = (e: number) => (Number.isNaN(v[e]) ? -Infinity : v[e]);
      candidates.sort((a, b) => key(b) - key(a) || (this.data.ids[a] < this.data.ids[b] ? -1 : 1));
      nearMisses.sort((a, b) => key(b.e) - key(a.e) || (this.data.ids[a.e] < this.data.ids[b.e] ? -1 : 1));
    }
    return { asOf, profile, population, inView, active, inactiveReason: reason, outcomes, failCount, candidates, nearMisses, excluded, funnel };
  }
}
