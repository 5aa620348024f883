// 培训师筛选: trainer screening with explanations.

import { lazy } from 'react';
import type { Feature } from '../contract/feature.ts';
import { en, zhCN } from './messages.ts';

const ScreeningScreen = lazy(() => import('./screening-screen.tsx').then((m) => ({ default: m.ScreeningScreen })));

export const screeningFeature: Feature = {
  id: 'screening',
  routes: [
    { name: 'screening', path: 'screening', needs: 'screening', nav: 'nav.screening', screen: ScreeningScreen },
  ],
  messages: { 'zh-CN': zhCN, en },
};
