import { useTranslation } from 'react-i18next';
import type { OrganisationCriterion } from '../../../../../shared/domain/screening/criteria/organisation.ts';
import { ListField, type EditorProps } from './controls.tsx';

export function OrganisationEditor({ criterion: c, edit }: EditorProps<OrganisationCriterion>) {
  const { t } = useTranslation();
  return <ListField label={t('screening.values')} values={c.values} onChange={(values) => edit({ ...c, values })} />;
}
