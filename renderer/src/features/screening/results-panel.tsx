// The results on the right: freshness warnings, the tabs (candidates, near-misses,
// exclusions, distributions, per department), each list paged from the worker.

import { memo, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultPart } from '../../../../shared/domain/screening/report.ts';
import type { Language } from '../../i18n/index.ts';
import { BarChart } from '../../ui/index.ts';
import { formatValue, labelOf, thresholdMarker, twoLines } from './format.ts';
import { ExcludedTable, GroupCounts, PeopleTable, type FetchRows } from './result-tables.tsx';
import { useResult, type ResultSource } from './use-screening.ts';
import { Warnings } from './warnings.tsx';

/**
 * Memoised, and subscribed to the newest evaluation: a slider step re-renders the profile at
 * once, and the results only when the worker's evaluation arrives, so the input event does not
 * wait for the tables and charts.
 */
export const ResultsPanel = memo(function ResultsPanel({ results, fetchRows, onExplain, onShown, language }: { results: ResultSource; fetchRows: FetchRows; onExplain: (employeeId: string) => void; onShown: (part: ResultPart) => void; language: Language }) {
  const { t } = useTranslation();
  const result = useResult(results, (r) => r);
  const [tab, setTab] = useState<ResultPart>('candidates');
  const choose = (k: ResultPart) => {
    setTab(k);
    // The evaluations bring the part on screen; a list's rows are fetched as it shows.
    onShown(k);
  };
  const report = result?.report;
  const explainPerson = onExplain;
  return (
    <div className="results" data-evaluation={result?.evaluation}>
      {result && <Warnings warnings={result.warnings} language={language} profile={result.profile} />}
      {result && report && (
        <>
          <div className="tabs" role="tablist">
            <span className="muted" data-testid="population">{t('screening.population', { count: report.population })}</span>
            {(['candidates', 'nearMisses', 'excluded', 'distribution', 'departments'] as const).map((k) => (
              <button key={k} type="button" role="tab" aria-selected={tab === k} className={tab === k ? 'tab active' : 'tab'} onClick={() => choose(k)} data-testid={`tab-${k}`}>
                {k === 'candidates' ? t('screening.candidates', { count: report.candidateCount }) : k === 'nearMisses' ? t('screening.nearMisses', { count: report.nearMissCount }) : k === 'excluded' ? t('screening.excluded', { count: report.excludedCount }) : t(`screening.${k === 'distribution' ? 'distribution' : 'departments'}`)}
              </button>
            ))}
          </div>
          {tab === 'candidates' && <PeopleTable evaluation={result.evaluation} first={report.candidates} count={report.candidateCount} fetchRows={fetchRows} profile={result.profile} onExplain={(id) => void explainPerson(id)} label={t('screening.candidates', { count: report.candidateCount })} />}
          {tab === 'nearMisses' && <PeopleTable evaluation={result.evaluation} first={report.nearMisses} count={report.nearMissCount} fetchRows={fetchRows} profile={result.profile} onExplain={(id) => void explainPerson(id)} label={t('screening.nearMisses', { count: report.nearMissCount })} nearMiss />}
          {tab === 'excluded' && <ExcludedTable evaluation={result.evaluation} first={report.excluded} count={report.excludedCount} fetchRows={fetchRows} label={t('screening.excluded', { count: report.excludedCount })} />}
          {tab === 'distribution' && (
            <div className="charts">
              <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
                <section className="card">
                  <h4>{t('screening.funnel')}</h4>
                  <BarChart ariaLabel={t('screening.funnel')} labels={report.funnel.map((f) => twoLines(labelOf(result.profile, f.id, language)))} series={[{ label: t('screening.funnel'), values: report.funnel.map((f) => f.remaining), color: '#b8432f' }]} horizontal height={40 + 36 * report.funnel.length} />
                </section>
                {report.histograms.map((h) => {
                  const label = labelOf(result.profile, h.id, language);
                  const marker = thresholdMarker(
                    result.profile.criteria.find((c) => c.id === h.id),
                    h,
                    (v) => t('screening.thresholdLine', { value: v }),
                  );
                  return (
                  <section className="card" key={h.id}>
                    <h4>{h.noData ? t('common.withNote', { text: label, note: `${t('screening.noDataValue')} ${h.noData}` }) : label}</h4>
                    <BarChart
                      ariaLabel={marker ? t('common.withNote', { text: label, note: marker.label }) : label}
                      marker={marker}
                      labels={h.bins.map((b) => formatValue(result.profile.criteria.find((c) => c.id === h.id), b.from, ''))}
                      series={[
                        { label: '✓', values: h.bins.map((b) => b.pass), color: '#2e7d4f' },
                        { label: '✗', values: h.bins.map((b) => b.fail), color: '#d9d2c7' },
                      ]}
                    />
                  </section>
                  );
                })}
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
  );
});
