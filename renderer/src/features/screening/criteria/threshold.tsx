import { useTranslation } from 'react-i18next';
import { AGGREGATES } from '../../../../../shared/domain/screening/profile.ts';
import { valueKindOf } from '../../../../../shared/domain/screening/criteria/kinds.ts';
import type { ThresholdCriterion } from '../../../../../shared/domain/screening/criteria/threshold.ts';
import { metricName } from '../format.ts';
import { NumberSlider, type EditorProps } from './controls.tsx';

/** Slider ranges by what the value is: a percentage is edited in percent, a rating on its 1–5 scale. */
function range(c: ThresholdCriterion) {
  if (valueKindOf(c) === 'percent') return { min: -20, max: 60, step: 0.5, toShown: (v: number) => Math.round(v * 1000) / 10, fromShown: (v: number) => Math.round(v * 10) / 1000, unit: '%' };
  if (c.source === 'rating') return { min: 1, max: 5, step: 0.1, toShown: (v: number) => v, fromShown: (v: number) => v, unit: '' };
  return { min: 0, max: 100, step: 1, toShown: (v: number) => v, fromShown: (v: number) => v, unit: '' };
}

export function ThresholdEditor({ criterion: c, edit }: EditorProps<ThresholdCriterion>) {
  const { t, i18n } = useTranslation();
  const r = range(c);
  const zh = i18n.language.startsWith('zh');
  // A rating dimension is the appraisal system's own name (data); a performance field has a name in each language.
  const metric = metricName(c.metric, i18n.language);
  const label = zh ? `${t('screening.threshold')}（${metric}${r.unit ? `，${r.unit}` : ''} ${c.op}）` : `${t('screening.threshold')} (${metric}${r.unit ? `, ${r.unit}` : ''} ${c.op})`;
  return (
    <>
      <NumberSlider label={label} value={r.toShown(c.value)} min={r.min} max={r.max} step={r.step} onChange={(v) => edit({ ...c, value: r.fromShown(v) })} />
      <label className="field compact">
        <span>{t('screening.aggregate')}</span>
        <select value={c.aggregate} onChange={(e) => edit({ ...c, aggregate: e.target.value as typeof c.aggregate })}>
          {AGGREGATES.map((a) => (
            <option key={a} value={a}>
              {t(`screening.aggregates.${a}`)}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
