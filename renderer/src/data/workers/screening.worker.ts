// Screening off the UI thread: the worker builds the snapshot from the stored facts once,
// then answers evaluations in milliseconds as the officer moves sliders.

import { buildScreeningData, dayNumber, type ScreeningData } from '../../../../shared/domain/screening/data.ts';
import { Screener, type Evaluation } from '../../../../shared/domain/screening/engine.ts';
import { explain } from '../../../../shared/domain/screening/explain.ts';
import { buildReport, personRow, reportRows } from '../../../../shared/domain/screening/report.ts';
import { screeningWorkbook } from '../../../../shared/io/screening-export.ts';
import { XinhuoDb } from '../db/db.ts';
import { liveBatches } from '../facts/fact-store.ts';
import { currentDataset } from '../facts/import-store.ts';
import { scopedView, viewerScope } from '../records/scope.ts';
import { FIRST_PAGE, type FreshnessWarning, type ScreeningRequest, type ScreeningResponse } from './screening-protocol.ts';

let screener: Screener | null = null;
/** The signed-in user's department scope, looked up in the store at load. */
let scope: string | null = null;
let rosterAt: string | null = null;
let performanceAt: string | null = null;
/** The latest evaluation, whose lists the screen pages through. */
let latest: { evaluation: number; ev: Evaluation } | null = null;
let evaluations = 0;

const reply = (m: ScreeningResponse, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

// Warnings depend only on the snapshot and the as-of date, not on the profile: a slider step
// reuses them instead of walking the roster again.
let lastWarnings: { data: ScreeningData; asOf: string; warnings: FreshnessWarning[] } | null = null;

function warnings(data: ScreeningData, asOf: string): FreshnessWarning[] {
  if (lastWarnings?.data === data && lastWarnings.asOf === asOf) return lastWarnings.warnings;
  const out: FreshnessWarning[] = [];
  if (!data.latestPerformanceEnd) out.push({ code: 'noPerformance' });
  else if (data.latestPerformanceEnd < asOf) out.push({ code: 'performanceOld', latest: data.latestPerformanceEnd, asOf });
  const d = dayNumber(asOf);
  let stale = 0;
  for (let e = 0; e < data.n; e++) if ((data.status[e] === 'active' || data.status[e] === null) && data.leaveDay[e] !== -2147483648 && data.leaveDay[e] <= d) stale++;
  if (stale) out.push({ code: 'staleStatus', count: stale });
  // The roster should be at least as fresh as the performance data it is screened with.
  if (rosterAt && performanceAt && Date.parse(performanceAt) - Date.parse(rosterAt) > 30 * 86_400_000) out.push({ code: 'rosterOld', rosterAt, performanceAt });
  lastWarnings = { data, asOf, warnings: out };
  return out;
}

async function handle(req: ScreeningRequest): Promise<void> {
  switch (req.type) {
    case 'load': {
      const t0 = performance.now();
      const db = new XinhuoDb(req.dbName);
      scope = await viewerScope(db, req.userId);
      const [roster, perf, ratings, activities, certificates, batches] = await Promise.all([currentDataset(db, 'roster'), currentDataset(db, 'performance'), currentDataset(db, 'ratings'), currentDataset(db, 'activities'), currentDataset(db, 'certificates'), liveBatches(db)]);
      db.close();
      const latest = (dataset: string) => batches.filter((b) => b.dataset === dataset).map((b) => b.createdAt).sort().at(-1) ?? null;
      rosterAt = latest('roster');
      performanceAt = latest('performance');
      const data = buildScreeningData({ roster, performance: perf, ratings, activities, certificates });
      screener = new Screener(data);
      const certs = new Set<string>();
      for (const s of data.certificates) for (const c of s) certs.add(c);
      reply({
        type: 'loaded',
        id: req.id,
        ms: performance.now() - t0,
        info: { employees: data.n, latestPerformanceEnd: data.latestPerformanceEnd, departments: data.department.labels.filter(Boolean).sort((a, b) => a.localeCompare(b, 'zh-CN')), dimensions: data.ratings.dimensions, activityTypes: data.activities.types, certificates: [...certs].sort(), batches: batches.map((b) => b.id).sort() },
      });
      return;
    }
    case 'evaluate': {
      if (!screener) throw new Error('not loaded');
      const t0 = performance.now();
      const ev = screener.evaluate(req.profile, req.asOf, scopedView(scope, req.view));
      const report = buildReport(screener.data, ev, FIRST_PAGE);
      latest = { evaluation: ++evaluations, ev };
      reply({ type: 'evaluated', id: req.id, evaluation: latest.evaluation, report, warnings: warnings(screener.data, req.asOf), ms: performance.now() - t0 });
      return;
    }
    case 'rows': {
      if (!screener) throw new Error('not loaded');
      const rows = latest && latest.evaluation === req.evaluation ? reportRows(screener.data, latest.ev, req.list, req.from, req.to) : null;
      reply({ type: 'rows', id: req.id, rows });
      return;
    }
    case 'report': {
      if (!screener) throw new Error('not loaded');
      reply({ type: 'report', id: req.id, report: buildReport(screener.data, screener.evaluate(req.profile, req.asOf, scopedView(scope, req.view))) });
      return;
    }
    case 'explain': {
      if (!screener) throw new Error('not loaded');
      const e = screener.data.rowOf.get(req.employeeId);
      if (e === undefined) throw new Error(`unknown employee ${req.employeeId}`);
      const data = screener.data;
      const ev = screener.evaluate(req.profile, req.asOf, scopedView(scope, req.view));
      // A department head explains only people of their own department.
      if (!ev.inView[e]) throw new Error(`employee ${req.employeeId} is outside this view`);
      reply({ type: 'explained', id: req.id, employeeId: req.employeeId, name: data.names[e], cells: personRow(data, ev, e).criteria, criteria: req.profile.criteria.map((c) => ({ id: c.id, records: explain(data, c, e, req.asOf) })) });
      return;
    }
    case 'export': {
      if (!screener) throw new Error('not loaded');
      const report = buildReport(screener.data, screener.evaluate(req.profile, req.asOf, scopedView(scope, req.view)));
      const bytes = screeningWorkbook(req.profile, report);
      reply({ type: 'file', id: req.id, bytes }, [bytes.buffer]);
      return;
    }
  }
}

self.onmessage = (event: MessageEvent<ScreeningRequest>) => {
  handle(event.data).catch((e: unknown) => reply({ type: 'error', id: event.data.id, message: (e as Error).message }));
};
