// 选拔流程: the selection pipeline.

import { lazy } from 'react';
import type { Feature } from '../contract/feature.ts';
import { en, zhCN } from './messages.ts';

const PipelineScreen = lazy(() => import('./pipeline-screen.tsx').then((m) => ({ default: m.PipelineScreen })));

export const pipelineFeature: Feature = {
  id: 'pipeline',
  routes: [
    { name: 'pipeline', path: 'pipeline', needs: 'pipeline', nav: 'nav.pipeline', screen: PipelineScreen },
  ],
  messages: { 'zh-CN': zhCN, en },
};
