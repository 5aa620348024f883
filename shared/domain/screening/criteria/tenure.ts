// At least N full years since the hire date, at the as-of date.

import { z } from 'zod';
import { dayNumber, NO_DAY } from '../data.ts';
import { idField, labelField, years, type CriterionKind } from './common.ts';

export const tenureSchema = z.object({ id: idField, kind: z.literal('tenure'), label: labelField, minYears: z.number().min(0) });
export type TenureCriterion = z.output<typeof tenureSchema>;

export const tenureKind: CriterionKind<TenureCriterion> = {
  kind: 'tenure',
  schema: tenureSchema,
  evaluate(screener, c, asOf) {
    const { data } = screener;
    const n = data.n;
    const passed = new Uint8Array(n);
    const value = new Float64Array(n).fill(NaN);
    const d = dayNumber(asOf);
    for (let e = 0; e < n; e++) {
      const h = data.hireDay[e];
      if (h === NO_DAY || h > d) continue;
      const hire = new Date(h * 86_400_000).toISOString().slice(0, 10);
      let years = Number(asOf.slice(0, 4)) - Number(hire.slice(0, 4));
      if (asOf.slice(5) < hire.slice(5)) years -= 1;
      value[e] = years;
      passed[e] = years >= c.minYears ? 1 : 0;
    }
    return { id: c.id, kind: c.kind, passed, value, threshold: c.minYears };
  },
  explain: () => [],
  describe: (c) => `司龄≥${c.minYears}年`,
  describeEn: (c) => `At least ${years(c.minYears)} of service`,
  valueKind: () => 'years',
};
