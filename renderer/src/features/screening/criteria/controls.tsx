// Controls the criterion editors share: a slider with its number box, a list field.

import { useTranslation } from 'react-i18next';
import type { Criterion } from '../../../../../shared/domain/screening/profile.ts';

export interface EditorProps<C extends Criterion> {
  criterion: C;
  /** Every change produces a new criterion value; the screen re-evaluates on each. */
  edit: (next: C) => void;
}

export function NumberSlider({ label, value, min, max, step, onChange }: { label: string; value: number; min: number; max: number; step: number; onChange: (v: number) => void }) {
  const { t } = useTranslation();
  return (
    <div className="slider-row">
      <span>{label}</span>
      <input type="range" min={min} max={max} step={step} value={value} aria-label={t('screening.sliderOf', { label })} onChange={(e) => onChange(Number(e.target.value))} />
      <input type="number" min={min} max={max} step={step} value={value} aria-label={label} className="narrow" onChange={(e) => e.target.value !== '' && onChange(Number(e.target.value))} />
    </div>
  );
}

const splitList = (text: string) => text.split(/[、,，;；]/).map((x) => x.trim()).filter(Boolean);

/** A list typed as 高级技师、高级工程师; an empty list is not applied. */
export function ListField({ label, values, onChange }: { label: string; values: readonly string[]; onChange: (values: string[]) => void }) {
  return (
    <label className="field">
      <span>{label}</span>
      <input
        value={values.join('、')}
        onChange={(e) => {
          const next = splitList(e.target.value);
          if (next.length) onChange(next);
        }}
      />
    </label>
  );
}
