// An employee's records and exports of the people list, from the held facts. Both apply the
// signed-in user's department scope as the store gives it, whatever the page asks for.

import { selectRows, type StringColumn } from '../../../../../shared/domain/facts/columns.ts';
import { datasetCsv, datasetWorkbook } from '../../../../../shared/io/export-dataset.ts';
import { HELD_DATASETS, type HeldDataset, type HeldFacts } from '../../facts/held-facts.ts';
import { departmentLookup } from '../../facts/people-index.ts';
import { exportableIds, viewerScope } from '../../records/scope.ts';
import { currentDataset } from '../../facts/import-store.ts';
import type { CallIo } from '../rpc.ts';

export type EmployeeRecords = Record<Exclude<HeldDataset, 'roster'>, Record<string, string | number | null>[]>;

export interface TopicTheme {
  theme: string;
  /** How many people asked for it in the needs survey, and from which departments. */
  asked: number;
  departments: string[];
}

export function recordHandlers(facts: HeldFacts) {
  return {
    /** The topic list's themes proposed from the imported training-needs survey (需求主题), most asked first. */
    async topicThemes({ dbName }: { dbName: string }): Promise<TopicTheme[]> {
      await facts.ensure(dbName);
      const needs = await currentDataset(facts.db, 'needs');
      const topics = (needs.columns.topic ?? []) as StringColumn;
      const departments = (needs.columns.department ?? []) as StringColumn;
      const by = new Map<string, { asked: number; departments: Set<string> }>();
      for (let i = 0; i < needs.length; i++) {
        const theme = topics[i]?.trim();
        if (!theme) continue;
        const entry = by.get(theme) ?? { asked: 0, departments: new Set<string>() };
        entry.asked++;
        if (departments[i]) entry.departments.add(departments[i]!);
        by.set(theme, entry);
      }
      return [...by].map(([theme, v]) => ({ theme, asked: v.asked, departments: [...v.departments].sort((a, b) => a.localeCompare(b, 'zh-CN')) })).sort((a, b) => b.asked - a.asked || a.theme.localeCompare(b.theme, 'zh-CN'));
    },
    /** One employee's performance, ratings, activities and certificates; null outside the viewer's scope. */
    async employeeRecords({ dbName, userId, employeeId }: { dbName: string; userId: string; employeeId: string }): Promise<EmployeeRecords | null> {
      await facts.ensure(dbName);
      const scope = await viewerScope(facts.db, userId);
      if (scope !== null && departmentLookup(facts.datasets.roster)(employeeId) !== scope) return null;
      const out = {} as EmployeeRecords;
      for (const d of HELD_DATASETS) if (d !== 'roster') out[d] = facts.rowsOf(d, employeeId);
      return out;
    },
    /** The roster rows of these employees, in this order, as .xlsx or CSV (the roster's columns, ready to re-import). */
    async exportRoster({ dbName, userId, employeeIds, format }: { dbName: string; userId: string; employeeIds: string[]; format: 'xlsx' | 'csv' }, io: CallIo) {
      await facts.ensure(dbName);
      const set = facts.datasets.roster;
      const ids = set.columns.employeeId as StringColumn;
      const rowOf = new Map<string, number>();
      ids.forEach((id, row) => id !== null && rowOf.set(id, row));
      const allowed = await exportableIds(facts.db, userId, employeeIds, departmentLookup(set));
      const rows = allowed.flatMap((id) => (rowOf.has(id) ? [rowOf.get(id)!] : []));
      const subset = selectRows(set, rows);
      const bytes = format === 'csv' ? datasetCsv(subset) : datasetWorkbook(subset);
      io.transfer(bytes.buffer);
      return { bytes, rows: rows.length };
    },
  };
}
