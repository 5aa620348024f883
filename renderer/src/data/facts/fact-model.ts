// The UI thread's fact model (DESIGN.md §4): only what the people list and the employee page
// need — the people index, read back as kept (people-cache.ts) or built by the facts worker
// from the roster (people-build.ts). Every other dataset is held once, in the facts worker (held-facts.ts), and
// asked for by the screens that need it. Rebuilt when the set of live batches changes.

import { liveQuery, type Subscription } from 'dexie';
import type { ColumnSet } from '../../../../shared/domain/facts/columns.ts';
import type { DatasetName } from '../../../../shared/domain/facts/datasets.ts';
import { resolveDataset } from '../../../../shared/domain/facts/resolve.ts';
import type { XinhuoDb } from '../db/db.ts';
import { keyHeld } from '../db/at-rest.ts';
import { atRestKeys } from '../records/at-rest-keys.ts';
import { liveBatchesFor, readDataset, type ReadOptions } from './fact-store.ts';
import { yieldToEventLoop, type PeopleIndex } from './people-index.ts';
import { keptIndex, peopleSignature, readPeopleCache, unpackPeopleIndex } from './people-cache.ts';
import { buildPeopleHere, type PeopleBuilder } from './people-build.ts';
import { factsClient } from '../workers/facts-client.ts';
import { getInstallation } from '../records/installation.ts';
import { ownPartition } from '../../../../shared/records/store.ts';
import { loadInitials } from './pinyin.ts';
import type { FactBatchRecord } from '../db/types.ts';

export interface FactModel {
  /** Increases with every rebuild. */
  version: number;
  batches: FactBatchRecord[];
  people: PeopleIndex | null;
}

export async function loadDataset(db: XinhuoDb, dataset: DatasetName, options: ReadOptions = {}): Promise<ColumnSet> {
  const batches = await readDataset(db, dataset, options);
  // Resolving is a pass over every row: start it in a task of its own.
  await yieldToEventLoop();
  return resolveDataset(dataset, batches);
}

/**
 * Builds the model: the live batches and the people index, read back as kept when the roster's
 * batches are the ones it was built from, else built (`build`) and kept for next time.
 * `kept`: a write of the new index to wait for (tests); the app lets it finish in the background.
 */
export async function buildFactModel(db: XinhuoDb, version: number, build: PeopleBuilder, publish: (m: FactModel) => void = () => {}, options: ReadOptions = {}, kept?: (written: Promise<boolean>) => void): Promise<FactModel> {
  const installation = getInstallation(db);
  const [batches, stored] = await Promise.all([liveBatchesFor(db, undefined, options), readPeopleCache(db, options.waitForKey)]);
  const ownPart = await installation.then((i) => (i ? ownPartition(i) : null));
  const signature = peopleSignature(batches.filter((b) => b.dataset === 'roster'), ownPart);
  const people = await keptIndex(stored, signature);
  const built = people ? null : await build(db, signature, options);
  const model: FactModel = { version, batches, people: people ?? built!.people };
  publish(model);
  if (built?.keep) {
    const written = built.keep().catch((e: unknown) => {
      console.warn('people index not kept', e);
      return false;
    });
    kept?.(written);
  }
  return model;
}

/** Builds the index in the facts worker (`client`: tests give their own), which keeps it; this thread only unpacks it. */
export const buildPeopleInWorker =
  (client: () => Pick<ReturnType<typeof factsClient>, 'call'> = factsClient): PeopleBuilder =>
  async (db, signature, options) => {
    // The worker reads with the keys this thread holds: before sign-in, wait for them.
    if (options.waitForKey && (await atRestKeys(db))) await keyHeld(db.name);
    const built = await client().call('peopleIndex', { dbName: db.name, signature });
    return { people: 'packed' in built ? await unpackPeopleIndex(built.packed) : built.index };
  };

type Listener = () => void;

const batchSignature = (ids: readonly string[]) => [...ids].sort().join(',');

/** Holds the current model and rebuilds it whenever the batch table changes. */
export class FactModelStore {
  private model: FactModel = { version: 0, batches: [], people: null };
  private listeners = new Set<Listener>();
  private subscription: Subscription | null = null;
  private building = 0;
  private readonly db: XinhuoDb;
  constructor(db: XinhuoDb) {
    this.db = db;
  }

  get = (): FactModel => this.model;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private last = '';

  /**
   * Loads the model and then follows the batches. Called before sign-in too: the sealed rows
   * are read while the password is checked, and opened when the key arrives.
   */
  start(): void {
    if (this.subscription || this.starting) return;
    const starting = (this.starting = this.rebuild({ waitForKey: true })
      .then((m) => {
        this.last = batchSignature(m.batches.map((b) => b.id));
      })
      .catch((e: unknown) => console.error('fact model', e))
      // Sealed data changes only once someone has signed in; a database without a key (made
      // before encryption at rest) is followed at once.
      .then(async () => {
        if (await atRestKeys(this.db)) await keyHeld(this.db.name);
      })
      .then(() => {
        if (this.starting === starting) this.follow();
      }));
  }

  private starting: Promise<void> | null = null;

  private follow(): void {
    // The live batches: an undo leaves its batch as a tombstone, which must rebuild the model too.
    // Each row is read on its own and opened with WebCrypto: head office's hundreds of batches
    // opened in one go on the UI thread would hold it for a tenth of a second at every change.
    const batchIds = liveQuery(async () => (await liveBatchesFor(this.db, undefined, { waitForKey: true })).map((b) => b.id));
    this.subscription = batchIds.subscribe({
      next: (ids) => {
        const signature = batchSignature(ids);
        if (signature === this.last && this.model.version > 0) return;
        this.last = signature;
        void this.rebuild();
      },
      error: (e) => console.error('fact model', e),
    });
  }

  /** Stops following the batches and lets the facts go (at sign-out: nothing personal stays in memory). */
  stop(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
    this.starting = null;
    this.last = '';
    this.building++;
    this.model = { version: this.model.version + 1, batches: [], people: null };
    for (const l of this.listeners) l();
  }

  async rebuild(options: ReadOptions = {}): Promise<FactModel> {
    const ticket = ++this.building;
    return buildFactModel(
      this.db,
      this.model.version + 1,
      typeof Worker === 'undefined' ? buildPeopleHere(loadInitials) : buildPeopleInWorker(),
      (m) => {
        // A newer rebuild supersedes this one.
        if (ticket !== this.building) return;
        this.model = m;
        for (const l of this.listeners) l();
      },
      options,
    );
  }
}
