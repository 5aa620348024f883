// Building the people index from the roster's blocks: after an import, an undo or a merge, and at
// a start-up that finds no kept index. In the app this runs in the facts worker
// (workers/handlers/people.ts): for 100,000 employees, reading the roster, its pinyin initials,
// the dictionaries and packing the index for keeping held the UI thread in tasks of up to a
// quarter of a second. The page gets the index packed (people-cache.ts) and only unpacks it.

import type { StringColumn } from '../../../../shared/domain/facts/columns.ts';
import { resolveDataset } from '../../../../shared/domain/facts/resolve.ts';
import type { XinhuoDb } from '../db/db.ts';
import { liveBatchesFor, readDataset, type ReadOptions } from './fact-store.ts';
import { writePeopleCache } from './people-cache.ts';
import { buildPeopleIndex, yieldToEventLoop, type InitialsOf, type PeopleIndex } from './people-index.ts';

export type Initials = (names: StringColumn) => Promise<InitialsOf>;

/** The index of the roster as stored; `complete` when every block of every roster batch is in, so that it may be kept. */
export async function buildPeople(db: XinhuoDb, initials: Initials, options: ReadOptions = {}): Promise<{ index: PeopleIndex; complete: boolean }> {
  const batches = await liveBatchesFor(db, 'roster', options);
  const read = await readDataset(db, 'roster', options);
  // A batch still arriving (a bundle applied in chunks) is shown as it stands but not kept.
  const blockCount = new Map(batches.map((b) => [b.id, b.blockCount]));
  const complete = read.every((b) => b.blocks.length === blockCount.get(b.batch));
  await yieldToEventLoop();
  const roster = resolveDataset('roster', read);
  const index = await buildPeopleIndex(roster, await initials(roster.columns.name as StringColumn));
  return { index, complete };
}

/**
 * How a fact model gets its people index when none is kept: built (somewhere) from the roster
 * and kept under `signature` when complete. `keep`, called once the index is shown, starts the
 * write where the builder has not already.
 */
export type PeopleBuilder = (db: XinhuoDb, signature: string, options: ReadOptions) => Promise<{ people: PeopleIndex; keep?: () => Promise<boolean> }>;

/** Builds in this thread (tests, and where there are no workers), keeping the index after it is shown. */
export const buildPeopleHere =
  (initials: Initials): PeopleBuilder =>
  async (db, signature, options) => {
    const { index, complete } = await buildPeople(db, initials, options);
    return { people: index, keep: complete ? () => writePeopleCache(db, index, signature) : undefined };
  };
