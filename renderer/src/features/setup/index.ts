// First-run setup and the demo plant: shown by the shell before any account exists.

import type { Feature } from '../contract/feature.ts';
import { en, zhCN } from './messages.ts';

export { SetupScreen } from './setup-screen.tsx';
export { DemoFields, DemoProgressView, useDemoLoader, DEFAULT_DEMO_EMPLOYEES, type DemoSettings } from './demo-panel.tsx';

export const setupFeature: Feature = { id: 'setup', routes: [], messages: { 'zh-CN': zhCN, en } };
