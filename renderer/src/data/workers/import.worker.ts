// The import session off the UI thread: it keeps the parsed workbook and the latest
// analysis, hands the UI summaries and pages of rows, plans the batch against the stored
// data and writes it. Nothing large crosses to the UI thread.

import { rowAt } from '../../../../shared/domain/facts/columns.ts';
import { planImport, withInvalidRows, type ImportMode, type ImportPlan } from '../../../../shared/domain/facts/plan.ts';
import { analyseWorkbook, invalidRows, locateHeader, previewRows, type Analysis, type AnalyseOptions, type Issue } from '../../../../shared/io/analyse.ts';
import { headerSignature, mappingToHeaders } from '../../../../shared/io/mapping.ts';
import { columnLetter, errorReportWorkbook } from '../../../../shared/io/export-dataset.ts';
import { readWorkbook, type TextEncoding, type WorkbookRead } from '../../../../shared/io/read-file.ts';
import { listSheets } from '../../../../shared/io/sheet.ts';
import { XinhuoDb } from '../db/db.ts';
import { commitImport, currentDataset, datasetBasis, findBatchByHash, savedMappings } from '../facts/import-store.ts';
import { liveBatches } from '../facts/fact-store.ts';
import type { Actor } from '../db/types.ts';
import { getInstallation } from '../records/installation.ts';
import type { ImportRequest, ImportResponse, AnalysisSummary } from './import-protocol.ts';
import { serve, type CallIo, type PortLike } from './rpc.ts';

let bytes: Uint8Array | null = null;
let fileName = '';
let sha256 = '';
let read: WorkbookRead | null = null;
let analysis: Analysis | null = null;
let plan: ImportPlan | null = null;
/** The dataset's live batches when the plan was made; the commit refuses if they changed. */
let basis: string | undefined;
let db: XinhuoDb | null = null;


async function hashOf(data: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The periods the file's rows belong to, for naming them in the replace-a-period choice. */
function periodsOf(a: Analysis): string[] {
  const col = a.set.columns.period;
  if (!col || col instanceof Float64Array) return [];
  return [...new Set(col.filter((p): p is string => p !== null))].sort();
}

function summarise(a: Analysis, extra: Issue[], installationPlant: string | null): AnalysisSummary {
  const plantColumn = a.set.columns.plant;
  const plants = plantColumn && !(plantColumn instanceof Float64Array) ? [...new Set(plantColumn.filter((p): p is string => !!p))].slice(0, 10) : [];
  const issues = [...a.issues, ...extra].sort((x, y) => x.row - y.row);
  const errorRows = new Set(issues.filter((i) => i.severity === 'error' && i.row > 0).map((i) => i.row));
  return {
    file: a.file,
    format: a.format,
    encoding: a.encoding,
    sheets: a.sheets,
    sheet: a.sheet,
    headerRow: a.headerRow,
    headers: a.headers,
    dataset: a.dataset,
    mapping: a.mapping,
    missing: a.missing,
    rows: a.rows,
    valid: a.valid,
    hiddenRows: a.hiddenRows,
    previewRows: a.preview.length,
    errorRows: errorRows.size,
    issues: issues.slice(0, 5000),
    issueCount: issues.length,
    periods: periodsOf(a),
    plants,
    installationPlant,
  };
}

/** The roster's names by 工号, kept while the roster's batches stay the same: a fix or an
 *  exclusion re-analyses the file, and must not resolve 100,000 roster rows again each time. */
let rosterCache: { signature: string; names: Map<string, string> } | null = null;
async function rosterNames(db: XinhuoDb): Promise<Map<string, string>> {
  const signature = (await liveBatches(db, 'roster')).map((b) => b.id).sort().join(',');
  if (rosterCache?.signature === signature) return rosterCache.names;
  const roster = await currentDataset(db, 'roster');
  const names = new Map<string, string>();
  const ids = roster.columns.employeeId as (string | null)[];
  const rn = roster.columns.name as (string | null)[];
  for (let i = 0; i < roster.length; i++) if (ids[i] && rn[i]) names.set(ids[i]!, rn[i]!);
  rosterCache = { signature, names };
  return names;
}

/** A 工号 that the roster knows under another name is worth a warning. */
async function nameWarnings(a: Analysis): Promise<Issue[]> {
  if (!db || a.dataset === 'roster' || !('name' in a.set.columns) || !a.mapping.fields.name) return [];
  const names = await rosterNames(db);
  const out: Issue[] = [];
  const source = a.mapping.fields.name;
  const column = source.kind === 'column' ? columnLetter(source.column) : '';
  const seen = new Set<number>();
  for (let i = 0; i < a.set.length; i++) {
    const row = rowAt(a.set, i);
    const existing = names.get(String(row.employeeId));
    if (!existing || !row.name || existing === row.name || seen.has(a.rowNumbers[i])) continue;
    seen.add(a.rowNumbers[i]);
    const params = { id: String(row.employeeId), existing, value: String(row.name) };
    out.push({ severity: 'warning', row: a.rowNumbers[i], column, header: source.header, field: 'name', code: 'nameMismatch', params });
  }
  return out;
}

async function handle(req: ImportRequest, io: CallIo): Promise<ImportResponse> {
  switch (req.type) {
    case 'open': {
      db?.close();
      db = new XinhuoDb(req.dbName);
      bytes = req.bytes;
      fileName = req.fileName;
      analysis = null;
      plan = null;
      sha256 = await hashOf(bytes);
      const result = readWorkbook(bytes, fileName, req.encoding as TextEncoding | undefined);
      if (!result.ok) {
        read = null;
        return { type: 'failed', id: req.id, code: result.code, params: result.params, detail: result.params.detail };
      }
      read = result;
      const duplicate = await findBatchByHash(db, sha256);
      return { type: 'opened', id: req.id, sha256, format: result.format, encoding: result.encoding, sheets: listSheets(result.workbook), duplicateOf: duplicate ? { id: duplicate.id, fileName: duplicate.fileName, createdAt: duplicate.createdAt, userName: duplicate.userName } : null };
    }
    case 'analyse': {
      if (!read || !db) throw new Error('no file open');
      let options: AnalyseOptions = { ...req.options, onProgress: (fraction) => io.progress(fraction) };
      // Reuse the mapping saved for a source with the same headers, unless the user mapped by hand.
      // Find the header first, so a mapping saved for the same headers applies before the rows are read.
      const located = locateHeader(read.workbook, fileName, options);
      if (located.ok && !req.options.mapping) {
        const saved = (await savedMappings(db))[headerSignature(located.header.names)];
        if (saved && (!req.options.dataset || req.options.dataset === saved.dataset)) options = { ...options, dataset: saved.dataset, mapping: saved.fields };
      }
      const result = located.ok ? analyseWorkbook(read.workbook, fileName, read.format, read.encoding, read.date1904, options, located) : located;
      if (!result.ok) {
        analysis = null;
        return { type: 'failed', id: req.id, code: result.code, params: result.params, detail: result.detail, headers: result.headers, headerRow: result.headerRow, sheets: result.sheets };
      }
      analysis = result;
      plan = null;
      return { type: 'analysed', id: req.id, summary: summarise(result, await nameWarnings(result), db ? ((await getInstallation(db))?.plant?.name ?? null) : null) };
    }
    case 'rows': {
      const rows = analysis ? previewRows(analysis, req.from, req.to) : [];
      return { type: 'rows', id: req.id, rows };
    }
    case 'plan': {
      if (!analysis || !db) throw new Error('nothing analysed');
      const bad = invalidRows(analysis);
      basis = await datasetBasis(db, analysis.dataset);
      plan = withInvalidRows(planImport(await currentDataset(db, analysis.dataset), analysis.set, req.mode as ImportMode), bad.length);
      return { type: 'planned', id: req.id, counts: plan.counts, changes: plan.changes, changesByField: plan.changesByField, periods: plan.periods, absent: plan.absent, invalidRows: bad.slice(0, 50) };
    }
    case 'commit': {
      if (!analysis || !plan || !db) throw new Error('nothing planned');
      const record = await commitImport(db, req.actor as Actor, { plan, fileName, sha256, mapping: mappingToHeaders(analysis.mapping), signature: headerSignature(analysis.headers), basis });
      return { type: 'committed', id: req.id, batchId: record.id, counts: plan.counts };
    }
    case 'errorReport': {
      if (!analysis) throw new Error('nothing analysed');
      const out = errorReportWorkbook(analysis.headers, previewRows(analysis), analysis.issues);
      io.transfer(out.buffer);
      return { type: 'file', id: req.id, bytes: out };
    }
  }
}

const handlers = {
  /** One wizard request; its reply is the response of the same type (or 'failed'). */
  request: (req: ImportRequest, io: CallIo) => handle(req, io),
};

export type ImportApi = typeof handlers;

serve(self as unknown as PortLike, handlers);
