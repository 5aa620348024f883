// The round in view: what it is (name, plant, dates, quota), how far its people have come (the
// funnel shortlisted → topic → trial → selected) and the same per department.

import { useTranslation } from 'react-i18next';
import { STAGES, type Stage } from '../../../../shared/domain/pipeline/stages.ts';
import type { PipelineRecord, RoundRecord } from '../../data/index.ts';
import { formatDate, type Language } from '../../i18n/index.ts';

/** How far along each stage is: a person counts at every step they have reached. */
const REACHED: Record<'topic' | 'trial' | 'selected', ReadonlySet<Stage>> = {
  topic: new Set(['topicSubmitted', 'trialScheduled', 'reviewed', 'selected', 'rejected']),
  trial: new Set(['trialScheduled', 'reviewed', 'selected', 'rejected']),
  selected: new Set(['selected']),
};

/** Whether the entry ever reached a step, by its history (a withdrawn person keeps what they reached). */
function reached(e: PipelineRecord, step: keyof typeof REACHED): boolean {
  return e.history.some((m) => REACHED[step].has(m.to));
}

export function roundFunnel(entries: readonly PipelineRecord[]) {
  return {
    shortlisted: entries.length,
    topic: entries.filter((e) => reached(e, 'topic')).length,
    trial: entries.filter((e) => reached(e, 'trial')).length,
    selected: entries.filter((e) => e.stage === 'selected').length,
  };
}

export function byDepartment(entries: readonly PipelineRecord[]) {
  const rows = new Map<string, { department: string; total: number; topic: number; trial: number; selected: number }>();
  for (const e of entries) {
    const r = rows.get(e.department) ?? { department: e.department, total: 0, topic: 0, trial: 0, selected: 0 };
    r.total++;
    if (reached(e, 'topic')) r.topic++;
    if (reached(e, 'trial')) r.trial++;
    if (e.stage === 'selected') r.selected++;
    rows.set(e.department, r);
  }
  return [...rows.values()].sort((a, b) => b.total - a.total || a.department.localeCompare(b.department, 'zh-CN'));
}

export function RoundPanel({ round, entries, language }: { round: RoundRecord | null; entries: readonly PipelineRecord[]; language: Language }) {
  const { t } = useTranslation();
  const f = roundFunnel(entries);
  const steps = [
    { id: 'shortlisted', label: t('pipeline.round.funnel.shortlisted'), n: f.shortlisted },
    { id: 'topic', label: t('pipeline.round.funnel.topic'), n: f.topic },
    { id: 'trial', label: t('pipeline.round.funnel.trial'), n: f.trial },
    { id: 'selected', label: t('pipeline.round.funnel.selected'), n: f.selected },
  ];
  const depts = byDepartment(entries);
  const stageCount = (s: Stage) => entries.filter((e) => e.stage === s).length;
  return (
    <section className="card round-panel" aria-label={round ? t('pipeline.round.about', { name: round.name }) : t('pipeline.round.allRounds')}>
      {round && (
        <p className="round-facts" data-testid="round-facts">
          <strong>{round.name}</strong> · {round.plant} · {t('pipeline.round.dates', { from: formatDate(round.startsOn, language), to: round.endsOn ? formatDate(round.endsOn, language) : t('pipeline.round.open') })}
          {round.quota !== null && <> · {t('pipeline.round.quotaLine', { selected: f.selected, quota: round.quota })}</>}
        </p>
      )}
      <ol className="funnel" aria-label={t('pipeline.round.funnelLabel')} data-testid="round-funnel">
        {steps.map((s) => (
          <li key={s.id}>
            <span className="muted">{s.label}</span> <strong>{s.n}</strong>
          </li>
        ))}
      </ol>
      {stageCount('withdrawn') + stageCount('rejected') > 0 && <p className="hint">{t('pipeline.round.left', { withdrawn: stageCount('withdrawn'), rejected: stageCount('rejected') })}</p>}
      <details>
        <summary>{t('pipeline.round.byDepartment', { count: depts.length })}</summary>
        <table className="plain-table">
          <thead>
            <tr>
              <th>{t('pipeline.columns.department')}</th>
              {steps.map((s) => (
                <th key={s.id}>{s.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {depts.map((d) => (
              <tr key={d.department}>
                <td>{d.department}</td>
                <td>{d.total}</td>
                <td>{d.topic}</td>
                <td>{d.trial}</td>
                <td>{d.selected}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

/** The board: a column per stage, a card per person, with the moves the stage allows. */
export function Board({ entries, stageName, actions }: { entries: readonly PipelineRecord[]; stageName: (s: Stage) => string; actions: (e: PipelineRecord) => React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="board" role="list" aria-label={t('pipeline.view.board')}>
      {STAGES.map((s) => {
        const here = entries.filter((e) => e.stage === s);
        return (
          <section key={s} className="board-column" role="listitem" aria-label={`${stageName(s)} ${here.length}`}>
            <h4>
              {stageName(s)} <span className="muted">{here.length}</span>
            </h4>
            {here.map((e) => (
              <article key={e.id} className="board-card">
                <div>
                  <strong>{e.name}</strong> <span className="mono muted">{e.employeeId}</span>
                </div>
                <div className="muted">{e.department}</div>
                {e.topic && <div className="board-topic">{e.topic.title}</div>}
                {e.source === 'manual' && e.reason && <div className="hint">{t('pipeline.manualLine', { reason: e.reason })}</div>}
                {actions(e)}
              </article>
            ))}
          </section>
        );
      })}
    </div>
  );
}
