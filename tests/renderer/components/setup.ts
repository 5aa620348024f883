// Component tests render real screens' panels in jsdom with the app's catalogues.
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { FEATURE_MESSAGES } from '../../../renderer/src/shell/registry.ts';
import { initI18n } from '../../../renderer/src/i18n/index.ts';

initI18n('zh-CN', FEATURE_MESSAGES);
afterEach(() => cleanup());


/** jsdom lays nothing out: gives scroll boxes a window's size for the file's tests, so that a
 *  virtualised table has rows in view. */
export function withScrollBoxes(sizes = { clientHeight: 400, clientWidth: 900 }): void {
  const saved = Object.fromEntries(Object.keys(sizes).map((k) => [k, Object.getOwnPropertyDescriptor(HTMLElement.prototype, k)]));
  beforeAll(() => {
    for (const [k, v] of Object.entries(sizes)) Object.defineProperty(HTMLElement.prototype, k, { configurable: true, get: () => v });
  });
  afterAll(() => {
    for (const [k, d] of Object.entries(saved)) if (d) Object.defineProperty(HTMLElement.prototype, k, d);
  });
}
