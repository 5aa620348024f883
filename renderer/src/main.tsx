// Renderer entry.

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './shell/app.tsx';
import { FEATURE_MESSAGES } from './shell/registry.ts';
import { initI18n } from './i18n/index.ts';
import { useAppStore } from './store/index.ts';
import './ui/styles.css';

initI18n(useAppStore.getState().language, FEATURE_MESSAGES);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
