// All schema versions in order. A schema change is a new file with version(n+1), an upgrade
// function and its own test; existing versions are never edited. Upgrades run when the
// database opens, before anyone has signed in: rows of the sealed tables (db/at-rest.ts) cannot
// be read there, so a step that must change their content does it after sign-in, through the
// write path (as upgradeToRounds does).

import type Dexie from 'dexie';
import { applyV1 } from './v1.ts';
import { applyV2 } from './v2.ts';
import { applyV3 } from './v3.ts';
import { applyV4 } from './v4.ts';
import { applyV5 } from './v5.ts';
import { applyV6 } from './v6.ts';
import { applyV7 } from './v7.ts';
import { applyV8 } from './v8.ts';
import { applyV9 } from './v9.ts';
import { applyV10 } from './v10.ts';
import { applyV11 } from './v11.ts';

export const MIGRATIONS: readonly ((db: Dexie) => void)[] = [applyV1, applyV2, applyV3, applyV4, applyV5, applyV6, applyV7, applyV8, applyV9, applyV10, applyV11];

export function applyMigrations(db: Dexie): void {
  for (const migrate of MIGRATIONS) migrate(db);
}
