import { resolve } from 'node:path';
import { defineConfig, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as { version: string };

/** Shared by the desktop renderer build (electron-vite) and the web build. */
export const rendererConfig = {
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  worker: { format: 'es' as const },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    emptyOutDir: true,
  },
} satisfies UserConfig;

export default defineConfig({
  ...rendererConfig,
  plugins: [react()],
  build: {
    ...rendererConfig.build,
    outDir: resolve(import.meta.dirname, 'dist-web'),
  },
});
