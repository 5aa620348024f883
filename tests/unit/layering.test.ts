// The layering lint rules must actually refuse imports that break DESIGN.md §3: the folder
// allow-list (boundaries/dependencies) and the per-layer package bans (no-restricted-imports).
// Each case names the rule that must fire.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });
const ALLOW_LIST = 'boundaries/dependencies';
const BAN = '@typescript-eslint/no-restricted-imports';

async function rulesFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return [...new Set(result.messages.filter((m) => m.ruleId === ALLOW_LIST || m.ruleId === BAN).map((m) => m.ruleId!))];
}

describe('layering lint rules', () => {
  it.each([
    // Packages a layer may not use.
    ['shared/domain/x.ts', "import Dexie from 'dexie';\nexport const a = Dexie;", BAN],
    ['shared/domain/x.ts', "import { readFile } from 'node:fs/promises';\nexport const a = readFile;", BAN],
    ['shared/domain/x.ts', "import * as XLSX from 'xlsx';\nexport const a = XLSX;", BAN],
    ['shared/io/x.ts', "import { useState } from 'react';\nexport const a = useState;", BAN],
    ['shared/records/x.ts', "import Dexie from 'dexie';\nexport const a = Dexie;", BAN],
    ['shared/ipc/x.ts', "import { app } from 'electron';\nexport const a = app;", BAN],
    ['renderer/src/data/x.ts', "import { app } from 'electron';\nexport const a = app;", BAN],
    ['renderer/src/features/people/x.ts', "import Dexie from 'dexie';\nexport const a = Dexie;", BAN],
    ['renderer/src/features/people/x.ts', "import { useLiveQuery } from 'dexie-react-hooks';\nexport const a = useLiveQuery;", BAN],
    ['renderer/src/features/people/x.ts', "import { XinhuoDb } from '../../data/db/db.ts';\nexport const a = XinhuoDb;", BAN],
    ['renderer/src/features/people/x.ts', "import { change } from '../../data/records/change.ts';\nexport const a = change;", BAN],
    ['renderer/src/features/people/x.ts', "import { runChange } from '../../../../shared/records/store.ts';\nexport const a = runChange;", BAN],
    ['renderer/src/features/people/x.ts', "import { webPlatform } from '../../platform/web.ts';\nexport const a = webPlatform;", BAN],
    // Folders a layer may not reach (the allow-list).
    ['shared/domain/x.ts', "import { a } from '../io/export-dataset.ts';\nexport const b = a;", ALLOW_LIST],
    ['shared/domain/x.ts', "import { restoreRecord } from '../records/restore.ts';\nexport const b = restoreRecord;", ALLOW_LIST],
    ['shared/records/x.ts', "import { readWorkbook } from '../io/read-file.ts';\nexport const b = readWorkbook;", ALLOW_LIST],
    ['shared/io/x.ts', "import { restoreRecord } from '../records/restore.ts';\nexport const b = restoreRecord;", ALLOW_LIST],
    ['shared/records/x.ts', "import { getDb } from '../../renderer/src/data/db/db.ts';\nexport const a = getDb;", ALLOW_LIST],
    ['renderer/src/data/x.ts', "import { peopleFeature } from '../features/people/index.ts';\nexport const b = peopleFeature;", ALLOW_LIST],
    ['renderer/src/data/x.ts', "import { useAppStore } from '../store/index.ts';\nexport const b = useAppStore;", ALLOW_LIST],
    ['renderer/src/platform/x.ts', "import { getDb } from '../data/db/db.ts';\nexport const a = getDb;", ALLOW_LIST],
    ['renderer/src/ui/x.ts', "import { getDb } from '../data/db/db.ts';\nexport const a = getDb;", ALLOW_LIST],
    ['renderer/src/ui/x.ts', "import { useAppStore } from '../store/index.ts';\nexport const a = useAppStore;", ALLOW_LIST],
    ['renderer/src/store/x.ts', "import { getDb } from '../data/db/db.ts';\nexport const a = getDb;", ALLOW_LIST],
    ['renderer/src/i18n/x.ts', "import { peopleFeature } from '../features/people/index.ts';\nexport const a = peopleFeature;", ALLOW_LIST],
    ['renderer/src/features/people/x.ts', "import { ROUTES } from '../../shell/registry.ts';\nexport const a = ROUTES;", ALLOW_LIST],
    ['electron/main/x.ts', "import { App } from '../../renderer/src/shell/app.tsx';\nexport const a = App;", ALLOW_LIST],
    ['cli/x.ts', "import { getDb } from '../renderer/src/data/db/db.ts';\nexport const a = getDb;", ALLOW_LIST],
  ])('refuses in %s: %s', async (file, code, rule) => {
    expect(await rulesFor(file, code)).toContain(rule);
  });

  it.each([
    ['shared/domain/x.ts', "import { z } from 'zod';\nimport { parsePeriod } from './periods.ts';\nexport const a = [z, parsePeriod];"],
    ['shared/records/x.ts', "import { z } from 'zod';\nimport { newId } from '../domain/sync/envelope.ts';\nexport const a = [z, newId];"],
    ['shared/io/x.ts', "import * as XLSX from 'xlsx';\nimport { parsePeriod } from '../domain/periods.ts';\nexport const a = [XLSX, parsePeriod];"],
    ['renderer/src/features/people/x.ts', "import { signIn } from '../../data/index.ts';\nimport { getPlatform } from '../../platform/index.ts';\nexport const a = [signIn, getPlatform];"],
    ['renderer/src/data/x.ts', "import Dexie from 'dexie';\nimport { parsePeriod } from '../../../shared/domain/periods.ts';\nimport { runChange } from '../../../shared/records/store.ts';\nexport const a = [Dexie, parsePeriod, runChange];"],
    ['renderer/src/shell/x.ts', "import { peopleFeature } from '../features/people/index.ts';\nexport const a = peopleFeature;"],
    ['electron/main/x.ts', "import { app } from 'electron';\nimport { CHANNELS } from '../../shared/ipc/channels.ts';\nexport const a = [app, CHANNELS];"],
    ['cli/x.ts', "import { restoreRecord } from '../shared/records/restore.ts';\nexport const a = restoreRecord;"],
  ])('allows in %s: %s', async (file, code) => {
    expect(await rulesFor(file, code)).toEqual([]);
  });
});
