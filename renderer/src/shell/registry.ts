// Every feature of the app, in sidebar order. Adding a screen: its folder, and one line here.

import { can } from '../data/index.ts';
import { setRoutes } from '../ui/index.ts';
import { auditFeature } from '../features/audit/index.ts';
import { authFeature } from '../features/auth/index.ts';
import type { Feature, FeatureRoute } from '../features/contract/feature.ts';
import { importFeature } from '../features/import/index.ts';
import { peopleFeature } from '../features/people/index.ts';
import { pipelineFeature } from '../features/pipeline/index.ts';
import { screeningFeature } from '../features/screening/index.ts';
import { settingsFeature } from '../features/settings/index.ts';
import { setupFeature } from '../features/setup/index.ts';
import { syncFeature } from '../features/sync/index.ts';
import { reviewFeature } from '../features/review/index.ts';

export const FEATURES: readonly Feature[] = [
  peopleFeature,
  screeningFeature,
  pipelineFeature,
  reviewFeature,
  importFeature,
  syncFeature,
  auditFeature,
  settingsFeature,
  setupFeature,
  authFeature,
];

export const ROUTES: readonly FeatureRoute[] = FEATURES.flatMap((f) => f.routes);

setRoutes(ROUTES);

/** Every feature's messages, merged per language, for i18n. */
export const FEATURE_MESSAGES = FEATURES.map((f) => f.messages);

/** Whether a user may open a route on this kind of installation. */
export function routeAllowed(r: FeatureRoute, user: { role: string; department: string | null } | null, installation: 'plant' | 'hq'): boolean {
  return (r.needs === null || can(user, r.needs)) && (!r.installation || r.installation === installation);
}
