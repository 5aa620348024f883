// Messages between the import wizard and its worker.

import type { FieldChange, ImportMode, ImportPlan } from '../../../../shared/domain/facts/plan.ts';
import type { AnalyseOptions, Analysis, PreviewRow } from '../../../../shared/io/analyse.ts';
import type { FileFormat, TextEncoding } from '../../../../shared/io/read-file.ts';
import type { IoMessageCode } from '../../../../shared/io/messages.ts';
import type { SheetInfo } from '../../../../shared/io/sheet.ts';
import type { Actor } from '../db/types.ts';

export type WizardOptions = Omit<AnalyseOptions, 'onProgress' | 'isCancelled'>;

export type ImportRequest =
  | { type: 'open'; id: number; dbName: string; bytes: Uint8Array; fileName: string; encoding?: TextEncoding }
  | { type: 'analyse'; id: number; options: WizardOptions }
  | { type: 'rows'; id: number; from: number; to: number }
  | { type: 'plan'; id: number; mode: ImportMode }
  | { type: 'commit'; id: number; actor: Actor }
  | { type: 'errorReport'; id: number };

/** An analysis without its rows: what the wizard shows; rows come page by page. */
export type AnalysisSummary = Omit<Analysis, 'ok' | 'set' | 'rowNumbers' | 'preview' | 'grid'> & {
  previewRows: number;
  errorRows: number;
  issueCount: number;
  /** The periods the valid rows belong to (datasets with periods). */
  periods: string[];
  /** The plants (厂区) the file's rows name, at most ten. */
  plants?: string[];
  /** This installation's plant name; null at head office. A file naming another plant is worth a question. */
  installationPlant?: string | null;
};

export interface DuplicateOf {
  id: string;
  fileName: string;
  createdAt: string;
  userName: string;
}

export type ImportResponse =
  | { type: 'opened'; id: number; sha256: string; format: FileFormat; encoding: TextEncoding | null; sheets: SheetInfo[]; duplicateOf: DuplicateOf | null }
  | { type: 'failed'; id: number; code: IoMessageCode; params: Record<string, string | number>; detail?: string; headers?: string[]; headerRow?: number; sheets?: SheetInfo[] }
  | { type: 'analysed'; id: number; summary: AnalysisSummary }
  | { type: 'rows'; id: number; rows: PreviewRow[] }
  | { type: 'planned'; id: number; counts: ImportPlan['counts']; changes: FieldChange[]; changesByField: Record<string, number>; periods: string[]; absent: string[]; invalidRows: number[] }
  | { type: 'committed'; id: number; batchId: string; counts: ImportPlan['counts'] }
  | { type: 'file'; id: number; bytes: Uint8Array };
