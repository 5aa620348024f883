// 设置: language, this installation, and accounts for administrators.

import { lazy } from 'react';
import type { Feature } from '../contract/feature.ts';
import { en, zhCN } from './messages.ts';

const SettingsScreen = lazy(() => import('./settings-screen.tsx').then((m) => ({ default: m.SettingsScreen })));

export const settingsFeature: Feature = {
  id: 'settings',
  routes: [
    // Language and this installation's identity are for everyone; accounts check their own capability.
    { name: 'settings', path: 'settings', needs: null, nav: 'nav.settings', screen: SettingsScreen },
  ],
  messages: { 'zh-CN': zhCN, en },
};
