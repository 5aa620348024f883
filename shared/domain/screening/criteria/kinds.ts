// The criterion kinds, registered in one place. Adding a kind: its file beside these, one line
// here, and its editor in the screening feature's criteria/ folder.

import { z } from 'zod';
import { activityCountKind, activityCountSchema } from './activity-count.ts';
import { certificateKind, certificateSchema } from './certificate.ts';
import { formatCriterionThreshold, formatCriterionValue, type CriterionKind, type ValueKind } from './common.ts';
import { organisationKind, organisationSchema } from './organisation.ts';
import { percentileKind, percentileSchema } from './percentile.ts';
import { tenureKind, tenureSchema } from './tenure.ts';
import { thresholdKind, thresholdSchema } from './threshold.ts';

export const criterionSchema = z.discriminatedUnion('kind', [percentileSchema, thresholdSchema, activityCountSchema, certificateSchema, tenureSchema, organisationSchema]);
export type Criterion = z.output<typeof criterionSchema>;
export type CriterionKindName = Criterion['kind'];

export const CRITERION_KINDS: { [K in CriterionKindName]: CriterionKind<Extract<Criterion, { kind: K }>> } = {
  percentile: percentileKind,
  threshold: thresholdKind,
  activityCount: activityCountKind,
  certificate: certificateKind,
  tenure: tenureKind,
  organisation: organisationKind,
};

/** The registered kind of a criterion, typed to it. */
export function kindOf<C extends Criterion>(c: C): CriterionKind<C> {
  return CRITERION_KINDS[c.kind] as unknown as CriterionKind<C>;
}

/** What a criterion's values are (percentage, number, count …), from its kind and data source. */
export const valueKindOf = (c: Criterion): ValueKind => kindOf(c).valueKind(c);

/** A criterion's value as the badge, the drawer and the export show it: 30.6%, 4.27, 6. */
export const criterionValueText = (c: Criterion, v: number): string => formatCriterionValue(valueKindOf(c), v);
/** A criterion's threshold as it was set: ≥20%, ≥4.5. */
export const criterionThresholdText = (c: Criterion, v: number): string => formatCriterionThreshold(valueKindOf(c), v);
