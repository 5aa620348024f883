// Component tests render real screens' panels in jsdom with the app's catalogues.
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { FEATURE_MESSAGES } from '../../../renderer/src/shell/registry.ts';
import { initI18n } from '../../../renderer/src/i18n/index.ts';

initI18n('zh-CN', FEATURE_MESSAGES);
afterEach(() => cleanup());

