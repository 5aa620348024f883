// 培训师筛选: the profile on the left, live results on the right — candidates with a badge
// per criterion, near-misses with the one thing they lack, exclusions, distributions, a
// funnel, per-department counts, the explanation per person, and an Excel export.

import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KNOWLEDGE_SHARING, SEED_PROFILE, type Criterion, type Profile } from '../../../../shared/domain/screening/profile.ts';
import { describeCriterion, type CriterionCell, type ExcludedRow, type Histogram, type PersonRow, type ResultList, type ScreeningReport } from '../../../../shared/domain/screening/report.ts';
import { can, databaseName, departmentScope, handOffRun, saveProfile, saveRun, ScreeningSession, useRecentRuns, useSavedProfiles, useFactModel, type FreshnessWarning, type ScreeningRunRecord, type SnapshotInfo } from '../../data/index.ts';
import { getPlatform } from '../../platform/index.ts';
import { formatDate, formatDateTime, type Language } from '../../i18n/index.ts';
import { useAppStore } from '../../store/index.ts';
import { BarChart, hrefOf, VirtualTable } from '../../ui/index.ts';
import { CriterionEditor } from './criterion-editor.tsx';
import { criterionValueText } from '../../../../shared/domain/screening/criteria/kinds.ts';

type Tab = 'candidates' | 'nearMisses' | 'excluded' | 'distribution' | 'departments';

const today = () => new Date().toISOString().slice(0, 10);
const labelOf = (profile: Profile, id: string) => {
  const c = profile.criteria.find((x) => x.id === id);
  return c ? (c.label ?? describeCriterion(c)) : id;
};

/** A value as its criterion's kind shows it (30.6% for a percentage field), the same in badge, drawer and export. */
function formatValue(c: Criterion | undefined, v: number | null, noData: string): string {
  if (v === null) return noData;
  return c ? criterionValueText(c, v) : String(Math.round(v * 100) / 100);
}

/** A long chart label on two lines, broken before its bracketed part or in the middle. */
function twoLines(label: string): string | string[] {
  if (label.length <= 10) return label;
  const at = label.indexOf('（') > 0 ? label.indexOf('（') : Math.ceil(label.length / 2);
  return [label.slice(0, at), label.slice(at)];
}

/** Where a criterion's threshold falls on its histogram's bars, for the marker line. */
function thresholdMarker(c: Criterion | undefined, h: Histogram, label: (v: string) => string): { at: number; label: string } | undefined {
  const bins = h.bins;
  // A percentile's cut-off is a value only where one value separates passing from failing.
  const value = c?.kind === 'threshold' ? c.value : c?.kind === 'activityCount' ? c.min : c?.kind === 'tenure' ? c.minYears : c?.kind === 'percentile' ? (h.cut ?? null) : null;
  if (value === null || !bins.length) return undefined;
  const width = bins[0].to - bins[0].from || 1;
  return { at: (value - bins[0].from) / width - 0.5, label: label(formatValue(c, value, '')) };
}

function formatThreshold(c: Criterion | undefined, cell: CriterionCell): string {
  if (c?.kind === 'threshold') return `${c.op} ${formatValue(c, c.value, '')}`;
  if (c?.kind === 'activityCount') return `≥ ${c.min}`;
  if (c?.kind === 'tenure') return `≥ ${c.minYears}`;
  return String(cell.threshold);
}

function Badge({ profile, cell }: { profile: Profile; cell: CriterionCell }) {
  const { t } = useTranslation();
  const c = profile.criteria.find((x) => x.id === cell.id);
  const value = formatValue(c, cell.value, t('screening.noDataValue'));
  const detail = cell.rank ? t('screening.rank', { rank: cell.rank, cutoff: cell.cutoff, size: cell.groupSize }) : `${value} ${formatThreshold(c, cell)}`;
  return (
    <span className={`badge ${cell.passed ? 'ok' : 'bad'}`} title={`${labelOf(profile, cell.id)}：${detail}`}>
      {cell.passed ? '✓' : '✗'} {value}
    </span>
  );
}

function missText(profile: Profile, row: PersonRow, noData: string): string {
  return (row.failed ?? [])
    .map((id) => {
      const c = profile.criteria.find((x) => x.id === id);
      const cell = row.criteria.find((x) => x.id === id)!;
      const name = c?.kind === 'threshold' && c.source === 'rating' ? c.metric : labelOf(profile, id);
      if (cell.rank) return `${name}（第${cell.rank}名，前${cell.cutoff}名合格）`;
      const v = formatValue(c, cell.value, noData);
      const th = formatThreshold(c, cell).replace(/^(>=|≥)/, '<').replace(/^>/, '≤');
      return cell.value === null ? `${name} ${noData}` : `${name} ${v} ${th}`;
    })
    .join('、');
}

type FetchRows = (list: ResultList, from: number, to: number) => Promise<(PersonRow | ExcludedRow)[] | null>;

/** Rows fetched from the worker page by page: an evaluation brings the first page, scrolling
 *  asks for the pages that come into view. */
const PAGE = 200;
function usePagedRows<T>(evaluation: number, list: ResultList, first: T[], fetchRows: FetchRows) {
  const [state, setState] = useState({ evaluation, rows: first as (T | undefined)[] });
  const asked = useRef(new Set<string>());
  if (state.evaluation !== evaluation) setState({ evaluation, rows: first });
  const onVisibleRange = useCallback(
    (from: number, to: number) => {
      for (let page = Math.floor(from / PAGE); page * PAGE < to; page++) {
        const start = page * PAGE;
        const key = `${evaluation}|${page}`;
        if (asked.current.has(key)) continue;
        asked.current.add(key);
        void fetchRows(list, start, start + PAGE).then((rows) => {
          if (!rows) return;
          setState((s) => {
            if (s.evaluation !== evaluation) return s;
            const next = [...s.rows];
            rows.forEach((row, k) => (next[start + k] = row as T));
            return { evaluation, rows: next };
          });
        });
      }
    },
    [evaluation, list, fetchRows],
  );
  const rows = state.evaluation === evaluation ? state.rows : first;
  return { rowAt: (i: number) => rows[i], onVisibleRange };
}

function PeopleTable({ evaluation, first, count, fetchRows, profile, onExplain, label, nearMiss }: { evaluation: number; first: PersonRow[]; count: number; fetchRows: FetchRows; profile: Profile; onExplain: (id: string) => void; label: string; nearMiss?: boolean }) {
  const { t } = useTranslation();
  const { rowAt, onVisibleRange } = usePagedRows(evaluation, nearMiss ? 'nearMisses' : 'candidates', first, fetchRows);
  const columns = [
    { id: 'employeeId', title: t('screening.columns.employeeId'), width: 0.8 },
    { id: 'name', title: t('screening.columns.name'), width: 0.8 },
    { id: 'department', title: t('screening.columns.department'), width: 1 },
    { id: 'result', title: nearMiss ? t('screening.onlyMisses', { what: '' }).replace(/[:：]\s*$/, '') : t('screening.columns.result'), width: 4 },
    { id: 'why', title: '', width: 0.6 },
  ];
  return (
    <VirtualTable
      label={label}
      columns={columns}
      rowCount={count}
      rowHeight={40}
      onVisibleRange={onVisibleRange}
      renderCell={(i, c) => {
        const r = rowAt(i);
        if (!r) return c === 'employeeId' ? <span className="muted">…</span> : null;
        if (c === 'employeeId') return <a href={hrefOf({ name: 'employee', id: r.employeeId })} className="mono">{r.employeeId}</a>;
        if (c === 'name') return r.name;
        if (c === 'department') return r.department;
        if (c === 'why')
          return (
            <button type="button" className="link-button" onClick={() => onExplain(r.employeeId)} aria-label={`${t('screening.explain')} ${r.name}`}>
              {t('screening.explain')}
            </button>
          );
        if (nearMiss) return <span className="miss">{t('screening.onlyMisses', { what: missText(profile, r, t('screening.noDataValue')) })}</span>;
        return (
          <span className="badges">
            {r.criteria.map((cell) => (
              <Badge key={cell.id} profile={profile} cell={cell} />
            ))}
          </span>
        );
      }}
    />
  );
}

function ExcludedTable({ evaluation, first, count, fetchRows, label }: { evaluation: number; first: ExcludedRow[]; count: number; fetchRows: FetchRows; label: string }) {
  const { t } = useTranslation();
  const { rowAt, onVisibleRange } = usePagedRows(evaluation, 'excluded', first, fetchRows);
  return (
    <VirtualTable
      label={label}
      columns={[
        { id: 'employeeId', title: t('screening.columns.employeeId'), width: 1 },
        { id: 'name', title: t('screening.columns.name'), width: 1 },
        { id: 'department', title: t('screening.columns.department'), width: 1 },
        { id: 'reason', title: '', width: 2 },
      ]}
      rowCount={count}
      onVisibleRange={onVisibleRange}
      renderCell={(i, c) => {
        const x = rowAt(i);
        if (!x) return c === 'employeeId' ? <span className="muted">…</span> : null;
        return c === 'reason' ? t(`screening.reasons.${x.reason}`) : x[c as 'employeeId' | 'name' | 'department'];
      }}
    />
  );
}

function GroupCounts({ label, column, rows }: { label: string; column: string; rows: { group: string; active: number; candidates: number; nearMisses: number }[] }) {
  const { t } = useTranslation();
  const heading = (key: 'population' | 'candidates' | 'nearMisses') => t(`screening.${key}`, { count: 0 }).replace(/\d+/, '').trim();
  return (
    <table className="plain card" aria-label={label}>
      <thead>
        <tr>
          <th>{column}</th>
          <th>{heading('population')}</th>
          <th>{heading('candidates')}</th>
          <th>{heading('nearMisses')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((d) => (
          <tr key={d.group}>
            <td>{d.group || '—'}</td>
            <td>{d.active}</td>
            <td>{d.candidates}</td>
            <td>{d.nearMisses}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Hands a saved run to the selection pipeline: the candidates, and any near-misses ticked. */
function HandOffDialog({ run, onClose, onConfirm }: { run: ScreeningRunRecord; onClose: () => void; onConfirm: (nearMissIds: string[]) => Promise<void> }) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const toggle = (id: string) => setPicked((p) => (p.has(id) ? new Set([...p].filter((x) => x !== id)) : new Set([...p, id])));
  return (
    <aside className="card drawer floating" role="dialog" aria-label={t('pipeline.handOffTitle')}>
      <header>
        <h3>{t('pipeline.handOffTitle')}</h3>
        <button type="button" className="link-button" onClick={onClose} aria-label={t('common.close')}>
          ×
        </button>
      </header>
      <p>{t('pipeline.handOffIntro', { candidates: run.candidates.length })}</p>
      {run.nearMisses.length === 0 ? (
        <p className="muted">{t('pipeline.handOffNone')}</p>
      ) : (
        <VirtualTable
          label={t('screening.nearMisses', { count: run.nearMisses.length })}
          columns={[
            { id: 'pick', title: '', width: 0.3 },
            { id: 'employeeId', title: t('screening.columns.employeeId'), width: 0.8 },
            { id: 'name', title: t('screening.columns.name'), width: 0.8 },
            { id: 'department', title: t('screening.columns.department'), width: 1 },
          ]}
          rowCount={run.nearMisses.length}
          renderCell={(i, c) => {
            const x = run.nearMisses[i];
            if (c === 'pick') return <input type="checkbox" checked={picked.has(x.employeeId)} onChange={() => toggle(x.employeeId)} aria-label={`${x.name}（${x.employeeId}）`} />;
            return x[c as 'employeeId' | 'name' | 'department'];
          }}
        />
      )}
      <div className="row">
        <button
          type="button"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await onConfirm([...picked]);
            } finally {
              setBusy(false);
            }
          }}
        >
          {t('pipeline.handOffConfirm', { count: run.candidates.length + picked.size })}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </aside>
  );
}

function Warnings({ warnings, language }: { warnings: FreshnessWarning[]; language: Language }) {
  const { t } = useTranslation();
  if (!warnings.length) return null;
  return (
    <div className="card notice" role="status" aria-label="freshness">
      {warnings.map((w, i) => (
        <p key={i}>⚠ {t(`screening.warnings.${w.code}`, 'latest' in w ? { latest: formatDate(w.latest, language), asOf: formatDate(w.asOf, language) } : 'count' in w ? { count: w.count } : 'rosterAt' in w ? { rosterAt: formatDate(w.rosterAt, language), performanceAt: formatDate(w.performanceAt, language) } : {})}</p>
      ))}
    </div>
  );
}

function newCriterion(kind: string, info: SnapshotInfo | null, existing: Criterion[]): Criterion {
  const id = (base: string) => {
    let n = 1;
    while (existing.some((c) => c.id === `${base}${n === 1 ? '' : n}`)) n++;
    return `${base}${n === 1 ? '' : n}`;
  };
  switch (kind) {
    case 'certificate':
      return { id: id('certificate'), kind: 'certificate', anyOf: [info?.certificates.find((c) => c.includes('高级')) ?? '高级工程师'] };
    case 'tenure':
      return { id: id('tenure'), kind: 'tenure', minYears: 5 };
    case 'organisation':
      return { id: id('org'), kind: 'organisation', field: 'department', op: 'in', values: [info?.departments[0] ?? '生产一车间'] };
    case 'rating':
      return { id: id('rating'), kind: 'threshold', source: 'rating', metric: info?.dimensions.find((d) => d !== '带教能力') ?? '沟通能力', aggregate: 'mean', op: '>=', value: 4, years: 2 };
    case 'activity':
      return { id: id('activity'), kind: 'activityCount', types: KNOWLEDGE_SHARING, min: 1, years: 1 };
    default:
      return { id: id('metric'), kind: 'threshold', source: 'performance', metric: 'innovationScore', aggregate: 'mean', op: '>=', value: 80, years: 2 };
  }
}

export function ScreeningScreen() {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language) as Language;
  const user = useAppStore((s) => s.user);
  const model = useFactModel();
  const session = useRef<ScreeningSession | null>(null);
  const [info, setInfo] = useState<SnapshotInfo | null>(null);
  const [profile, setProfile] = useState<Profile>(SEED_PROFILE);
  const [asOf, setAsOf] = useState<string | null>(null);
  const [result, setResult] = useState<{ evaluation: number; report: ScreeningReport; warnings: FreshnessWarning[]; ms: number; profile: Profile; asOf: string } | null>(null);
  const [tab, setTab] = useState<Tab>('candidates');
  const [explained, setExplained] = useState<{ employeeId: string; name: string; cells: CriterionCell[]; criteria: { id: string; records: { when: string; what: string; value: string; counted: boolean }[] }[] } | null>(null);
  const latest = useRef(0);
  const scope = departmentScope(user);
  const view = useMemo(() => (scope !== null ? { department: scope } : {}), [scope]);
  const batchKey = model.batches.map((b) => b.id).join(',');
  const saved = useSavedProfiles();
  const runs = useRecentRuns();
  const [notice, setNotice] = useState<string | null>(null);
  const [handingOff, setHandingOff] = useState<ScreeningRunRecord | null>(null);
  const actor = user ? { userId: user.id, userName: user.userName } : null;
  const userId = user?.id ?? '';

  useEffect(() => {
    const s = new ScreeningSession();
    session.current = s;
    return () => s.close();
  }, []);

  // Rebuild the snapshot whenever the stored facts change.
  useEffect(() => {
    const s = session.current;
    if (!s || model.version === 0) return;
    let stale = false;
    void s.request<'loaded'>({ type: 'load', dbName: databaseName(), userId }).then((r) => {
      if (stale) return;
      setInfo(r.info);
      setAsOf((current) => current ?? r.info.latestPerformanceEnd ?? today());
    });
    return () => {
      stale = true;
    };
  }, [batchKey, model.version, userId]);

  useEffect(() => {
    const s = session.current;
    if (!s || !info || !asOf || !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return;
    const ticket = ++latest.current;
    void s.evaluateLatest({ type: 'evaluate', profile, asOf, view }).then((r) => {
      if (r && ticket === latest.current) setResult({ evaluation: r.evaluation, report: r.report, warnings: r.warnings, ms: r.ms, profile, asOf });
    });
  }, [info, profile, asOf, view]);

  const explainPerson = useCallback(
    async (employeeId: string) => {
      if (!session.current || !asOf) return;
      const r = await session.current.request<'explained'>({ type: 'explain', profile, asOf, view, employeeId });
      setExplained(r);
    },
    [profile, asOf, view],
  );

  const fetchRows = useCallback<FetchRows>(async (list, from, to) => {
    const evaluation = result?.evaluation;
    if (!session.current || evaluation === undefined) return null;
    return (await session.current.request<'rows'>({ type: 'rows', evaluation, list, from, to })).rows;
  }, [result?.evaluation]);

  const exportXlsx = async () => {
    if (!session.current || !asOf) return;
    const r = await session.current.request<'file'>({ type: 'export', profile, asOf, view });
    await getPlatform().saveFile({ suggestedName: `培训师筛选-${profile.name}-${asOf}.xlsx`, bytes: r.bytes, filters: [{ name: 'Excel', extensions: ['xlsx'] }] });
  };

  if (model.version > 0 && model.people?.length === 0) return <p className="muted pad">{t('screening.noData')}</p>;
  if (!info || !asOf) return <p className="muted pad">{t('screening.loading')}</p>;

  const setCriterion = (i: number, c: Criterion) => setProfile({ ...profile, criteria: profile.criteria.map((x, k) => (k === i ? c : x)) });
  const report = result?.report;
  const passCount = (id: string) => report?.passCounts.find((p) => p.id === id)?.pass;

  return (
    <section className="screen screening" aria-label={t('screening.title')}>
      <header className="toolbar">
        <h2>{t('screening.title')}</h2>
        <label className="field compact">
          <span>{t('screening.asOf')}</span>
          <input type="date" value={asOf} onChange={(e) => e.target.value && setAsOf(e.target.value)} aria-label={t('screening.asOf')} />
        </label>
        {'department' in view && <span className="badge warn">{t('screening.deptHeadScope', { department: view.department })}</span>}
        <button type="button" className="secondary" onClick={() => void exportXlsx()}>
          {t('screening.export')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={!actor || !result}
          onClick={async () => {
            if (!actor || !result || !session.current) return;
            // The run keeps every candidate and near-miss, not only the rows on screen.
            const { report: full } = await session.current.request<'report'>({ type: 'report', profile: result.profile, asOf: result.asOf, view });
            const run = await saveRun(actor, result.profile, full, model.batches.map((b) => b.id));
            setProfile({ ...result.profile, version: run.profileVersion });
            setNotice(t('screening.savedRun', { count: run.candidates.length }));
          }}
        >
          {t('screening.saveRun')}
        </button>
        {notice && (
          <span className="muted" role="status">
            {notice}
          </span>
        )}
        {result && <span className="count">{t('screening.evaluated', { ms: Math.max(1, Math.round(result.ms)) })}</span>}
      </header>
      <div className="screening-layout">
        <aside className="profile-editor" aria-label={t('screening.profile')}>
          <h3>{t('screening.profile')}</h3>
          <div className="row">
            <label className="field compact grow">
              <span>{t('screening.chooseProfile')}</span>
              <select
                value={profile.id}
                onChange={(e) => {
                  const next = e.target.value === SEED_PROFILE.id && !saved?.some((p) => p.id === SEED_PROFILE.id) ? SEED_PROFILE : saved?.find((p) => p.id === e.target.value);
                  if (next) setProfile(next);
                }}
              >
                {!saved?.some((p) => p.id === SEED_PROFILE.id) && (
                  <option value={SEED_PROFILE.id}>
                    {SEED_PROFILE.name}
                    {t('screening.builtIn')}
                  </option>
                )}
                {saved?.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}（v{p.version}）
                  </option>
                ))}
                {!saved?.some((p) => p.id === profile.id) && profile.id !== SEED_PROFILE.id && <option value={profile.id}>{profile.name}</option>}
              </select>
            </label>
          </div>
          <div className="row">
            <label className="field compact grow">
              <span>{t('screening.profileName')}</span>
              <input value={profile.name} onChange={(e) => setProfile({ ...profile, name: e.target.value, id: profile.id === SEED_PROFILE.id ? `p-${Date.now().toString(36)}` : profile.id })} />
            </label>
            <button
              type="button"
              className="secondary"
              disabled={!actor || !profile.name.trim()}
              onClick={async () => {
                if (!actor) return;
                const savedProfile = await saveProfile(actor, profile);
                setProfile(savedProfile);
                setNotice(t('screening.savedProfile', { name: savedProfile.name, version: savedProfile.version }));
              }}
            >
              {t('screening.saveProfile')}
            </button>
          </div>
          {profile.criteria.map((c, i) => (
            <CriterionEditor key={c.id} criterion={c} passCount={passCount(c.id)} onChange={(next) => setCriterion(i, next)} onRemove={() => setProfile({ ...profile, criteria: profile.criteria.filter((_, k) => k !== i) })} />
          ))}
          <div className="row">
            <select aria-label={t('screening.add')} value="" onChange={(e) => e.target.value && setProfile({ ...profile, criteria: [...profile.criteria, newCriterion(e.target.value, info, profile.criteria)] })}>
              <option value="">{t('screening.add')}…</option>
              {(['certificate', 'tenure', 'organisation', 'rating', 'activity', 'performance'] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`screening.addKinds.${k}`)}
                </option>
              ))}
            </select>
            <button type="button" className="secondary" onClick={() => setProfile(SEED_PROFILE)}>
              {t('screening.reset')}
            </button>
          </div>
          <section className="card runs" aria-label={t('screening.runs')}>
            <h4>{t('screening.runs')}</h4>
            {runs && runs.length === 0 && <p className="muted">{t('screening.runsEmpty')}</p>}
            <ul className="timeline">
              {runs?.map((r) => (
                <li key={r.id}>
                  {t('screening.runLine', { time: formatDateTime(r.createdAt, language), user: r.userName, name: r.profileName, version: r.profileVersion, asOf: r.asOf, candidates: r.candidates.length, nearMisses: r.nearMisses.length })}{' '}
                  {r.handedOff ? (
                    <a href={hrefOf({ name: 'pipeline' })} className="muted">
                      {t('pipeline.handedOff', { added: r.handedOff.added }) + (r.handedOff.alreadyInPipeline ? t('pipeline.handedOffAlready', { count: r.handedOff.alreadyInPipeline }) : '')}
                    </a>
                  ) : (
                    can(user, 'screening.handoff') && <button type="button" className="link-button" disabled={!actor} onClick={() => setHandingOff(r)}>
                      {t('pipeline.handOff')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </section>
        </aside>
        <div className="results">
          {result && <Warnings warnings={result.warnings} language={language} />}
          {report && (
            <>
              <div className="tabs" role="tablist">
                <span className="muted" data-testid="population">{t('screening.population', { count: report.population })}</span>
                {(['candidates', 'nearMisses', 'excluded', 'distribution', 'departments'] as const).map((k) => (
                  <button key={k} type="button" role="tab" aria-selected={tab === k} className={tab === k ? 'tab active' : 'tab'} onClick={() => setTab(k)} data-testid={`tab-${k}`}>
                    {k === 'candidates' ? t('screening.candidates', { count: report.candidateCount }) : k === 'nearMisses' ? t('screening.nearMisses', { count: report.nearMissCount }) : k === 'excluded' ? t('screening.excluded', { count: report.excludedCount }) : t(`screening.${k === 'distribution' ? 'distribution' : 'departments'}`)}
                  </button>
                ))}
              </div>
              {tab === 'candidates' && <PeopleTable evaluation={result!.evaluation} first={report.candidates} count={report.candidateCount} fetchRows={fetchRows} profile={result!.profile} onExplain={(id) => void explainPerson(id)} label={t('screening.candidates', { count: report.candidateCount })} />}
              {tab === 'nearMisses' && <PeopleTable evaluation={result!.evaluation} first={report.nearMisses} count={report.nearMissCount} fetchRows={fetchRows} profile={result!.profile} onExplain={(id) => void explainPerson(id)} label={t('screening.nearMisses', { count: report.nearMissCount })} nearMiss />}
              {tab === 'excluded' && <ExcludedTable evaluation={result!.evaluation} first={report.excluded} count={report.excludedCount} fetchRows={fetchRows} label={t('screening.excluded', { count: report.excludedCount })} />}
              {tab === 'distribution' && (
                <div className="charts">
                  <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
                    <section className="card">
                      <h4>{t('screening.funnel')}</h4>
                      <BarChart ariaLabel={t('screening.funnel')} labels={report.funnel.map((f) => twoLines(labelOf(result!.profile, f.id)))} series={[{ label: t('screening.funnel'), values: report.funnel.map((f) => f.remaining), color: '#b8432f' }]} horizontal height={40 + 36 * report.funnel.length} />
                    </section>
                    {report.histograms.map((h) => (
                      <section className="card" key={h.id}>
                        <h4>
                          {labelOf(result!.profile, h.id)}
                          {h.noData ? `（${t('screening.noDataValue')} ${h.noData}）` : ''}
                        </h4>
                        <BarChart
                          ariaLabel={labelOf(result!.profile, h.id)}
                          marker={thresholdMarker(
                            result!.profile.criteria.find((c) => c.id === h.id),
                            h,
                            (v) => t('screening.thresholdLine', { value: v }),
                          )}
                          labels={h.bins.map((b) => formatValue(result!.profile.criteria.find((c) => c.id === h.id), b.from, ''))}
                          series={[
                            { label: '✓', values: h.bins.map((b) => b.pass), color: '#2e7d4f' },
                            { label: '✗', values: h.bins.map((b) => b.fail), color: '#d9d2c7' },
                          ]}
                        />
                      </section>
                    ))}
                  </Suspense>
                </div>
              )}
              {tab === 'departments' && (
                <>
                  {report.byPlant.length > 1 && <GroupCounts label={t('screening.plants')} column={t('screening.columns.plant')} rows={report.byPlant.map(({ plant, ...c }) => ({ group: plant, ...c }))} />}
                  <GroupCounts label={t('screening.departments')} column={t('screening.columns.department')} rows={report.byDepartment.map(({ department, ...c }) => ({ group: department, ...c }))} />
                </>
              )}
            </>
          )}
        </div>
        {handingOff && actor && (
          <HandOffDialog
            run={handingOff}
            onClose={() => setHandingOff(null)}
            onConfirm={async (nearMissIds) => {
              const r = await handOffRun(actor, handingOff.id, nearMissIds);
              setHandingOff(null);
              setNotice(t('pipeline.handedOff', { added: r.added }) + (r.alreadyInPipeline ? t('pipeline.handedOffAlready', { count: r.alreadyInPipeline }) : ''));
            }}
          />
        )}
        {explained && (
          <aside className="card drawer" role="dialog" aria-label={t('screening.explainTitle', { name: explained.name, id: explained.employeeId })}>
            <header>
              <h3>{t('screening.explainTitle', { name: explained.name, id: explained.employeeId })}</h3>
              <button type="button" className="link-button" onClick={() => setExplained(null)} aria-label={t('common.close')}>
                ×
              </button>
            </header>
            <a href={hrefOf({ name: 'employee', id: explained.employeeId })}>{t('screening.openEmployee')}</a>
            {explained.criteria.map((c) => {
              const cell = explained.cells.find((x) => x.id === c.id);
              return (
                <section key={c.id}>
                  <h4>
                    {cell && <Badge profile={profile} cell={cell} />} {labelOf(profile, c.id)}
                  </h4>
                  <ul className="timeline">
                    {c.records.map((r, i) => (
                      <li key={i} className={r.counted ? '' : 'muted'}>
                        {r.when} {r.what} {r.value} · {r.counted ? t('screening.counted') : t('screening.notCounted')}
                      </li>
                    ))}
                  </ul>
                </section>
              );
            })}
          </aside>
        )}
      </div>
    </section>
  );
}
