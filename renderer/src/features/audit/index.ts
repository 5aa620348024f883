// 操作日志: the audit log.

import { lazy } from 'react';
import type { Feature } from '../contract/feature.ts';
import { en, zhCN } from './messages.ts';

const AuditScreen = lazy(() => import('./audit-screen.tsx').then((m) => ({ default: m.AuditScreen })));

export const auditFeature: Feature = {
  id: 'audit',
  routes: [
    { name: 'audit', path: 'audit', needs: 'audit', nav: 'nav.audit', screen: AuditScreen },
  ],
  messages: { 'zh-CN': zhCN, en },
};
