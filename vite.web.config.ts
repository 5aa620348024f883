import { resolve } from 'node:path';
import { defineConfig, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
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

/** The app icon (assets/icon.png, 512×512) beside the web build, for the installable web app. */
function appIcon() {
  return {
    name: 'xinhuo-app-icon',
    generateBundle(this: { emitFile: (f: { type: 'asset'; fileName: string; source: Uint8Array }) => void }) {
      this.emitFile({ type: 'asset', fileName: 'icon-512.png', source: readFileSync(resolve(import.meta.dirname, 'assets/icon.png')) });
    },
  };
}

export default defineConfig({
  ...rendererConfig,
  plugins: [
    react(),
    appIcon(),
    // The web build works with the network off once loaded (a reviewer's tablet in a meeting
    // room): a service worker precaches every file of the app. Installable as an app.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script',
      manifest: {
        name: '薪火 Xinhuo',
        short_name: '薪火',
        description: '内训师选拔与微课管理',
        lang: 'zh-CN',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#f6f3ee',
        theme_color: '#c2452d',
        icons: [
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2,webmanifest}'],
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    ...rendererConfig.build,
    outDir: resolve(import.meta.dirname, 'dist-web'),
  },
});
