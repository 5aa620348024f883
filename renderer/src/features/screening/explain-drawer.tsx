// Why a person passed or failed: for each criterion, the records counted and those outside
// the window.

import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../../shared/domain/screening/profile.ts';
import { hrefOf } from '../../ui/index.ts';
import { formatValue, labelOf, metricName } from './format.ts';
import { Badge, useBadgeText } from './result-tables.tsx';
import type { Explained } from './use-screening.ts';

export function ExplainDrawer({ explained, profile, onClose }: { explained: Explained; profile: Profile; onClose: () => void }) {
  const { t } = useTranslation();
  const text = useBadgeText();
  // It lies over the results: Escape closes it, as the close button does.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <aside className="card drawer floating explain" role="dialog" aria-label={t('screening.explainTitle', { name: explained.name, id: explained.employeeId })}>
      <header>
        <h3>{t('screening.explainTitle', { name: explained.name, id: explained.employeeId })}</h3>
        <button type="button" className="link-button" onClick={onClose} aria-label={t('common.close')}>
          ×
        </button>
      </header>
      <a href={hrefOf({ name: 'employee', id: explained.employeeId })}>{t('screening.openEmployee')}</a>
      {explained.criteria.map((c) => {
        const cell = explained.cells.find((x) => x.id === c.id);
        // A score or a rating reads as its badge reads it (24.6%, 4.80); an activity's value is its title.
        const criterion = profile.criteria.find((x) => x.id === c.id);
        const numeric = criterion?.kind === 'percentile' || criterion?.kind === 'threshold';
        const shown = (value: string) => (numeric && value !== '' && Number.isFinite(Number(value)) ? formatValue(criterion, Number(value), '') : value);
        return (
          <section key={c.id}>
            <h4>
              {cell && <Badge profile={profile} cell={cell} text={text} />} {labelOf(profile, c.id, text.language)}
            </h4>
            <ul className="timeline">
              {c.records.map((r, i) => (
                <li key={i} className={r.counted ? '' : 'muted'}>
                  {r.when} {r.metric ? metricName(r.metric, text.language) : r.what}
                  {r.rater ? t('screening.rater', { name: r.rater }) : ''} {shown(r.value)} · {r.counted ? t('screening.counted') : t('screening.notCounted')}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </aside>
  );
}
