// At least N activities of the given types (knowledge-sharing sessions) in the window.

import { z } from 'zod';
import { rowAt } from '../../facts/columns.ts';
import { idField, labelField, windowDays, years, yearsField, type CriterionKind, type ExplainedRecord } from './common.ts';

export const activityCountSchema = z.object({ id: idField, kind: z.literal('activityCount'), label: labelField, types: z.array(z.string().min(1)).min(1), min: z.number().int().min(0), years: yearsField });
export type ActivityCountCriterion = z.output<typeof activityCountSchema>;

export const activityCountKind: CriterionKind<ActivityCountCriterion> = {
  kind: 'activityCount',
  schema: activityCountSchema,
  evaluate(screener, c, asOf) {
    const n = screener.data.n;
    const passed = new Uint8Array(n);
    const value = screener.activityCounts(c.types, c.years, asOf);
    for (let e = 0; e < n; e++) passed[e] = value[e] >= c.min ? 1 : 0;
    return { id: c.id, kind: c.kind, passed, value, threshold: c.min };
  },
  explain(data, c, e, asOf) {
    const { inWindow } = windowDays(asOf, c.years);
    const out: ExplainedRecord[] = [];
    const { activities } = data;
    for (let k = activities.start[e]; k < activities.start[e + 1]; k++) {
      const type = activities.types[activities.type[k]];
      const row = rowAt(data.sources.activities, activities.source[k]);
      out.push({ when: String(row.date ?? ''), what: type, value: String(row.title ?? ''), counted: inWindow(activities.day[k]) && c.types.includes(type) });
    }
    return out;
  },
  describe: (c) => `近${c.years}年${c.types.join('/')}≥${c.min}次`,
  describeEn: (c) => `${c.types.join('/')} ≥ ${c.min} times in ${years(c.years)}`,
  valueKind: () => 'count',
};
