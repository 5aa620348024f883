// The in-memory fact model (DESIGN.md §4): every dataset resolved from its batches (latest
// batch wins per key), plus the people index the browser reads. Rebuilt when the set of
// batches changes; the roster is published first so the people list is usable before the
// larger datasets have loaded.

import { liveQuery, type Subscription } from 'dexie';
import { rowAt, type ColumnSet, type StringColumn } from '../../../../shared/domain/facts/columns.ts';
import { DATASET_NAMES, type DatasetName } from '../../../../shared/domain/facts/datasets.ts';
import { resolveDataset } from '../../../../shared/domain/facts/resolve.ts';
import type { XinhuoDb } from '../db/db.ts';
import { liveBatches, readDataset } from './fact-store.ts';
import { buildPeopleIndex, yieldToEventLoop, type InitialsOf, type PeopleIndex } from './people-index.ts';
import { loadInitials } from './pinyin.ts';
import type { FactBatchRecord } from '../db/types.ts';

export interface FactModel {
  /** Increases with every rebuild. */
  version: number;
  batches: FactBatchRecord[];
  datasets: Partial<Record<DatasetName, ColumnSet>>;
  people: PeopleIndex | null;
  /** True once every dataset has loaded. */
  complete: boolean;
}

export async function loadDataset(db: XinhuoDb, dataset: DatasetName): Promise<ColumnSet> {
  const batches = await readDataset(db, dataset);
  // Resolving is a pass over every row: start it in a task of its own.
  await yieldToEventLoop();
  return resolveDataset(dataset, batches);
}

/** Builds the full model; `publish` receives the partial model after the roster. The other
 *  datasets load once `rest` resolves (at once by default). */
export async function buildFactModel(db: XinhuoDb, version: number, initials: (names: StringColumn) => Promise<InitialsOf>, publish: (m: FactModel) => void = () => {}, rest: () => Promise<void> = async () => {}): Promise<FactModel> {
  const batches = await liveBatches(db);
  const roster = await loadDataset(db, 'roster');
  const initialsOf = await initials(roster.columns.name as StringColumn);
  let model: FactModel = { version, batches, datasets: { roster }, people: await buildPeopleIndex(roster, initialsOf), complete: false };
  publish(model);
  await rest();
  await yieldToEventLoop();
  for (const name of DATASET_NAMES) {
    if (name === 'roster') continue;
    model = { ...model, datasets: { ...model.datasets, [name]: await loadDataset(db, name) } };
  }
  model = { ...model, complete: true };
  publish(model);
  return model;
}

/** Rows of a dataset for one employee, as plain objects (a linear scan: cheap per page view). */
export function rowsForEmployee(set: ColumnSet | undefined, employeeId: string): Record<string, string | number | null>[] {
  if (!set) return [];
  const ids = set.columns.employeeId as StringColumn;
  const out: Record<string, string | number | null>[] = [];
  for (let i = 0; i < set.length; i++) if (ids[i] === employeeId) out.push(rowAt(set, i));
  return out;
}

type Listener = () => void;

/** Holds the current model and rebuilds it whenever the batch table changes. */
export class FactModelStore {
  private model: FactModel = { version: 0, batches: [], datasets: {}, people: null, complete: false };
  private listeners = new Set<Listener>();
  private subscription: Subscription | null = null;
  private building = 0;
  private readonly db: XinhuoDb;
  // The datasets besides the roster (about a million rows at a large plant) wait until a
  // screen wants them, so that loading them does not compete with signing in and showing the
  // people list.
  private restWanted = false;
  private releaseRest: (() => void) | null = null;
  private restGate: Promise<void> = new Promise((resolve) => (this.releaseRest = resolve));

  constructor(db: XinhuoDb) {
    this.db = db;
  }

  get = (): FactModel => this.model;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  start(): void {
    if (this.subscription) return;
    // The live batches: an undo leaves its batch as a tombstone, which must rebuild the model too.
    const batchIds = liveQuery(async () => (await liveBatches(this.db)).map((b) => b.id));
    let last = '';
    this.subscription = batchIds.subscribe({
      next: (ids) => {
        const signature = [...ids].sort().join(',');
        if (signature === last && this.model.version > 0) return;
        last = signature;
        void this.rebuild();
      },
      error: (e) => console.error('fact model', e),
    });
  }

  stop(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
  }

  /** Loads every dataset, not only the roster; the shell asks once the people list is up. */
  wantAll(): void {
    if (this.restWanted) return;
    this.restWanted = true;
    this.releaseRest?.();
  }

  async rebuild(): Promise<FactModel> {
    const ticket = ++this.building;
    return buildFactModel(
      this.db,
      this.model.version + 1,
      loadInitials,
      (m) => {
        // A newer rebuild supersedes this one.
        if (ticket !== this.building) return;
        this.model = m;
        for (const l of this.listeners) l();
      },
      () => this.restGate,
    );
  }
}
