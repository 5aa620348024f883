// Messages between the screening screen and its worker.

import type { ExplainedRecord } from '../../../shared/domain/screening/explain.ts';
import type { View } from '../../../shared/domain/screening/engine.ts';
import type { Profile } from '../../../shared/domain/screening/profile.ts';
import type { ScreeningReport } from '../../../shared/domain/screening/report.ts';

export type FreshnessWarning =
  | { code: 'performanceOld'; latest: string; asOf: string }
  | { code: 'noPerformance' }
  | { code: 'staleStatus'; count: number }
  | { code: 'rosterOld'; rosterAt: string; performanceAt: string };

export interface SnapshotInfo {
  employees: number;
  latestPerformanceEnd: string | null;
  departments: string[];
  dimensions: string[];
  activityTypes: string[];
  certificates: string[];
  batches: string[];
}

export type ScreeningRequest =
  | { type: 'load'; id: number; dbName: string }
  | { type: 'evaluate'; id: number; profile: Profile; asOf: string; view: View }
  | { type: 'explain'; id: number; profile: Profile; asOf: string; employeeId: string }
  | { type: 'export'; id: number; profile: Profile; asOf: string; view: View };

export type ScreeningResponse =
  | { type: 'loaded'; id: number; info: SnapshotInfo; ms: number }
  | { type: 'evaluated'; id: number; report: ScreeningReport; warnings: FreshnessWarning[]; ms: number }
  | { type: 'explained'; id: number; employeeId: string; name: string; criteria: { id: string; records: ExplainedRecord[] }[] }
  | { type: 'file'; id: number; bytes: Uint8Array }
  | { type: 'error'; id: number; message: string };
