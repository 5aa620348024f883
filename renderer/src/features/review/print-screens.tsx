// Printable pages of a round (print, or save as PDF from the print dialog): each reviewer's
// paper score sheet, for reviews without a tablet, and the trial-lecture schedule.

import { useTranslation } from 'react-i18next';
import { normalisedWeights } from '../../../../shared/domain/review/rubric.ts';
import { usePipelineEntries, useRoundPackets } from '../../data/index.ts';
import { useAppStore } from '../../store/index.ts';

function PrintButton() {
  const { t } = useTranslation();
  return (
    <div className="row no-print">
      <button type="button" onClick={() => window.print()}>
        {t('results.notice.print')}
      </button>
    </div>
  );
}

export function PaperSheetsScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const packets = useRoundPackets(id);
  if (!packets) return null;
  return (
    <section className="screen pad" aria-label={t('results.paper.sheetsTitle')}>
      <PrintButton />
      {packets.map((p) => {
        const weights = normalisedWeights(p.rubric);
        return (
          <article key={p.packetId} className="notice-sheet print-page" aria-label={t('results.paper.sheetOf', { reviewer: p.reviewer.name })}>
            <h2>{t('results.paper.sheetHeading', { round: p.roundName })}</h2>
            <p>
              {t('results.paper.reviewer', { reviewer: p.reviewer.name })} · {t(`results.issue.roles.${p.reviewer.role}`)}
            </p>
            <p className="hint">
              {p.rubric.criteria.map((c) => `${c.name} ${Math.round((weights.get(c.id) ?? 0) * 100)}%`).join(t('common.listSeparator'))} · {t('review.scale', p.rubric.scale)}
            </p>
            <table className="plain-table paper-grid">
              <thead>
                <tr>
                  <th>{t('results.columns.candidate')}</th>
                  <th>{t('review.topic')}</th>
                  {p.rubric.criteria.map((c) => (
                    <th key={c.id}>{c.name}</th>
                  ))}
                  <th>{t('review.comment')}</th>
                </tr>
              </thead>
              <tbody>
                {p.candidates.map((c) => (
                  <tr key={c.candidateId}>
                    <td className="nowrap">
                      {c.name}
                      <br />
                      <span className="muted">{c.department}</span>
                    </td>
                    <td>{c.topic?.title ?? ''}</td>
                    {p.rubric.criteria.map((k) => (
                      <td key={k.id} className="paper-box" />
                    ))}
                    <td className="paper-box wide" />
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="notice-sign">{t('results.paper.signature')}</p>
          </article>
        );
      })}
    </section>
  );
}

export function TrialScheduleScreen() {
  const { t } = useTranslation();
  const user = useAppStore((s) => s.user)!;
  const entries = usePipelineEntries(user.id);
  if (!entries) return null;
  const scheduled = entries.filter((e) => e.session && e.stage !== 'withdrawn').sort((a, b) => `${a.session!.date} ${a.session!.time}`.localeCompare(`${b.session!.date} ${b.session!.time}`));
  return (
    <section className="screen pad" aria-label={t('results.schedule.title')}>
      <PrintButton />
      <article className="notice-sheet">
        <h2>{t('results.schedule.title')}</h2>
        {scheduled.length === 0 ? (
          <p className="muted">{t('results.schedule.none')}</p>
        ) : (
          <table className="plain-table" aria-label={t('results.schedule.title')}>
            <thead>
              <tr>
                <th>{t('pipeline.session.date')}</th>
                <th>{t('pipeline.session.time')}</th>
                <th>{t('pipeline.session.room')}</th>
                <th>{t('results.columns.candidate')}</th>
                <th>{t('results.columns.department')}</th>
                <th>{t('review.topic')}</th>
                <th className="num">{t('pipeline.session.minutes')}</th>
              </tr>
            </thead>
            <tbody>
              {scheduled.map((e) => (
                <tr key={e.id}>
                  <td className="nowrap">{e.session!.date}</td>
                  <td className="nowrap">{e.session!.time}</td>
                  <td>{e.session!.room}</td>
                  <td className="nowrap">{e.name}</td>
                  <td className="nowrap">{e.department}</td>
                  <td>{e.topic?.title ?? ''}</td>
                  <td className="num">{e.session!.minutes}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </article>
    </section>
  );
}
