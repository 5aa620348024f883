// The screening session of one screen: its worker, the data snapshot it holds, the profile and
// as-of date being tried, the newest evaluation, and the explanation asked for. Slider steps the
// worker cannot keep up with are skipped; late replies are dropped. The newest evaluation is
// held in a store of its own (ResultSource): the parts that show it subscribe to it, so a slider
// step's result re-renders them and not the whole screen.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { createStore, useStore, type StoreApi } from 'zustand';
import type { View } from '../../../../shared/domain/screening/engine.ts';
import { SEED_PROFILE, type Profile } from '../../../../shared/domain/screening/profile.ts';
import { partsShowing, type CriterionCell, type ResultPart, type ScreeningReport } from '../../../../shared/domain/screening/report.ts';
import type { ExplainedRecord } from '../../../../shared/domain/screening/criteria/common.ts';
import { databaseName, ScreeningSession, useFactModel, type FreshnessWarning, type SnapshotInfo } from '../../data/index.ts';
import { today } from './format.ts';
import type { FetchRows } from './result-tables.tsx';

export interface ScreeningResult {
  evaluation: number;
  report: ScreeningReport;
  warnings: FreshnessWarning[];
  ms: number;
  profile: Profile;
  asOf: string;
}

export interface Explained {
  employeeId: string;
  name: string;
  cells: CriterionCell[];
  criteria: { id: string; records: ExplainedRecord[] }[];
}

/** The newest evaluation of a screen, in a store of its own for the panels that show it to subscribe to. */
export type ResultSource = StoreApi<{ result: ScreeningResult | null }>;
export const createResultSource = (): ResultSource => createStore(() => ({ result: null }));

/** A part of the newest evaluation; the component re-renders when that part changes. */
export function useResult<T>(source: ResultSource, select: (result: ScreeningResult | null) => T): T {
  return useStore(source, (s) => select(s.result));
}

type Query = { profile: Profile; asOf: string | null; view: View; info: SnapshotInfo | null };

export function useScreening(userId: string, view: View, rememberedAsOf?: string) {
  const model = useFactModel();
  const session = useRef<ScreeningSession | null>(null);
  const [info, setInfo] = useState<SnapshotInfo | null>(null);
  const [profile, setProfile] = useState<Profile>(SEED_PROFILE);
  const [asOf, setAsOf] = useState<string | null>(null);
  const [results] = useState(createResultSource);
  const [explained, setExplained] = useState<Explained | null>(null);
  const latest = useRef(0);
  const batchKey = model.batches.map((b) => b.id).join(',');
  const batches = useMemo(() => (batchKey ? batchKey.split(',') : []), [batchKey]);

  useEffect(() => {
    const s = new ScreeningSession();
    session.current = s;
    return () => s.close();
  }, []);

  // Rebuild the snapshot whenever the stored facts change; the worker reads the user's scope from the store.
  useEffect(() => {
    const s = session.current;
    if (!s || model.version === 0) return;
    let stale = false;
    void s.load(databaseName(), userId).then((r) => {
      if (stale) return;
      setInfo(r.info);
      setAsOf((current) => current ?? rememberedAsOf ?? r.info.latestPerformanceEnd ?? today());
    });
    return () => {
      stale = true;
    };
  }, [batchKey, model.version, userId, rememberedAsOf]);

  // The explanation asks about the profile on screen at the moment of the click. Read through a
  // ref, so the callback stays the same across slider steps and the memoised results panel is not
  // re-rendered by the input event (only by the evaluation it waits for).
  const current = useRef({ profile, asOf, view, info });
  current.current = { profile, asOf, view, info };

  // The part of the result on screen (the candidates at first): an evaluation's reply carries
  // only that part besides the counts. A list shown next fetches its rows; the distributions or
  // the counts per department are asked for again (the engine answers from its caches).
  const shown = useRef<ResultPart>('candidates');

  /** Asks the worker for this query's evaluation, once per query; the newest answer is shown. */
  const asked = useRef<Query | null>(null);
  const evaluate = useCallback((q: Query) => {
    const s = session.current;
    const { profile: p, asOf: d, view: v, info: i } = q;
    if (!s || !i || !d || !/^\d{4}-\d{2}-\d{2}$/.test(d)) return;
    const a = asked.current;
    if (a && a.profile === p && a.asOf === d && a.view === v && a.info === i) return;
    asked.current = q;
    const ticket = ++latest.current;
    void s.evaluateLatest({ profile: p, asOf: d, view: v, shown: shown.current }).then((r) => {
      // Rendered in the task that brought the reply: left to React's scheduler, the render
      // would wait for a task of its own, and a frame could be painted in between.
      if (!r || ticket !== latest.current) return;
      flushSync(() => results.setState({ result: { evaluation: r.evaluation, report: r.report, warnings: r.warnings, ms: r.ms, profile: p, asOf: d } }));
    });
  }, [results]);
  useEffect(() => evaluate({ profile, asOf, view, info }), [evaluate, info, profile, asOf, view]);
  const show = useCallback(
    (part: ResultPart) => {
      shown.current = part;
      // A list's rows are fetched by its table; any other part comes with an evaluation.
      if (partsShowing(part).lists.length) return;
      asked.current = null;
      evaluate(current.current);
    },
    [evaluate],
  );

  // An edit asks from the input event itself: the worker evaluates while React renders the
  // edited profile, instead of after it (a slider step is shorter by that render). The effect
  // above then finds the query asked already.
  const changeProfile = useCallback(
    (change: Profile | ((current: Profile) => Profile)) => {
      // The ref holds the newest profile, also between two edits before the next render.
      const next = typeof change === 'function' ? change(current.current.profile) : change;
      current.current = { ...current.current, profile: next };
      setProfile(next);
      evaluate(current.current);
    },
    [evaluate],
  );
  const explainPerson = useCallback(async (employeeId: string) => {
    const { profile: p, asOf: d, view: v } = current.current;
    if (!session.current || !d) return;
    setExplained(await session.current.explain({ profile: p, asOf: d, view: v, employeeId }));
  }, []);

  const fetchRows = useCallback<FetchRows>(async (evaluation, list, from, to) => (session.current ? session.current.rows({ evaluation, list, from, to }) : null), []);

  /** The whole result lists of the evaluated profile (a saved run keeps every row, not a page). */
  const fullReport = useCallback(async (): Promise<ScreeningReport> => {
    const { result } = results.getState();
    if (!session.current || !result) throw new Error('nothing evaluated');
    return session.current.report({ profile: result.profile, asOf: result.asOf, view });
  }, [results, view]);

  /** The result as an Excel workbook, built in the worker. */
  const exportWorkbook = useCallback(async (): Promise<Uint8Array> => {
    if (!session.current || !asOf) throw new Error('nothing evaluated');
    return session.current.exportWorkbook({ profile, asOf, view });
  }, [profile, asOf, view]);

  return { model, info, profile, setProfile: changeProfile, asOf, setAsOf, results, show, explained, setExplained, explainPerson, fetchRows, fullReport, exportWorkbook, batches };
}
