// A performance metric or a rating, aggregated over N years, compared with a value.

import { z } from 'zod';
import { rowAt } from '../../facts/columns.ts';
import { AGGREGATES, compare, formatCriterionThreshold, idField, labelField, METRIC_EN, METRIC_ZH, OPS, performanceValueKind, windowDays, years, yearsField, type CriterionKind, type ExplainedRecord } from './common.ts';
import { performanceRecords } from './percentile.ts';

export const thresholdSchema = z.object({ id: idField, kind: z.literal('threshold'), label: labelField, source: z.enum(['performance', 'rating']), metric: z.string().min(1), aggregate: z.enum(AGGREGATES), op: z.enum(OPS), value: z.number(), years: yearsField });
export type ThresholdCriterion = z.output<typeof thresholdSchema>;

const AGG_ZH = { latest: '最近一期', mean: '平均', min: '最低', max: '最高', sum: '合计' } as const;
const AGG_EN = { latest: 'latest', mean: 'mean', min: 'lowest', max: 'highest', sum: 'total' } as const;
const OP_TEXT = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' } as const;

export const thresholdKind: CriterionKind<ThresholdCriterion> = {
  kind: 'threshold',
  schema: thresholdSchema,
  evaluate(screener, c, asOf) {
    const n = screener.data.n;
    const passed = new Uint8Array(n);
    const value = c.source === 'performance' ? screener.performanceValues(c.metric, c.aggregate, c.years, asOf) : screener.ratingValues(c.metric, c.aggregate, c.years, asOf);
    const t = c.value;
    // NaN fails every comparison: no data never passes.
    if (c.op === '>=') for (let e = 0; e < n; e++) passed[e] = value[e] >= t ? 1 : 0;
    else if (c.op === '>') for (let e = 0; e < n; e++) passed[e] = value[e] > t ? 1 : 0;
    else if (c.op === '<=') for (let e = 0; e < n; e++) passed[e] = value[e] <= t ? 1 : 0;
    else if (c.op === '<') for (let e = 0; e < n; e++) passed[e] = value[e] < t ? 1 : 0;
    else for (let e = 0; e < n; e++) passed[e] = compare(value[e], '=', t) ? 1 : 0;
    return { id: c.id, kind: c.kind, passed, value, threshold: c.value };
  },
  explain(data, c, e, asOf) {
    const { inWindow } = windowDays(asOf, c.years);
    if (c.source === 'performance') return performanceRecords(data, c.metric, e, inWindow);
    const out: ExplainedRecord[] = [];
    const { ratings } = data;
    for (let k = ratings.start[e]; k < ratings.start[e + 1]; k++) {
      if (ratings.dimensions[ratings.dimension[k]] !== c.metric) continue;
      const row = rowAt(data.sources.ratings, ratings.source[k]);
      out.push({ when: String(row.date ?? row.period ?? ''), what: c.metric, ...(row.rater ? { rater: String(row.rater) } : {}), value: String(row.score), counted: inWindow(ratings.day[k]) });
    }
    return out;
  },
  describe(c) {
    const what = c.source === 'rating' ? `${c.metric}评分` : (METRIC_ZH[c.metric] ?? c.metric);
    return `近${c.years}年${what}（${AGG_ZH[c.aggregate]}）${OP_TEXT[c.op]}${formatCriterionThreshold(thresholdValueKind(c), c.value)}`;
  },
  describeEn(c) {
    const what = c.source === 'rating' ? `${c.metric} rating` : (METRIC_EN[c.metric] ?? c.metric);
    return `${what} (${AGG_EN[c.aggregate]}, ${years(c.years)}) ${OP_TEXT[c.op]} ${formatCriterionThreshold(thresholdValueKind(c), c.value)}`;
  },
  valueKind: (c) => thresholdValueKind(c),
};

function thresholdValueKind(c: ThresholdCriterion) {
  return c.source === 'performance' ? performanceValueKind(c.metric) : 'number';
}
