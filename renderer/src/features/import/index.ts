// 导入数据 and 导入历史: the import wizard and the batches with undo.

import { lazy } from 'react';
import type { Feature } from '../contract/feature.ts';
import { en, zhCN } from './messages.ts';
// Parses are watched for memory on desktop, from start (memory-watch.ts).
import './memory-watch.ts';

const ImportScreen = lazy(() => import('./import-screen.tsx').then((m) => ({ default: m.ImportScreen })));
const HistoryScreen = lazy(() => import('./history-screen.tsx').then((m) => ({ default: m.HistoryScreen })));

export const importFeature: Feature = {
  id: 'import',
  routes: [
    { name: 'import', path: 'import', needs: 'import', nav: 'nav.importer', screen: ImportScreen },
    { name: 'history', path: 'history', needs: 'history', nav: 'nav.history', screen: HistoryScreen },
  ],
  messages: { 'zh-CN': zhCN, en },
};
