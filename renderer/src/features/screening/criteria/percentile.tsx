import { useTranslation } from 'react-i18next';
import { SCOPES } from '../../../../../shared/domain/screening/profile.ts';
import type { PercentileCriterion } from '../../../../../shared/domain/screening/criteria/percentile.ts';
import { NumberSlider, type EditorProps } from './controls.tsx';

export function PercentileEditor({ criterion: c, edit }: EditorProps<PercentileCriterion>) {
  const { t } = useTranslation();
  return (
    <>
      <NumberSlider label={t('screening.topPercent')} value={c.topPercent} min={1} max={100} step={1} onChange={(topPercent) => edit({ ...c, topPercent })} />
      <label className="field compact">
        <span>{t('screening.scope')}</span>
        <select value={c.scope} onChange={(e) => edit({ ...c, scope: e.target.value as typeof c.scope })}>
          {SCOPES.map((s) => (
            <option key={s} value={s}>
              {t(`screening.scopes.${s}`)}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
