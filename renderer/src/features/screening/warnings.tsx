// Data-freshness warnings over the results: stale statuses, old performance data, an old roster.

import { useTranslation } from 'react-i18next';
import type { FreshnessWarning } from '../../data/index.ts';
import type { Profile } from '../../../../shared/domain/screening/profile.ts';
import { formatDate, type Language } from '../../i18n/index.ts';
import { labelOf } from './format.ts';

export function Warnings({ warnings, language, profile }: { warnings: FreshnessWarning[]; language: Language; profile: Profile }) {
  const { t } = useTranslation();
  if (!warnings.length) return null;
  return (
    <div className="card notice" role="status" aria-label="freshness">
      {warnings.map((w, i) => (
        <p key={i}>⚠ {t(`screening.warnings.${w.code}`, 'latest' in w ? { latest: formatDate(w.latest, language), asOf: formatDate(w.asOf, language) } : 'count' in w ? { count: w.count } : 'rosterAt' in w ? { rosterAt: formatDate(w.rosterAt, language), performanceAt: formatDate(w.performanceAt, language) } : 'criterion' in w ? { criterion: labelOf(profile, w.criterion, language) } : {})}</p>
      ))}
    </div>
  );
}
