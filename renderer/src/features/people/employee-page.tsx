// One employee: profile, performance over time, ratings, activities, certificates, and the
// trail of changes and data sources behind them.

import { Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { tenureYears } from '../../../../shared/domain/employee.ts';
import { parsePeriod } from '../../../../shared/domain/periods.ts';
import { employeeRowFor, useEmployeeRecords, useEntityHistory, useFactModel, useSelectionHistory, useTrainer, type Dictionary } from '../../data/index.ts';
import { formatDate, formatDateTime, formatPercent, type Language } from '../../i18n/index.ts';
import { auditSummary } from '../../i18n/audit-summary.ts';
import { moveNote } from '../pipeline/format.ts';
import { useAppStore } from '../../store/index.ts';
import { hrefOf, LineChart } from '../../ui/index.ts';

type Row = Record<string, string | number | null>;

function Section({ title, empty, rows, children }: { title: string; empty: string; rows: unknown[]; children: React.ReactNode }) {
  return (
    <section className="card">
      <h3>{title}</h3>
      {rows.length === 0 ? <p className="muted">{empty}</p> : children}
    </section>
  );
}

export function EmployeePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language) as Language;
  const model = useFactModel();
  const people = model.people;
  const viewer = useAppStore((s) => s.user);
  // A department head opens people of their own department only (employeeRowFor says so).
  const row = people ? employeeRowFor(people, id, viewer) : undefined;

  // The records live in the facts worker, which answers through its per-employee index.
  const records = useEmployeeRecords(id, viewer?.id ?? '', model.version);
  const trainer = useTrainer(id);
  const selection = useSelectionHistory(id, viewer?.id ?? '');
  const loaded = records !== undefined;
  const data = useMemo(() => {
    const byPeriod = (a: Row, b: Row) => (parsePeriod(String(a.period))?.start ?? '').localeCompare(parsePeriod(String(b.period))?.start ?? '');
    return {
      performance: [...(records?.performance ?? [])].sort(byPeriod),
      ratings: [...(records?.ratings ?? [])].sort((a, b) => String(b.date ?? b.period).localeCompare(String(a.date ?? a.period))),
      activities: [...(records?.activities ?? [])].sort((a, b) => String(b.date).localeCompare(String(a.date))),
      certificates: records?.certificates ?? [],
    };
  }, [records]);
  const history = useEntityHistory(id);

  if (!people) return <p className="muted pad">{t('common.loading')}</p>;
  // Outside a department head's department, the person is not theirs to see.
  if (row === undefined)
    return (
      <section className="screen pad">
        <a href={hrefOf({ name: 'people' })}>{t('employee.back')}</a>
        <p className="error">{t('employee.notFound', { id })}</p>
      </section>
    );

  // The roster's fields, from the people index the list already holds.
  const label = (dict: Dictionary) => dict.labels[dict.codes[row]] || null;
  const status = label(people.status);
  const managerId = people.managerIds[row];
  const name = people.names[row];
  const hireDate = people.hireDates[row];
  const leaveDate = people.leaveDates[row];
  const managerRow = managerId ? people.rowOf.get(managerId) : undefined;
  const today = new Date().toISOString().slice(0, 10);
  const sources = model.batches.filter((b) => b.dataset === 'roster' || (data as Record<string, Row[]>)[b.dataset]?.length > 0);
  const hasImprovement = data.performance.some((p) => p.subordinateImprovement !== null);

  return (
    <section className="screen employee" aria-label={name ?? id}>
      <a href={hrefOf({ name: 'people' })} className="back">
        ← {t('employee.back')}
      </a>
      <header className="employee-head">
        <h2>
          {name} <span className="mono muted">{id}</span>
        </h2>
        {status && <span className={`status status-${status}`}>{t(`status.${status}`, { defaultValue: status })}</span>}
      </header>
      <div className="grid-2">
        <section className="card">
          <h3>{t('employee.profile')}</h3>
          <dl className="facts">
            {trainer && trainer.length > 0 && (
              <>
                <dt>{t('employee.trainer')}</dt>
                <dd data-testid="trainer">{trainer.map((x) => t('employee.trainerLine', { grade: t(`employee.grades.${x.grade}`), domain: x.domain, round: x.roundName, date: formatDate(x.certifiedAt.slice(0, 10), language) })).join('；')}</dd>
              </>
            )}
            {selection && selection.length > 0 && (
              <>
                <dt>{t('employee.selection')}</dt>
                <dd data-testid="selection">
                  {selection.map(({ entry, roundName }) => (
                    <details key={entry.id}>
                      <summary>{t('employee.selectionLine', { round: roundName ?? t('employee.noRound'), stage: t(`pipeline.stages.${entry.stage}`) })}</summary>
                      <ul className="timeline">
                        {entry.history.map((m, k) => (
                          <li key={k}>
                            {formatDate(m.at.slice(0, 10), language)} · {m.userName} · {t(`pipeline.stages.${m.to}`)}
                            {moveNote(entry, m, t)}
                          </li>
                        ))}
                      </ul>
                    </details>
                  ))}
                </dd>
              </>
            )}
            <dt>{t('people.columns.plant')}</dt>
            <dd>{label(people.plant)}</dd>
            <dt>{t('people.columns.department')}</dt>
            <dd>{label(people.department)}</dd>
            <dt>{t('people.columns.position')}</dt>
            <dd>{label(people.position)}</dd>
            <dt>{t('employee.manager')}</dt>
            <dd>{managerId ? managerRow !== undefined ? <a href={hrefOf({ name: 'employee', id: managerId })}>{t('common.withNote', { text: people.names[managerRow], note: managerId })}</a> : managerId : t('common.none')}</dd>
            <dt>{t('employee.hireDate')}</dt>
            <dd>{formatDate(hireDate, language)}</dd>
            {leaveDate && (
              <>
                <dt>{t('employee.leaveDate')}</dt>
                <dd>{formatDate(leaveDate, language)}</dd>
              </>
            )}
            <dt>{t('employee.tenure')}</dt>
            <dd>{t('employee.tenureYears', { count: tenureYears(hireDate, leaveDate && leaveDate < today ? leaveDate : today) })}</dd>
            <dt>{t('employee.region')}</dt>
            <dd>{label(people.region)}</dd>
          </dl>
        </section>
        <Section title={t('employee.performance')} empty={loaded ? t('employee.performanceEmpty') : t('common.loading')} rows={data.performance}>
          <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
            <LineChart
              ariaLabel={t('employee.performance')}
              labels={data.performance.map((p) => String(p.period))}
              series={[
                { label: t('employee.score'), values: data.performance.map((p) => p.score as number | null), color: '#b8432f' },
                ...(hasImprovement ? [{ label: t('employee.improvement'), values: data.performance.map((p) => p.subordinateImprovement as number | null), color: '#2f6db8', axis: 'right' as const, format: (v: number) => formatPercent(v, language) }] : []),
              ]}
            />
          </Suspense>
        </Section>
      </div>
      <div className="grid-2">
        <Section title={t('employee.ratings')} empty={loaded ? t('employee.ratingsEmpty') : t('common.loading')} rows={data.ratings}>
          <table className="plain">
            <thead>
              <tr>
                <th>{t('employee.dimension')}</th>
                <th>{t('employee.ratingScore')}</th>
                <th>{t('employee.period')}</th>
                <th>{t('employee.rater')}</th>
              </tr>
            </thead>
            <tbody>
              {data.ratings.map((r, i) => (
                <tr key={i}>
                  <td>{r.dimension}</td>
                  <td>{r.score}</td>
                  <td>{r.period ?? formatDate(String(r.date), language)}</td>
                  <td>{r.rater}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
        <Section title={t('employee.activities')} empty={loaded ? t('employee.activitiesEmpty') : t('common.loading')} rows={data.activities}>
          <table className="plain">
            <thead>
              <tr>
                <th>{t('employee.date')}</th>
                <th>{t('employee.activityType')}</th>
                <th>{t('employee.title')}</th>
              </tr>
            </thead>
            <tbody>
              {data.activities.map((a, i) => (
                <tr key={i}>
                  <td>{formatDate(String(a.date), language)}</td>
                  <td>{a.type}</td>
                  <td>{a.title}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      </div>
      <div className="grid-2">
        <Section title={t('employee.certificates')} empty={loaded ? t('employee.certificatesEmpty') : t('common.loading')} rows={data.certificates}>
          <ul className="tags">
            {data.certificates.map((c, i) => (
              <li key={i} title={c.issueDate ? t('employee.issuedOn', { date: formatDate(String(c.issueDate), language) }) : undefined}>
                {c.certificate}
              </li>
            ))}
          </ul>
        </Section>
        <section className="card">
          <h3>{t('employee.history')}</h3>
          {history && history.length > 0 ? (
            <ul className="timeline">
              {history.map((h) => (
                <li key={h.id}>
                  {formatDateTime(h.at, language)} · {h.userName} · {t(`audit.actions.${h.action}`, { defaultValue: h.action })} · {auditSummary(h, t)}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('employee.historyEmpty')}</p>
          )}
          <h4>{t('employee.source')}</h4>
          <ul className="timeline">
            {sources.map((b) => (
              <li key={b.id}>
                {t('employee.batchLine', { dataset: t(`datasets.${b.dataset}`), file: b.fileName, user: b.userName, time: formatDateTime(b.createdAt, language) })}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </section>
  );
}
