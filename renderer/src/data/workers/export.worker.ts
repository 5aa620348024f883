// Writes part of a dataset (the people an officer has filtered) as .xlsx or CSV off the UI
// thread: 100,000 rows take seconds to lay out as a workbook.

import { selectRows, type StringColumn } from '../../../../shared/domain/facts/columns.ts';
import { datasetCsv, datasetWorkbook } from '../../../../shared/io/export-dataset.ts';
import { XinhuoDb } from '../db/db.ts';
import { currentDataset } from '../facts/import-store.ts';
import { departmentLookup } from '../facts/people-index.ts';
import { exportableIds } from '../records/scope.ts';
import type { ExportRequest, ExportResponse } from './export-client.ts';

self.onmessage = async (event: MessageEvent<ExportRequest>) => {
  const req = event.data;
  const reply = (m: ExportResponse, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);
  try {
    const db = new XinhuoDb(req.dbName);
    const set = await currentDataset(db, req.dataset);
    const ids = set.columns.employeeId as StringColumn;
    const rowOf = new Map<string, number>();
    ids.forEach((id, row) => id !== null && rowOf.set(id, row));
    // A department head's export holds their department only, whatever ids the page sent.
    const roster = req.dataset === 'roster' ? set : await currentDataset(db, 'roster');
    const departmentOf = departmentLookup(roster);
    const allowed = await exportableIds(db, req.userId, req.employeeIds, departmentOf);
    db.close();
    const rows = allowed.flatMap((id) => (rowOf.has(id) ? [rowOf.get(id)!] : []));
    const subset = selectRows(set, rows);
    const bytes = req.format === 'csv' ? datasetCsv(subset) : datasetWorkbook(subset);
    reply({ type: 'file', bytes, rows: rows.length }, [bytes.buffer]);
  } catch (e) {
    reply({ type: 'error', message: (e as Error).message });
  }
};
