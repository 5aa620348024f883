// Lint: TypeScript rules, React hooks, and the layering of DESIGN.md §3: an allow-list of
// which folder may import which (eslint-plugin-boundaries, every source folder is an element),
// plus per-layer bans on packages.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import boundaries from 'eslint-plugin-boundaries';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'worker_threads', 'stream', 'zlib'];
const ban = (patterns, message) => patterns.map((group) => ({ group: [group], message }));

/** One entry per layer: which imports it may not make. */
const LAYERS = [
  {
    files: ['shared/domain/**'],
    forbidden: [
      ...ban(['react', 'react-*', 'react/*', 'dexie', 'dexie-*', 'electron', 'xlsx', 'chart.js', 'iconv-lite', 'zustand', 'i18next', 'fflate', 'pinyin-pro'], 'shared/domain is pure: no UI, storage, Electron or file-format libraries (DESIGN.md §3).'),
      ...ban(NODE_BUILTINS, 'shared/domain is pure: no Node APIs (DESIGN.md §3).'),
      ...ban(['**/renderer/**', '**/electron/**', '**/cli/**', '**/shared/io/**', '**/shared/bundle/**', '**/shared/ipc/**', '../io/*', '../bundle/*', '../ipc/*', '../../io/*', '../../bundle/*', '../../ipc/*'], 'shared/domain may import only shared/domain (DESIGN.md §3).'),
    ],
  },
  {
    files: ['shared/io/**'],
    forbidden: [
      ...ban(['react', 'react-*', 'dexie', 'dexie-*', 'electron', 'chart.js', 'zustand'], 'shared/io reads and writes files: no UI, storage or Electron (DESIGN.md §3).'),
      ...ban(NODE_BUILTINS, 'shared/io runs in browsers and workers too: no Node APIs (DESIGN.md §3).'),
      ...ban(['**/renderer/**', '**/electron/**', '**/cli/**', '**/shared/bundle/**', '../bundle/*'], 'shared/io may import shared/domain only (DESIGN.md §3).'),
    ],
  },
  {
    files: ['shared/records/**'],
    forbidden: [
      ...ban(['react', 'react-*', 'dexie', 'dexie-*', 'electron', 'xlsx', 'chart.js', 'zustand', 'i18next', 'iconv-lite'], 'shared/records holds record schemas and the write path: no UI, storage engine or file formats (DESIGN.md §3, §4).'),
      ...ban(NODE_BUILTINS, 'shared/records runs in browsers, workers and the CLI: no Node APIs (DESIGN.md §3).'),
      ...ban(['**/renderer/**', '**/electron/**', '**/cli/**', '**/shared/io/**', '**/shared/bundle/**', '**/shared/ipc/**', '../io/*', '../bundle/*', '../ipc/*'], 'shared/records may import shared/domain only (DESIGN.md §4).'),
    ],
  },
  {
    files: ['shared/ipc/**', 'shared/bundle/**'],
    forbidden: [
      ...ban(['react', 'react-*', 'dexie', 'dexie-*', 'electron', 'xlsx', 'chart.js', 'zustand'], 'shared/ipc and shared/bundle depend on shared/ only (DESIGN.md §3).'),
      ...ban(NODE_BUILTINS, 'shared/ipc and shared/bundle run in browsers too: no Node APIs (DESIGN.md §3).'),
      ...ban(['**/renderer/**', '**/electron/**', '**/cli/**'], 'shared/ may not import the shells (DESIGN.md §3).'),
    ],
  },
  {
    files: ['electron/**'],
    forbidden: ban(['react', 'react-*', 'dexie', 'dexie-*', '**/renderer/**', '**/cli/**'], 'electron/ may import shared/, electron and node only (DESIGN.md §3).'),
  },
  {
    files: ['cli/**'],
    forbidden: ban(['react', 'react-*', 'dexie', 'dexie-*', 'electron', '**/renderer/**', '**/electron/**'], 'cli/ may import shared/ only (DESIGN.md §3).'),
  },
  {
    files: ['renderer/src/data/**'],
    forbidden: ban(['electron', 'xlsx', 'chart.js', 'react-chartjs-2', '**/features/**', '**/platform/**', '**/ui/**', '**/store/**', '**/electron/**'], 'renderer/src/data may import shared/ and dexie only (DESIGN.md §3).'),
  },
  {
    files: ['renderer/src/platform/**'],
    forbidden: ban(['electron', 'dexie', 'dexie-*', '**/features/**', '**/data/**', '**/ui/**', '**/store/**', '**/shared/domain/**', '**/shared/io/**', '**/electron/**'], 'renderer/src/platform may import shared/ipc only (DESIGN.md §3).'),
  },
  {
    files: ['renderer/src/ui/**'],
    forbidden: ban(['electron', 'dexie', 'dexie-*', '**/features/**', '**/data/**', '**/platform/**', '**/store/**', '**/electron/**'], 'renderer/src/ui is the design system: react and chart.js only (DESIGN.md §3).'),
  },
  {
    files: ['renderer/src/features/**'],
    forbidden: [
      ...ban(['electron', 'dexie', 'dexie-react-hooks', '**/electron/**'], 'features reach storage through renderer/src/data and the OS through renderer/src/platform (DESIGN.md §3).'),
      ...ban(['**/shared/records/store*', '**/shared/records/memory-store*'], 'features write through the repositories renderer/src/data exports, never the write path itself (DESIGN.md §4).'),
      ...ban(['**/data/*/**', '**/data/db*', '**/data/fact-*', '**/data/change*'], 'features use renderer/src/data through its index.ts (STYLE.md).'),
      ...ban(['**/platform/desktop*', '**/platform/web*'], 'only renderer/src/platform knows which platform it is on: import its index.ts.'),
    ],
  },
];

/** Every source folder is an element of one type. */
const ELEMENTS = [
  { type: 'shared-domain', pattern: 'shared/domain' },
  { type: 'shared-io', pattern: 'shared/io' },
  { type: 'shared-records', pattern: 'shared/records' },
  { type: 'shared-bundle', pattern: 'shared/bundle' },
  { type: 'shared-ipc', pattern: 'shared/ipc' },
  { type: 'electron', pattern: 'electron' },
  { type: 'cli', pattern: 'cli' },
  { type: 'data', pattern: 'renderer/src/data' },
  { type: 'platform', pattern: 'renderer/src/platform' },
  { type: 'ui', pattern: 'renderer/src/ui' },
  { type: 'store', pattern: 'renderer/src/store' },
  { type: 'i18n', pattern: 'renderer/src/i18n' },
  { type: 'feature-contract', pattern: 'renderer/src/features/contract' },
  { type: 'feature', pattern: 'renderer/src/features/*', capture: ['feature'] },
  { type: 'shell', pattern: 'renderer/src/shell' },
  // The entry (main.tsx) and ambient types: the files directly in renderer/src.
  { type: 'entry', pattern: 'renderer/src' },
];

const SHARED = ['shared-domain', 'shared-io', 'shared-records', 'shared-bundle', 'shared-ipc'];
/** Who may import whom: anything not listed here is refused. */
const ALLOWED = {
  'shared-domain': ['shared-domain'],
  'shared-io': ['shared-domain', 'shared-io'],
  'shared-records': ['shared-domain', 'shared-records'],
  'shared-bundle': ['shared-domain', 'shared-records', 'shared-bundle'],
  'shared-ipc': ['shared-domain', 'shared-ipc'],
  electron: [...SHARED, 'electron'],
  cli: [...SHARED, 'cli'],
  data: [...SHARED, 'data'],
  platform: ['shared-ipc', 'platform'],
  ui: ['ui'],
  store: ['store', 'i18n'],
  i18n: ['shared-domain', 'shared-records', 'i18n'],
  'feature-contract': ['data'],
  feature: [...SHARED, 'data', 'platform', 'ui', 'store', 'i18n', 'feature-contract', 'feature'],
  shell: ['shell', 'data', 'ui', 'store', 'i18n', 'feature', 'feature-contract'],
  entry: ['shell', 'i18n', 'store', 'ui'],
};

export const LAYER_MESSAGE = 'This import crosses the layering of DESIGN.md §3: see ALLOWED in eslint.config.js.';

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist-web/', 'release/', 'test-results/', 'playwright-report/', '.tmp/', 'tests/fixtures/generated/'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-globals': ['error', { name: 'require', message: 'Use ES imports.' }],
    },
  },
  {
    files: ['shared/**/*.ts', 'electron/**/*.ts', 'cli/**/*.ts', 'renderer/src/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: { 'boundaries/elements': ELEMENTS },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          message: LAYER_MESSAGE,
          policies: Object.entries(ALLOWED).map(([from, to]) => ({ from: { element: { type: from } }, allow: { to: { element: { types: { anyOf: to } } } } })),
        },
      ],
      // A source file outside every element is a folder the layering forgot.
      'boundaries/no-unknown-files': 'error',
    },
  },
  // Each layer sets the rule once; flat config would let a later entry replace an earlier one.
  ...LAYERS.map(({ files, forbidden }) => ({
    files: files.map((f) => `${f}/*.{ts,tsx}`),
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: forbidden }] },
  })),
);
