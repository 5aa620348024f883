// Top P% of a scope group by the mean of a performance metric over N years (DESIGN.md §6).

import { z } from 'zod';
import { idField, labelField, METRIC_EN, METRIC_ZH, performanceValueKind, SCOPES, windowDays, years, yearsField, type CriterionKind, type ExplainedRecord } from './common.ts';

export const percentileSchema = z.object({ id: idField, kind: z.literal('percentile'), label: labelField, metric: z.string().default('score'), topPercent: z.number().gt(0).max(100), years: yearsField, scope: z.enum(SCOPES) });
export type PercentileCriterion = z.output<typeof percentileSchema>;

const SCOPE_ZH = { company: '全公司', plant: '厂区内', department: '部门内', position: '岗位内' } as const;
const SCOPE_EN = { company: 'company-wide', plant: 'within plant', department: 'within department', position: 'within position' } as const;

export const percentileKind: CriterionKind<PercentileCriterion> = {
  kind: 'percentile',
  schema: percentileSchema,
  evaluate(screener, c, asOf) {
    const n = screener.data.n;
    const passed = new Uint8Array(n);
    const r = screener.ranking(c.metric, c.years, c.scope, asOf);
    const cut = r.cutoffs(c.topPercent);
    const { value, active, group } = r;
    const cutValue = cut.value;
    // NaN (no data, or a group where nobody passes) fails the comparison.
    for (let e = 0; e < n; e++) passed[e] = active[e] && value[e] >= cutValue[group[e]] ? 1 : 0;
    return { id: c.id, kind: c.kind, passed, value, threshold: c.topPercent, rankOf: (e) => r.rankOf(e, cut) };
  },
  explain(data, c, e, asOf) {
    return performanceRecords(data, c.metric, e, windowDays(asOf, c.years).inWindow);
  },
  describe: (c) => `近${c.years}年${METRIC_ZH[c.metric] ?? c.metric}平均排名前${c.topPercent}%（${SCOPE_ZH[c.scope]}）`,
  describeEn: (c) => `Top ${c.topPercent}% by mean ${METRIC_EN[c.metric] ?? c.metric} over ${years(c.years)} (${SCOPE_EN[c.scope]})`,
  valueKind: (c) => performanceValueKind(c.metric),
};

/** The quarters of one performance metric behind a result, counted or outside the window. */
export function performanceRecords(data: Parameters<CriterionKind<PercentileCriterion>['explain']>[0], metric: string, e: number, inWindow: (d: number) => boolean): ExplainedRecord[] {
  const out: ExplainedRecord[] = [];
  const { perf } = data;
  for (let k = perf.start[e]; k < perf.start[e + 1]; k++) {
    const v = perf.metrics[metric]?.[k];
    if (v === undefined || Number.isNaN(v)) continue;
    out.push({ when: perf.periods[perf.source[k]] ?? '', what: metric, metric, value: String(v), counted: inWindow(perf.day[k]) });
  }
  return out;
}
