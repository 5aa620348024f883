// The records behind one person's result on one criterion: which quarters, ratings and
// activities were counted, and which fell outside the window. Each kind explains itself.

import type { ScreeningData } from './data.ts';
import type { ExplainedRecord } from './criteria/common.ts';
import { kindOf, type Criterion } from './criteria/kinds.ts';

export type { ExplainedRecord } from './criteria/common.ts';

export function explain(data: ScreeningData, c: Criterion, e: number, asOf: string): ExplainedRecord[] {
  return kindOf(c).explain(data, c, e, asOf).sort((a, b) => (a.when < b.when ? 1 : a.when > b.when ? -1 : 0));
}
