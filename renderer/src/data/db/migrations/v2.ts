// Schema version 2: screening profiles (every saved edit is a new version) and saved
// screening runs, which record the profile version, as-of date, data snapshot and results.

import type Dexie from 'dexie';
import { V1_STORES } from './v1.ts';

export const V2_STORES = {
  ...V1_STORES,
  profiles: 'id, profileId, [profileId+version], createdAt, partition, hlc',
  screeningRuns: 'id, profileId, createdAt, partition, hlc',
} as const;

export function applyV2(db: Dexie): void {
  // New tables only: existing rows need no upgrade.
  db.version(2).stores(V2_STORES);
}
