// The resolved fact model, held once, in the facts worker: every query that needs facts
// (screening, exports, an employee's records, and later analytics and quality checks) asks it.
// It reloads only when the set of live batches changes, and indexes rows by employee once
// per dataset, so an employee page does not scan every row.

import type { ColumnSet, StringColumn } from '../../../../shared/domain/facts/columns.ts';
import { rowAt } from '../../../../shared/domain/facts/columns.ts';
import type { DatasetName } from '../../../../shared/domain/facts/datasets.ts';
import { buildScreeningData, type ScreeningData } from '../../../../shared/domain/screening/data.ts';
import { Screener } from '../../../../shared/domain/screening/engine.ts';
import { XinhuoDb } from '../db/db.ts';
import type { FactBatchRecord } from '../db/types.ts';
import { liveBatches } from './fact-store.ts';
import { currentDataset } from './import-store.ts';

/** The datasets the queries use, loaded together. */
export const HELD_DATASETS = ['roster', 'performance', 'ratings', 'activities', 'certificates'] as const satisfies readonly DatasetName[];
export type HeldDataset = (typeof HELD_DATASETS)[number];

export class HeldFacts {
  private dbHandle: XinhuoDb | null = null;
  private signature: string | null = null;
  private loading: Promise<void> | null = null;
  datasets = {} as Record<HeldDataset, ColumnSet>;
  batches: FactBatchRecord[] = [];
  /** Increases with every reload. */
  version = 0;
  private byEmployee = new Map<HeldDataset, Map<string, number[]>>();
  private screening: { data: ScreeningData; screener: Screener } | null = null;

  get db(): XinhuoDb {
    if (!this.dbHandle) throw new Error('facts not opened');
    return this.dbHandle;
  }

  /** The database, opened if it is not the one open (the facts are reloaded at the next `ensure`). */
  open(dbName: string): XinhuoDb {
    if (this.dbHandle?.name !== dbName) {
      this.dbHandle?.close();
      this.dbHandle = new XinhuoDb(dbName);
      this.signature = null;
    }
    return this.dbHandle;
  }

  /** Opens the database and (re)loads the facts if the live batches changed since the last load. */
  async ensure(dbName: string): Promise<void> {
    this.open(dbName);
    while (this.loading) await this.loading;
    const batches = await liveBatches(this.db);
    const signature = batches.map((b) => b.id).sort().join(',');
    if (signature === this.signature) return;
    this.loading = (async () => {
      const sets = await Promise.all(HELD_DATASETS.map((d) => currentDataset(this.db, d)));
      this.datasets = Object.fromEntries(HELD_DATASETS.map((d, i) => [d, sets[i]])) as Record<HeldDataset, ColumnSet>;
      this.batches = batches;
      this.byEmployee.clear();
      this.screening = null;
      this.signature = signature;
      this.version++;
    })();
    try {
      await this.loading;
    } finally {
      this.loading = null;
    }
  }

  /**
   * The rows of one employee in a dataset. Performance, ratings and activities come through
   * the screening snapshot, which already groups their rows by employee (no second index);
   * the few certificate rows through a small index built once per load.
   */
  rowsOf(dataset: Exclude<HeldDataset, 'roster'>, employeeId: string): Record<string, string | number | null>[] {
    const set = this.datasets[dataset];
    if (dataset === 'certificates') {
      let index = this.byEmployee.get(dataset);
      if (!index) {
        index = new Map();
        const ids = set.columns.employeeId as StringColumn;
        for (let i = 0; i < set.length; i++) {
          const id = ids[i];
          if (id === null) continue;
          const rows = index.get(id);
          if (rows) rows.push(i);
          else index.set(id, [i]);
        }
        this.byEmployee.set(dataset, index);
      }
      return (index.get(employeeId) ?? []).map((i) => rowAt(set, i));
    }
    const { data } = this.screeningSnapshot();
    const e = data.rowOf.get(employeeId);
    if (e === undefined) return [];
    const grouped = dataset === 'performance' ? data.perf : dataset === 'ratings' ? data.ratings : data.activities;
    const out: Record<string, string | number | null>[] = [];
    for (let k = grouped.start[e]; k < grouped.start[e + 1]; k++) out.push(rowAt(set, grouped.source[k]));
    return out;
  }

  /** The screening snapshot of the held facts, built on first use after each load. */
  screeningSnapshot(): { data: ScreeningData; screener: Screener } {
    if (!this.screening) {
      const data = buildScreeningData({ roster: this.datasets.roster, performance: this.datasets.performance, ratings: this.datasets.ratings, activities: this.datasets.activities, certificates: this.datasets.certificates });
      this.screening = { data, screener: new Screener(data) };
    }
    return this.screening;
  }
}
