import { useTranslation } from 'react-i18next';
import type { TenureCriterion } from '../../../../../shared/domain/screening/criteria/tenure.ts';
import { NumberSlider, type EditorProps } from './controls.tsx';

export function TenureEditor({ criterion: c, edit }: EditorProps<TenureCriterion>) {
  const { t } = useTranslation();
  return <NumberSlider label={t('screening.minYears')} value={c.minYears} min={0} max={40} step={1} onChange={(minYears) => edit({ ...c, minYears })} />;
}
