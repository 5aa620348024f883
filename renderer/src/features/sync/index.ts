// 同步 at a plant, 各厂区 at head office: trust setup, bundles, backups, the bundle inspector.

import { lazy } from 'react';
import type { Feature } from '../contract/feature.ts';
import { SyncBackground } from './background.tsx';
import { en, zhCN } from './messages.ts';

const PlantSyncScreen = lazy(() => import('./plant-sync-screen.tsx').then((m) => ({ default: m.PlantSyncScreen })));
const PlantsScreen = lazy(() => import('./plants-screen.tsx').then((m) => ({ default: m.PlantsScreen })));

export const syncFeature: Feature = {
  id: 'sync',
  routes: [
    { name: 'sync', path: 'sync', needs: 'sync', nav: 'nav.sync', installation: 'plant', screen: PlantSyncScreen },
    { name: 'plants', path: 'plants', needs: 'sync', nav: 'nav.plants', installation: 'hq', screen: PlantsScreen },
  ],
  messages: { 'zh-CN': zhCN, en },
  background: SyncBackground,
};
