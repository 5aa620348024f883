// Messages between the screening screen and its worker.

import type { ExplainedRecord } from '../../../../shared/domain/screening/explain.ts';
import type { View } from '../../../../shared/domain/screening/engine.ts';
import type { Profile } from '../../../../shared/domain/screening/profile.ts';
import type { CriterionCell, ExcludedRow, PersonRow, ResultList, ScreeningReport } from '../../../../shared/domain/screening/report.ts';

export type FreshnessWarning =
  | { code: 'performanceOld'; latest: string; asOf: string }
  | { code: 'noPerformance' }
  | { code: 'staleStatus'; count: number }
  | { code: 'rosterOld'; rosterAt: string; performanceAt: string }
  /** A criterion for which nobody in view has any data in its window: it passes for nobody, and this says why. */
  | { code: 'criterionNoData'; criterion: string };

export interface SnapshotInfo {
  employees: number;
  latestPerformanceEnd: string | null;
  departments: string[];
  /** Plants in the data: more than one at head office, where screening can cover the group or one plant. */
  plants: string[];
  dimensions: string[];
  activityTypes: string[];
  certificates: string[];
  batches: string[];
}

/** Rows of the list on screen in an evaluation's reply: more than a tall screen shows with the
 *  table's overscan, and no more, since every slider step copies them to the page. The rest,
 *  and the other lists, come page by page. */
export const FIRST_PAGE = 32;

export type ScreeningRequest =
  /** userId: the signed-in user, whose department scope the worker applies to every view. */
  | { type: 'load'; id: number; dbName: string; userId: string }
  | { type: 'evaluate'; id: number; profile: Profile; asOf: string; view: View }
  /** More rows of the latest evaluation's lists, as the officer scrolls. */
  | { type: 'rows'; id: number; evaluation: number; list: ResultList; from: number; to: number }
  | { type: 'explain'; id: number; profile: Profile; asOf: string; view: View; employeeId: string }
  /** The whole result, every row: for saving a run. */
  | { type: 'report'; id: number; profile: Profile; asOf: string; view: View }
  | { type: 'export'; id: number; profile: Profile; asOf: string; view: View };

export type ScreeningResponse =
  | { type: 'loaded'; id: number; info: SnapshotInfo; ms: number }
  /** `report` holds the first FIRST_PAGE rows of each list; `evaluation` names it for `rows`. */
  | { type: 'evaluated'; id: number; evaluation: number; report: ScreeningReport; warnings: FreshnessWarning[]; ms: number }
  /** `rows` is null when a newer evaluation has replaced the one asked about. */
  | { type: 'rows'; id: number; rows: PersonRow[] | ExcludedRow[] | null }
  | { type: 'report'; id: number; report: ScreeningReport }
  | { type: 'explained'; id: number; employeeId: string; name: string; cells: CriterionCell[]; criteria: { id: string; records: ExplainedRecord[] }[] }
  | { type: 'file'; id: number; bytes: Uint8Array }
  | { type: 'error'; id: number; message: string };
