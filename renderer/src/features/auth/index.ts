// Sign-in: shown by the shell before any route.

import type { Feature } from '../contract/feature.ts';
import { en, zhCN } from './messages.ts';
// Binds key wraps to the operating-system user on desktop, at start (user-keys.ts).
import './user-keys.ts';

export { LoginScreen } from './login-screen.tsx';

export const authFeature: Feature = { id: 'auth', routes: [], messages: { 'zh-CN': zhCN, en } };
