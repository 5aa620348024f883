// One criterion's controls. Every change produces a new criterion value; the screen
// re-evaluates on each, so sliders update the results live.

import { useTranslation } from 'react-i18next';
import { AGGREGATES, SCOPES, type Criterion } from '../../../../shared/domain/screening/profile.ts';
import { describeCriterion, METRIC_ZH } from '../../../../shared/domain/screening/report.ts';

interface Props {
  criterion: Criterion;
  onChange: (c: Criterion) => void;
  onRemove: () => void;
  passCount?: number;
}

function NumberSlider({ label, value, min, max, step, onChange }: { label: string; value: number; min: number; max: number; step: number; onChange: (v: number) => void }) {
  return (
    <div className="slider-row">
      <span>{label}</span>
      <input type="range" min={min} max={max} step={step} value={value} aria-label={`${label}（滑块）`} onChange={(e) => onChange(Number(e.target.value))} />
      <input type="number" min={min} max={max} step={step} value={value} aria-label={label} className="narrow" onChange={(e) => e.target.value !== '' && onChange(Number(e.target.value))} />
    </div>
  );
}

const isPercentMetric = (metric: string) => metric === 'subordinateImprovement';
const splitList = (text: string) => text.split(/[、,，;；]/).map((x) => x.trim()).filter(Boolean);

export function CriterionEditor({ criterion: c, onChange, onRemove, passCount }: Props) {
  const { t } = useTranslation();
  const title = c.label ?? describeCriterion(c);
  // Editing a parameter makes the built-in wording stale: show the criterion in words again.
  const edit = (next: Criterion) => onChange({ ...next, label: undefined });
  return (
    <section className="card criterion" aria-label={title}>
      <header>
        <h4>{title}</h4>
        <button type="button" className="link-button remove" onClick={onRemove} aria-label={`${t('screening.remove')} ${title}`}>
          ×
        </button>
      </header>
      {'years' in c && <NumberSlider label={t('screening.years')} value={c.years} min={1} max={5} step={1} onChange={(years) => edit({ ...c, years })} />}
      {c.kind === 'percentile' && (
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
      )}
      {c.kind === 'threshold' && (
        <>
          <NumberSlider
            label={`${t('screening.threshold')}（${METRIC_ZH[c.metric] ?? c.metric}${isPercentMetric(c.metric) ? '，%' : ''} ${c.op}）`}
            value={isPercentMetric(c.metric) ? Math.round(c.value * 1000) / 10 : c.value}
            min={isPercentMetric(c.metric) ? -20 : c.source === 'rating' ? 1 : 0}
            max={isPercentMetric(c.metric) ? 60 : c.source === 'rating' ? 5 : 100}
            step={isPercentMetric(c.metric) ? 0.5 : c.source === 'rating' ? 0.1 : 1}
            onChange={(v) => edit({ ...c, value: isPercentMetric(c.metric) ? Math.round(v * 10) / 1000 : v })}
          />
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
      )}
      {c.kind === 'activityCount' && <NumberSlider label={`${t('screening.minCount')}（${c.types.join('/')}）`} value={c.min} min={0} max={12} step={1} onChange={(min) => edit({ ...c, min })} />}
      {c.kind === 'tenure' && <NumberSlider label={t('screening.minYears')} value={c.minYears} min={0} max={40} step={1} onChange={(minYears) => edit({ ...c, minYears })} />}
      {c.kind === 'certificate' && (
        <label className="field">
          <span>{t('screening.certificates')}</span>
          <input value={c.anyOf.join('、')} onChange={(e) => {
            const anyOf = splitList(e.target.value);
            if (anyOf.length) edit({ ...c, anyOf });
          }} />
        </label>
      )}
      {c.kind === 'organisation' && (
        <label className="field">
          <span>{t('screening.values')}</span>
          <input value={c.values.join('、')} onChange={(e) => {
            const values = splitList(e.target.value);
            if (values.length) edit({ ...c, values });
          }} />
        </label>
      )}
      {passCount !== undefined && <p className="hint">{t('screening.passCount', { count: passCount })}</p>}
    </section>
  );
}
