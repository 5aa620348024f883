// The layering lint rule must actually refuse imports that break DESIGN.md §3.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function errorsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

describe('layering lint rule', () => {
  it.each([
    ['shared/domain/x.ts', "import Dexie from 'dexie';\nexport const a = Dexie;"],
    ['shared/domain/x.ts', "import { readFile } from 'node:fs/promises';\nexport const a = readFile;"],
    ['shared/domain/x.ts', "import * as XLSX from 'xlsx';\nexport const a = XLSX;"],
    ['shared/domain/x.ts', "import { a } from '../io/export-dataset.ts';\nexport const b = a;"],
    ['shared/io/x.ts', "import { useState } from 'react';\nexport const a = useState;"],
    ['shared/records/x.ts', "import Dexie from 'dexie';\nexport const a = Dexie;"],
    ['shared/records/x.ts', "import { a } from '../io/export-dataset.ts';\nexport const b = a;"],
    ['shared/records/x.ts', "import { getDb } from '../../renderer/src/data/index.ts';\nexport const a = getDb;"],
    ['shared/ipc/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['renderer/src/data/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['renderer/src/data/x.ts', "import { a } from '../features/people/index.ts';\nexport const b = a;"],
    ['renderer/src/platform/x.ts', "import { getDb } from '../data/index.ts';\nexport const a = getDb;"],
    ['renderer/src/ui/x.ts', "import { getDb } from '../data/index.ts';\nexport const a = getDb;"],
    ['renderer/src/features/people/x.ts', "import { XinhuoDb } from '../../data/db.ts';\nexport const a = XinhuoDb;"],
    ['renderer/src/features/people/x.ts', "import { webPlatform } from '../../platform/web.ts';\nexport const a = webPlatform;"],
    ['renderer/src/features/people/x.ts', "import Dexie from 'dexie';\nexport const a = Dexie;"],
    ['electron/main/x.ts', "import { App } from '../../renderer/src/app.tsx';\nexport const a = App;"],
    ['cli/x.ts', "import { getDb } from '../renderer/src/data/index.ts';\nexport const a = getDb;"],
  ])('refuses in %s: %s', async (file, code) => {
    expect(await errorsFor(file, code)).not.toEqual([]);
  });

  it.each([
    ['shared/domain/x.ts', "import { z } from 'zod';\nimport { parsePeriod } from './periods.ts';\nexport const a = [z, parsePeriod];"],
    ['shared/records/x.ts', "import { z } from 'zod';\nimport { newId } from '../domain/sync/envelope.ts';\nexport const a = [z, newId];"],
    ['shared/io/x.ts', "import * as XLSX from 'xlsx';\nimport { parsePeriod } from '../domain/periods.ts';\nexport const a = [XLSX, parsePeriod];"],
    ['renderer/src/features/people/x.ts', "import { getDb } from '../../data/index.ts';\nimport { getPlatform } from '../../platform/index.ts';\nexport const a = [getDb, getPlatform];"],
    ['renderer/src/data/x.ts', "import Dexie from 'dexie';\nimport { parsePeriod } from '../../../shared/domain/periods.ts';\nexport const a = [Dexie, parsePeriod];"],
    ['electron/main/x.ts', "import { app } from 'electron';\nimport { CHANNELS } from '../../shared/ipc/channels.ts';\nexport const a = [app, CHANNELS];"],
  ])('allows in %s: %s', async (file, code) => {
    expect(await errorsFor(file, code)).toEqual([]);
  });
});
