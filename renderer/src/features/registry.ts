// Every feature of the app, in sidebar order. Adding a screen: its folder, and one line here.

import { setRoutes } from '../ui/index.ts';
import { auditFeature } from './audit/index.ts';
import { authFeature } from './auth/index.ts';
import type { Feature, FeatureRoute } from './feature.ts';
import { importFeature } from './import/index.ts';
import { peopleFeature } from './people/index.ts';
import { pipelineFeature } from './pipeline/index.ts';
import { screeningFeature } from './screening/index.ts';
import { settingsFeature } from './settings/index.ts';
import { setupFeature } from './setup/index.ts';

export const FEATURES: readonly Feature[] = [
  peopleFeature,
  screeningFeature,
  pipelineFeature,
  importFeature,
  auditFeature,
  settingsFeature,
  setupFeature,
  authFeature,
];

export const ROUTES: readonly FeatureRoute[] = FEATURES.flatMap((f) => f.routes);

setRoutes(ROUTES);

/** Every feature's messages, merged per language, for i18n. */
export const FEATURE_MESSAGES = FEATURES.map((f) => f.messages);
