// Turns an evaluation into what people read: rows with per-criterion badges, near-misses
// with what they lack, exclusions with reasons, per-department counts, distributions and
// the profile in words. Pure, so the app's worker, the export and the CLI share it.

import type { InactiveReason } from '../employee.ts';
import type { ScreeningData } from './data.ts';
import type { Evaluation } from './engine.ts';
import type { Criterion, Profile } from './profile.ts';
import { kindOf } from './criteria/kinds.ts';

export interface CriterionCell {
  id: string;
  passed: boolean;
  value: number | null;
  threshold: number | string;
  rank?: number;
  cutoff?: number;
  groupSize?: number;
}

export interface PersonRow {
  e: number;
  employeeId: string;
  name: string;
  department: string;
  position: string;
  criteria: CriterionCell[];
  failed?: string[];
}

export interface Histogram {
  id: string;
  bins: { from: number; to: number; pass: number; fail: number }[];
  noData: number;
  /** Where passing starts, when one value separates everyone in view who passes from everyone
   *  who fails (a percentile ranked company-wide, or within the one department in view). */
  cut?: number;
}

export interface ExcludedRow {
  employeeId: string;
  name: string;
  department: string;
  reason: InactiveReason;
}

export type ResultList = 'candidates' | 'nearMisses' | 'excluded';

/** An evaluation for people to read: the counts and charts in full, the lists from their start
 *  (all of them for an export or a saved run; a first page for the live screen). */
export interface ScreeningReport {
  asOf: string;
  population: number;
  candidates: PersonRow[];
  nearMisses: PersonRow[];
  excluded: ExcludedRow[];
  candidateCount: number;
  nearMissCount: number;
  excludedCount: number;
  byDepartment: { department: string; active: number; candidates: number; nearMisses: number }[];
  byPlant: { plant: string; active: number; candidates: number; nearMisses: number }[];
  funnel: { id: string; remaining: number }[];
  passCounts: { id: string; pass: number }[];
  histograms: Histogram[];
}

const clean = (v: number) => (Number.isNaN(v) ? null : Math.round(v * 10000) / 10000);

export function personRow(data: ScreeningData, ev: Evaluation, e: number): PersonRow {
  return {
    e,
    employeeId: data.ids[e],
    name: data.names[e],
    department: data.department.labels[data.department.codes[e]],
    position: data.position.labels[data.position.codes[e]],
    criteria: ev.outcomes.map((o) => ({ id: o.id, passed: o.passed[e] === 1, value: clean(o.value[e]), threshold: o.threshold, ...o.rankOf?.(e) })),
  };
}

// A histogram depends only on a criterion's values and passes (one cached outcome) and on who
// is in view: moving one slider recomputes one histogram, not all of them. Where each person
// falls (their bin, or none) depends only on the values and the view, not on the threshold: a
// threshold step reuses it and only counts passes, in one pass.
const histograms = new WeakMap<Uint8Array, { inView: Uint8Array; histogram: Histogram }>();
interface Binning {
  inView: Uint8Array;
  /** Per employee: the bin, or NO_BIN (not in view, not active, no data). */
  bin: Uint8Array;
  lo: number;
  width: number;
  count: number;
  noData: number;
}
const NO_BIN = 255;
const HISTOGRAM_BINS = 20;
const binnings = new WeakMap<Float64Array, Binning>();

function binning(ev: Evaluation, value: Float64Array): Binning {
  const known = binnings.get(value);
  if (known && known.inView === ev.inView) return known;
  const bins = HISTOGRAM_BINS;
  const { inView, active } = ev;
  let lo = Infinity;
  let hi = -Infinity;
  let noData = 0;
  for (let e = 0; e < value.length; e++) {
    if (!inView[e] || !active[e]) continue;
    const v = value[e];
    if (v !== v) {
      noData++;
      continue;
    }
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const bin = new Uint8Array(value.length).fill(NO_BIN);
  const count = lo === Infinity ? 0 : hi > lo ? bins : 1;
  const width = hi > lo ? (hi - lo) / bins : 1;
  if (count)
    for (let e = 0; e < value.length; e++) {
      const v = value[e];
      if (inView[e] && active[e] && v === v) bin[e] = Math.min(count - 1, Math.floor((v - lo) / width));
    }
  const made = { inView, bin, lo, width, count, noData };
  binnings.set(value, made);
  return made;
}

function histogram(ev: Evaluation, index: number): Histogram {
  const o = ev.outcomes[index];
  const known = histograms.get(o.passed);
  if (known && known.inView === ev.inView) return known.histogram;
  const { bin, lo, width, count, noData } = binning(ev, o.value);
  let result: Histogram;
  if (count === 0) result = { id: o.id, bins: [], noData };
  else {
    const pass = new Int32Array(count);
    const fail = new Int32Array(count);
    const passed = o.passed;
    for (let e = 0; e < bin.length; e++) {
      const b = bin[e];
      if (b === NO_BIN) continue;
      if (passed[e]) pass[b]++;
      else fail[b]++;
    }
    result = { id: o.id, bins: Array.from({ length: count }, (_, i) => ({ from: clean(lo + i * width)!, to: clean(lo + (i + 1) * width)!, pass: pass[i], fail: fail[i] })), noData };
    if (o.kind === 'percentile') {
      // Where passing starts, when one value separates those who pass from those who fail.
      let lowestPass = Infinity;
      let highestFail = -Infinity;
      const value = o.value;
      for (let e = 0; e < bin.length; e++) {
        if (bin[e] === NO_BIN) continue;
        const v = value[e];
        if (passed[e]) {
          if (v < lowestPass) lowestPass = v;
        } else if (v > highestFail) highestFail = v;
      }
      if (lowestPass !== Infinity && lowestPass > highestFail) result.cut = clean(lowestPass)!;
    }
  }
  histograms.set(o.passed, { inView: ev.inView, histogram: result });
  return result;
}

/** Rows from .. to-1 of one of the result lists, in ranked order (exclusions in roster order). */
export function reportRows(data: ScreeningData, ev: Evaluation, list: 'candidates' | 'nearMisses', from: number, to: number): PersonRow[];
export function reportRows(data: ScreeningData, ev: Evaluation, list: 'excluded', from: number, to: number): ExcludedRow[];
export function reportRows(data: ScreeningData, ev: Evaluation, list: ResultList, from: number, to: number): PersonRow[] | ExcludedRow[];
export function reportRows(data: ScreeningData, ev: Evaluation, list: ResultList, from: number, to: number): PersonRow[] | ExcludedRow[] {
  const dept = (e: number) => data.department.labels[data.department.codes[e]];
  if (list === 'excluded') return Array.from(ev.excluded.subarray(from, to), (e) => ({ employeeId: data.ids[e], name: data.names[e], department: dept(e), reason: ev.reasonOf(e) }));
  if (list === 'candidates') return ev.candidates.slice(from, to).map((e) => personRow(data, ev, e));
  return ev.nearMisses.slice(from, to).map((e) => ({ ...personRow(data, ev, e), failed: ev.failedOf(e) }));
}

/** Group names in Chinese order; one collator, not one per comparison. */
const byName = new Intl.Collator('zh-CN');

const activeByGroup = new WeakMap<Uint8Array, Partial<Record<'department' | 'plant', Int32Array>>>();
/** Active employees in view per department or plant code, kept per view (its inView array). */
function activeCounts(data: ScreeningData, ev: Evaluation, field: 'department' | 'plant'): Int32Array {
  let kept = activeByGroup.get(ev.inView);
  if (!kept) activeByGroup.set(ev.inView, (kept = {}));
  const known = kept[field];
  if (known) return known;
  const { labels, codes } = data[field];
  const active = new Int32Array(labels.length);
  for (let e = 0; e < data.n; e++) if (ev.inView[e] && ev.active[e]) active[codes[e]]++;
  kept[field] = active;
  return active;
}

const LISTS: readonly ResultList[] = ['candidates', 'nearMisses', 'excluded'];

/** The part of a result a screen shows at a time: a list, the distributions, or the counts per department and plant. */
export type ResultPart = ResultList | 'distribution' | 'departments';

/** What a report holds besides its counts, funnel and pass counts. */
export interface ReportParts {
  /** The lists that get rows (the others come empty, with their counts). */
  lists: readonly ResultList[];
  histograms: boolean;
  groups: boolean;
}
const WHOLE: ReportParts = { lists: LISTS, histograms: true, groups: true };

/** What a report needs to hold for a screen showing `part`. */
export function partsShowing(part: ResultPart): ReportParts {
  if (part === 'distribution') return { lists: [], histograms: true, groups: false };
  if (part === 'departments') return { lists: [], histograms: false, groups: true };
  return { lists: [part], histograms: false, groups: false };
}

/** The report with the first `limit` rows of each list (all of them by default), and the parts asked for (all by default). */
export function buildReport(data: ScreeningData, ev: Evaluation, limit = Number.MAX_SAFE_INTEGER, parts: ReportParts = WHOLE): ScreeningReport {
  const rows = (list: ResultList) => (parts.lists.includes(list) ? limit : 0);
  // Counts per department and per plant on their codes: no strings per employee. Who is active
  // in view does not change with the criteria: those counts are kept per view.
  const countsBy = (field: 'department' | 'plant') => {
    const { labels, codes } = data[field];
    const active = activeCounts(data, ev, field);
    const candidates = new Int32Array(labels.length);
    const nearMisses = new Int32Array(labels.length);
    const c = ev.candidates.employees;
    for (let i = 0; i < c.length; i++) candidates[codes[c[i]]]++;
    const m = ev.nearMisses.employees;
    for (let i = 0; i < m.length; i++) nearMisses[codes[m[i]]]++;
    return labels
      .flatMap((label, c) => (active[c] ? [{ label, active: active[c], candidates: candidates[c], nearMisses: nearMisses[c] }] : []))
      .sort((a, b) => b.candidates - a.candidates || b.nearMisses - a.nearMisses || byName.compare(a.label, b.label));
  };
  return {
    asOf: ev.asOf,
    population: ev.population,
    candidates: reportRows(data, ev, 'candidates', 0, rows('candidates')),
    nearMisses: reportRows(data, ev, 'nearMisses', 0, rows('nearMisses')),
    excluded: reportRows(data, ev, 'excluded', 0, rows('excluded')),
    candidateCount: ev.candidates.length,
    nearMissCount: ev.nearMisses.length,
    excludedCount: ev.excluded.length,
    byDepartment: parts.groups ? countsBy('department').map(({ label, ...counts }) => ({ department: label, ...counts })) : [],
    byPlant: parts.groups ? countsBy('plant').map(({ label, ...counts }) => ({ plant: label, ...counts })) : [],
    funnel: ev.outcomes.map((o, i) => ({ id: o.id, remaining: ev.funnel[i] })),
    passCounts: ev.outcomes.map((o) => ({ id: o.id, pass: o.passCount })),
    histograms: parts.histograms ? ev.outcomes.map((_, i) => histogram(ev, i)) : [],
  };
}
export { METRIC_ZH } from './criteria/common.ts';

/** A criterion in words: 近2年绩效得分平均排名前15%（部门内）, or in English with 'en'. */
export function describeCriterion(c: Criterion, language: 'zh' | 'en' = 'zh'): string {
  const kind = kindOf(c);
  return language === 'en' ? kind.describeEn(c) : kind.describe(c);
}

export function describeProfile(p: Profile, asOf: string): string[] {
  return [`画像：${p.name}（第${p.version}版）`, `截止日期：${asOf}`, '以下条件须全部满足，且截止日在职（停薪留职、试用视为在职）：', ...p.criteria.map((c, i) => `${i + 1}. ${c.label ?? describeCriterion(c)}`)];
}
