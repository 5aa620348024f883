// The 公示 notice of a round's trainer list, laid out for printing (or saving as PDF from the
// print dialog): who was chosen, at which grade and in which domain, and how to object.

import { useTranslation } from 'react-i18next';
import { useInstallation, useRoundTrainers } from '../../data/index.ts';
import { formatDate } from '../../i18n/index.ts';
import { useAppStore } from '../../store/index.ts';

export function NoticeScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const trainers = useRoundTrainers(id);
  const installation = useInstallation();
  if (!trainers) return null;
  const round = trainers[0]?.roundName ?? '';
  const today = new Date().toISOString().slice(0, 10);
  return (
    <section className="screen notice-page pad" aria-label={t('results.notice.title', { round })}>
      <div className="row no-print">
        <button type="button" onClick={() => window.print()}>
          {t('results.notice.print')}
        </button>
      </div>
      <article className="notice-sheet">
        <h2>{t('results.notice.title', { round })}</h2>
        <p>{t('results.notice.body', { count: trainers.length })}</p>
        <table className="plain-table" aria-label={t('results.notice.list')}>
          <thead>
            <tr>
              <th>{t('results.notice.no')}</th>
              <th>{t('results.columns.candidate')}</th>
              <th>{t('results.columns.department')}</th>
              <th>{t('results.decide.grade')}</th>
              <th>{t('results.decide.domain')}</th>
            </tr>
          </thead>
          <tbody>
            {trainers.map((x, i) => (
              <tr key={x.id}>
                <td>{i + 1}</td>
                <td>{x.name}</td>
                <td>{x.department}</td>
                <td>{t(`employee.grades.${x.grade}`)}</td>
                <td>{x.domain}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>{t('results.notice.objection', { from: formatDate(today, language) })}</p>
        <p className="notice-sign">
          {installation?.orgName}
          {installation?.plant ? ` ${installation.plant.name}` : ''} {t('results.notice.department')}
          <br />
          {formatDate(today, language)}
        </p>
      </article>
    </section>
  );
}
