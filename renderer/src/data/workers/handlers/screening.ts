// Screening queries on the held facts: the snapshot is built once per data load, then
// evaluations answer in milliseconds as the officer moves sliders. Every view is narrowed to
// the department scope the store gives the signed-in user.

import { dayNumber, type ScreeningData } from '../../../../../shared/domain/screening/data.ts';
import type { Evaluation, View } from '../../../../../shared/domain/screening/engine.ts';
import { explain } from '../../../../../shared/domain/screening/explain.ts';
import type { Profile } from '../../../../../shared/domain/screening/profile.ts';
import { buildReport, partsShowing, personRow, reportRows, type ResultList, type ResultPart } from '../../../../../shared/domain/screening/report.ts';
import { screeningWorkbook } from '../../../../../shared/io/screening-export.ts';
import type { HeldFacts } from '../../facts/held-facts.ts';
import { scopedView, viewerScope } from '../../records/scope.ts';
import type { CallIo } from '../rpc.ts';
import { FIRST_PAGE, type FreshnessWarning, type SnapshotInfo } from '../screening-protocol.ts';

interface Query {
  profile: Profile;
  asOf: string;
  view: View;
}

export function screeningHandlers(facts: HeldFacts) {
  let scope: string | null = null;
  let rosterAt: string | null = null;
  let performanceAt: string | null = null;
  /** The latest evaluation, whose lists the screen pages through. */
  let latest: { evaluation: number; ev: Evaluation } | null = null;
  let evaluations = 0;
  // Warnings depend only on the snapshot and the as-of date: a slider step reuses them.
  let lastWarnings: { data: ScreeningData; asOf: string; inView: Uint8Array; warnings: FreshnessWarning[] } | null = null;

  const snapshot = () => facts.screeningSnapshot();
  const evaluate = (q: Query) => snapshot().screener.evaluate(q.profile, q.asOf, scopedView(scope, q.view));

  /** Warnings that depend on the evaluation: criteria with no data at all for anyone in view. */
  function criterionWarnings(ev: Evaluation): FreshnessWarning[] {
    const out: FreshnessWarning[] = [];
    for (const o of ev.outcomes) {
      let any = false;
      for (let e = 0; e < o.value.length && !any; e++) if (ev.inView[e] && ev.active[e] && !Number.isNaN(o.value[e])) any = true;
      if (!any) out.push({ code: 'criterionNoData', criterion: o.id });
    }
    return out;
  }

  function warnings(data: ScreeningData, asOf: string, inView: Uint8Array): FreshnessWarning[] {
    if (lastWarnings?.data === data && lastWarnings.asOf === asOf && lastWarnings.inView === inView) return lastWarnings.warnings;
    const out: FreshnessWarning[] = [];
    if (!data.latestPerformanceEnd) out.push({ code: 'noPerformance' });
    else if (data.latestPerformanceEnd < asOf) out.push({ code: 'performanceOld', latest: data.latestPerformanceEnd, asOf });
    const d = dayNumber(asOf);
    let stale = 0;
    // Counted within the viewer's view: a department head sees their department's count.
    for (let e = 0; e < data.n; e++) if (inView[e] && (data.status[e] === 'active' || data.status[e] === null) && data.leaveDay[e] !== -2147483648 && data.leaveDay[e] <= d) stale++;
    if (stale) out.push({ code: 'staleStatus', count: stale });
    // The roster should be at least as fresh as the performance data it is screened with.
    if (rosterAt && performanceAt && Date.parse(performanceAt) - Date.parse(rosterAt) > 30 * 86_400_000) out.push({ code: 'rosterOld', rosterAt, performanceAt });
    lastWarnings = { data, asOf, inView, warnings: out };
    return out;
  }

  return {
    /** Loads (or reuses) the held facts and the snapshot; the user's scope is read from the store. */
    async screeningLoad({ dbName, userId }: { dbName: string; userId: string }): Promise<{ info: SnapshotInfo; ms: number }> {
      const t0 = performance.now();
      await facts.ensure(dbName);
      scope = await viewerScope(facts.db, userId);
      const latestOf = (dataset: string) => facts.batches.filter((b) => b.dataset === dataset).map((b) => b.createdAt).sort().at(-1) ?? null;
      rosterAt = latestOf('roster');
      performanceAt = latestOf('performance');
      const { data } = snapshot();
      const certs = new Set<string>();
      for (const s of data.certificates) for (const c of s) certs.add(c);
      return {
        ms: performance.now() - t0,
        info: { employees: data.n, latestPerformanceEnd: data.latestPerformanceEnd, departments: data.department.labels.filter(Boolean).sort((a, b) => a.localeCompare(b, 'zh-CN')), plants: data.plant.labels.filter(Boolean).sort((a, b) => a.localeCompare(b, 'zh-CN')), dimensions: data.ratings.dimensions, activityTypes: data.activities.types, certificates: [...certs].sort(), batches: facts.batches.map((b) => b.id).sort() },
      };
    },
    /** `shown`: the part of the result on screen, the only one the reply carries besides the counts (every part when absent). */
    screeningEvaluate(q: Query & { shown?: ResultPart }) {
      const t0 = performance.now();
      const ev = evaluate(q);
      const { data } = snapshot();
      const report = buildReport(data, ev, FIRST_PAGE, q.shown ? partsShowing(q.shown) : undefined);
      latest = { evaluation: ++evaluations, ev };
      return { evaluation: latest.evaluation, report, warnings: [...warnings(data, q.asOf, ev.inView), ...criterionWarnings(ev)], ms: performance.now() - t0 };
    },
    /** More rows of the latest evaluation's lists; null when a newer evaluation replaced it. */
    screeningRows({ evaluation, list, from, to }: { evaluation: number; list: ResultList; from: number; to: number }) {
      return latest && latest.evaluation === evaluation ? reportRows(snapshot().data, latest.ev, list, from, to) : null;
    },
    /** The whole result, every row: for saving a run. */
    screeningReport(q: Query) {
      return buildReport(snapshot().data, evaluate(q));
    },
    screeningExplain(q: Query & { employeeId: string }) {
      const { data } = snapshot();
      const e = data.rowOf.get(q.employeeId);
      if (e === undefined) throw new Error(`unknown employee ${q.employeeId}`);
      const ev = evaluate(q);
      // A department head explains only people of their own department.
      if (!ev.inView[e]) throw new Error(`employee ${q.employeeId} is outside this view`);
      return { employeeId: q.employeeId, name: data.names[e], cells: personRow(data, ev, e).criteria, criteria: q.profile.criteria.map((c) => ({ id: c.id, records: explain(data, c, e, q.asOf) })) };
    },
    screeningExport(q: Query, io: CallIo) {
      const bytes = screeningWorkbook(q.profile, buildReport(snapshot().data, evaluate(q)));
      io.transfer(bytes.buffer);
      return bytes;
    },
  };
}
