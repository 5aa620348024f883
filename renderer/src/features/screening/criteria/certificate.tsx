import { useTranslation } from 'react-i18next';
import type { CertificateCriterion } from '../../../../../shared/domain/screening/criteria/certificate.ts';
import { ListField, type EditorProps } from './controls.tsx';

export function CertificateEditor({ criterion: c, edit }: EditorProps<CertificateCriterion>) {
  const { t } = useTranslation();
  return <ListField label={t('screening.certificates')} values={c.anyOf} onChange={(anyOf) => edit({ ...c, anyOf })} />;
}
