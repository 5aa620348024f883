// Turns an evaluation into what people read: rows with per-criterion badges, near-misses
// with what they lack, exclusions with reasons, per-department counts, distributions and
// the profile in words. Pure, so the app's worker, the export and the CLI share it.

import type { InactiveReason } from '../employee.ts';
import type { ScreeningData } from './data.ts';
import type { Evaluation } from './engine.ts';
import type { Criterion, Profile } from './profile.ts';

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
}

export interface ScreeningReport {
  asOf: string;
  population: number;
  candidates: PersonRow[];
  nearMisses: PersonRow[];
  excluded: { employeeId: string; name: string; department: string; reason: InactiveReason }[];
  excludedCount: number;
  byDepartment: { department: string; active: number; candidates: number; nearMisses: number }[];
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

function histogram(ev: Evaluation, index: number, bins = 20): Histogram {
  const o = ev.outcomes[index];
  let lo = Infinity;
  let hi = -Infinity;
  let noData = 0;
  for (let e = 0; e < o.value.length; e++) {
    if (!ev.inView[e] || !ev.active[e]) continue;
    const v = o.value[e];
    if (Number.isNaN(v)) {
      noData++;
      continue;
    }
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo === Infinity) return { id: o.id, bins: [], noData };
  const width = hi > lo ? (hi - lo) / bins : 1;
  const out = Array.from({ length: hi > lo ? bins : 1 }, (_, i) => ({ from: lo + i * width, to: lo + (i + 1) * width, pass: 0, fail: 0 }));
  for (let e = 0; e < o.value.length; e++) {
    if (!ev.inView[e] || !ev.active[e] || Number.isNaN(o.value[e])) continue;
    const b = Math.min(out.length - 1, Math.floor((o.value[e] - lo) / width));
    if (o.passed[e]) out[b].pass++;
    else out[b].fail++;
  }
  return { id: o.id, bins: out.map((b) => ({ ...b, from: clean(b.from)!, to: clean(b.to)! })), noData };
}

export function buildReport(data: ScreeningData, ev: Evaluation, limit = 5000): ScreeningReport {
  const byDept = new Map<string, { active: number; candidates: number; nearMisses: number }>();
  const dept = (e: number) => data.department.labels[data.department.codes[e]];
  for (let e = 0; e < data.n; e++) {
    if (!ev.inView[e] || !ev.active[e]) continue;
    const d = byDept.get(dept(e)) ?? { active: 0, candidates: 0, nearMisses: 0 };
    d.active++;
    byDept.set(dept(e), d);
  }
  for (const e of ev.candidates) byDept.get(dept(e))!.candidates++;
  for (const x of ev.nearMisses) byDept.get(dept(x.e))!.nearMisses++;
  return {
    asOf: ev.asOf,
    population: ev.population,
    candidates: ev.candidates.slice(0, limit).map((e) => personRow(data, ev, e)),
    nearMisses: ev.nearMisses.slice(0, limit).map((x) => ({ ...personRow(data, ev, x.e), failed: x.failed })),
    excluded: ev.excluded.slice(0, limit).map((x) => ({ employeeId: data.ids[x.e], name: data.names[x.e], department: dept(x.e), reason: x.reason })),
    excludedCount: ev.excluded.length,
    byDepartment: [...byDept].map(([department, v]) => ({ department, ...v })).sort((a, b) => b.candidates - a.candidates || b.nearMisses - a.nearMisses || a.department.localeCompare(b.department, 'zh-CN')),
    funnel: ev.outcomes.map((o, i) => ({ id: o.id, remaining: ev.funnel[i] })),
    passCounts: ev.outcomes.map((o) => ({ id: o.id, pass: o.passCount })),
    histograms: ev.outcomes.map((_, i) => histogram(ev, i)),
  };
}

const SCOPE_ZH = { company: '全公司', plant: '厂区内', department: '部门内', position: '岗位内' } as const;
const AGG_ZH = { latest: '最近一期', mean: '平均', min: '最低', max: '最高', sum: '合计' } as const;
export const METRIC_ZH: Record<string, string> = { score: '绩效得分', subordinateImprovement: '下属业绩提升率', teamScore: '团队协作得分', innovationScore: '创新贡献得分' };
const OP_TEXT = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' } as const;
const FIELD_ZH = { plant: '厂区', department: '部门', position: '岗位' } as const;

/** A criterion in words, in Chinese: 近2年绩效得分平均排名前15%（部门内）. */
export function describeCriterion(c: Criterion): string {
  switch (c.kind) {
    case 'percentile':
      return `近${c.years}年${METRIC_ZH[c.metric] ?? c.metric}平均排名前${c.topPercent}%（${SCOPE_ZH[c.scope]}）`;
    case 'threshold': {
      const value = c.metric === 'subordinateImprovement' ? `${Math.round(c.value * 1000) / 10}%` : String(c.value);
      const what = c.source === 'rating' ? `${c.metric}评分` : (METRIC_ZH[c.metric] ?? c.metric);
      return `近${c.years}年${what}（${AGG_ZH[c.aggregate]}）${OP_TEXT[c.op]}${value}`;
    }
    case 'activityCount':
      return `近${c.years}年${c.types.join('/')}≥${c.min}次`;
    case 'certificate':
      return `持有证书：${c.anyOf.join('或')}`;
    case 'tenure':
      return `司龄≥${c.minYears}年`;
    case 'organisation':
      return `${FIELD_ZH[c.field]}${c.op === 'in' ? '属于' : '不属于'}：${c.values.join('、')}`;
  }
}

export function describeProfile(p: Profile, asOf: string): string[] {
  return [`画像：${p.name}（第${p.version}版）`, `截止日期：${asOf}`, '以下条件须全部满足，且截止日在职（停薪留职、试用视为在职）：', ...p.criteria.map((c, i) => `${i + 1}. ${c.label ?? describeCriterion(c)}`)];
}
