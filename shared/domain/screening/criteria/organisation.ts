// In (or not in) a list of plants, departments or positions.

import { z } from 'zod';
import { idField, labelField, type CriterionKind } from './common.ts';

export const organisationSchema = z.object({ id: idField, kind: z.literal('organisation'), label: labelField, field: z.enum(['plant', 'department', 'position']), op: z.enum(['in', 'notIn']), values: z.array(z.string()).min(1) });
export type OrganisationCriterion = z.output<typeof organisationSchema>;

const FIELD_ZH = { plant: '厂区', department: '部门', position: '岗位' } as const;
const FIELD_EN = { plant: 'Plant', department: 'Department', position: 'Position' } as const;

export const organisationKind: CriterionKind<OrganisationCriterion> = {
  kind: 'organisation',
  schema: organisationSchema,
  evaluate(screener, c) {
    const { data } = screener;
    const n = data.n;
    const passed = new Uint8Array(n);
    const codes = data[c.field];
    const set = new Set(c.values);
    const inList = codes.labels.map((l) => set.has(l));
    const value = new Float64Array(n);
    for (let e = 0; e < n; e++) {
      const member = inList[codes.codes[e]];
      value[e] = member ? 1 : 0;
      passed[e] = (c.op === 'in') === member ? 1 : 0;
    }
    return { id: c.id, kind: c.kind, passed, value, threshold: c.values.join('、') };
  },
  explain: () => [],
  describe: (c) => `${FIELD_ZH[c.field]}${c.op === 'in' ? '属于' : '不属于'}：${c.values.join('、')}`,
  describeEn: (c) => `${FIELD_EN[c.field]} ${c.op === 'in' ? 'is one of' : 'is not one of'}: ${c.values.join(', ')}`,
  valueKind: () => 'flag',
};
