// Holds any of the listed certificates (from the certificates dataset or the roster's list).

import { z } from 'zod';
import { idField, labelField, type CriterionKind } from './common.ts';

export const certificateSchema = z.object({ id: idField, kind: z.literal('certificate'), label: labelField, anyOf: z.array(z.string().min(1)).min(1) });
export type CertificateCriterion = z.output<typeof certificateSchema>;

export const certificateKind: CriterionKind<CertificateCriterion> = {
  kind: 'certificate',
  schema: certificateSchema,
  evaluate(screener, c) {
    const { data } = screener;
    const passed = new Uint8Array(data.n);
    const value = new Float64Array(data.n);
    for (let e = 0; e < data.n; e++) {
      const has = c.anyOf.some((x) => data.certificates[e].has(x));
      value[e] = has ? 1 : 0;
      passed[e] = has ? 1 : 0;
    }
    return { id: c.id, kind: c.kind, passed, value, threshold: c.anyOf.join('、') };
  },
  explain: (data, c, e) => [...data.certificates[e]].map((cert) => ({ when: '', what: cert, value: '', counted: c.anyOf.includes(cert) })),
  describe: (c) => `持有证书：${c.anyOf.join('或')}`,
  describeEn: (c) => `Holds a certificate: ${c.anyOf.join(' or ')}`,
  valueKind: () => 'flag',
};
