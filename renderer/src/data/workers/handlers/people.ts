// The people list's index, built here from the roster's blocks and kept for the next start-up
// (facts/people-build.ts). The page gets it packed, its buffers handed over, and only unpacks it.

import type { HeldFacts } from '../../facts/held-facts.ts';
import { buildPeople } from '../../facts/people-build.ts';
import { keepPacked, packedBuffers, packPeopleIndex, type PackedPeople } from '../../facts/people-cache.ts';
import type { PeopleIndex } from '../../facts/people-index.ts';
import { loadInitials, lookUpHere } from '../../facts/pinyin.ts';
import type { CallIo } from '../rpc.ts';

/** Packed, or — for a roster whose values hold a reserved character, which is never kept — as built. */
export type BuiltPeopleIndex = { packed: PackedPeople } | { index: PeopleIndex };

export function peopleHandlers(facts: HeldFacts) {
  return {
    /** The index of the roster as stored now, kept under `signature` (which the page computed from the live batches) when every block is in. */
    async peopleIndex({ dbName, signature }: { dbName: string; signature: string }, io: CallIo): Promise<BuiltPeopleIndex> {
      const db = facts.open(dbName);
      const { index, complete } = await buildPeople(db, (names) => loadInitials(names, lookUpHere));
      const packed = packPeopleIndex(index, signature);
      if (complete) {
        const { written } = await keepPacked(db, packed);
        written.catch((e: unknown) => console.warn('people index not kept', e));
      }
      if (!packed) return { index };
      io.transfer(...packedBuffers(packed));
      return { packed };
    },
  };
}
