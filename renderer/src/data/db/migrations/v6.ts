// Schema version 6: offline panel review. The review packets this installation issued and the
// score sheets that came back (from score files, or typed in from paper).

import type Dexie from 'dexie';
import { V5_STORES } from './v5.ts';

export const V6_STORES = {
  ...V5_STORES,
  reviewPackets: 'id, packetId, roundId, partition',
  scoreSheets: 'id, packetId, candidateId, partition',
} as const;

export function applyV6(db: Dexie): void {
  // New tables only: existing rows need no upgrade.
  db.version(6).stores(V6_STORES);
}
