// The editor of each criterion kind, registered in one place beside the domain's registry
// (shared/domain/screening/criteria/kinds.ts).

import type { ComponentType } from 'react';
import type { Criterion, CriterionKindName } from '../../../../../shared/domain/screening/criteria/kinds.ts';
import { ActivityCountEditor } from './activity-count.tsx';
import { CertificateEditor } from './certificate.tsx';
import type { EditorProps } from './controls.tsx';
import { OrganisationEditor } from './organisation.tsx';
import { PercentileEditor } from './percentile.tsx';
import { TenureEditor } from './tenure.tsx';
import { ThresholdEditor } from './threshold.tsx';

export const CRITERION_EDITORS: { [K in CriterionKindName]: ComponentType<EditorProps<Extract<Criterion, { kind: K }>>> } = {
  percentile: PercentileEditor,
  threshold: ThresholdEditor,
  activityCount: ActivityCountEditor,
  certificate: CertificateEditor,
  tenure: TenureEditor,
  organisation: OrganisationEditor,
};

export { NumberSlider } from './controls.tsx';
