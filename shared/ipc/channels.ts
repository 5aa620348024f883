// Channel names of the preload contract, free of any dependency so that the sandboxed
// preload can bundle them. Schemas and reply types are in contract.ts.

export const CHANNELS = ['files:open', 'files:save', 'files:reveal', 'app:info', 'bundles:pending', 'backup:status', 'backup:chooseFolder', 'backup:write', 'secrets:seal', 'secrets:open', 'system:memory'] as const;
export type Channel = (typeof CHANNELS)[number];

export type ApiName<C extends string> = C extends `${infer A}:${infer B}` ? `${A}${Capitalize<B>}` : C;

export const API_NAMES = {
  'files:open': 'filesOpen',
  'files:save': 'filesSave',
  'files:reveal': 'filesReveal',
  'app:info': 'appInfo',
  'bundles:pending': 'bundlesPending',
  'backup:status': 'backupStatus',
  'backup:chooseFolder': 'backupChooseFolder',
  'backup:write': 'backupWrite',
  'secrets:seal': 'secretsSeal',
  'secrets:open': 'secretsOpen',
  'system:memory': 'systemMemory',
} as const satisfies { [C in Channel]: ApiName<C> };
