import { useTranslation } from 'react-i18next';
import type { ActivityCountCriterion } from '../../../../../shared/domain/screening/criteria/activity-count.ts';
import { NumberSlider, type EditorProps } from './controls.tsx';

export function ActivityCountEditor({ criterion: c, edit }: EditorProps<ActivityCountCriterion>) {
  const { t } = useTranslation();
  return <NumberSlider label={t('screening.withDetail', { label: t('screening.minCount'), detail: c.types.join('/') })} value={c.min} min={0} max={12} step={1} onChange={(min) => edit({ ...c, min })} />;
}
