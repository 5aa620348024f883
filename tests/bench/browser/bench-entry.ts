// Storage benchmarks that run inside Chromium against its real IndexedDB. The Node driver
// (tests/bench/run.ts) calls these through window.xinhuoBench and times nothing itself.

import Dexie from 'dexie';
import { generateDemoPlant, type DemoPlant } from '../../../shared/domain/demo/generate.ts';
import { rowAt, type ColumnSet } from '../../../shared/domain/facts/columns.ts';
import { change } from '../../../renderer/src/data/records/change.ts';
import { XinhuoDb } from '../../../renderer/src/data/db/db.ts';
import { buildBatch, FACT_KINDS, writeBatch } from '../../../renderer/src/data/facts/fact-store.ts';
import { setUp } from '../../../renderer/src/data/records/installation.ts';
import type { FactBlockRecord } from '../../../renderer/src/data/db/types.ts';
import * as XLSX from 'xlsx';
import { planImport } from '../../../shared/domain/facts/plan.ts';
import { analyseWorkbookBytes } from '../../../shared/io/analyse.ts';
import { headerSignature, mappingToHeaders } from '../../../shared/io/mapping.ts';
import { commitImport, currentDataset } from '../../../renderer/src/data/facts/import-store.ts';
import { storeDemoPlant } from '../../../renderer/src/data/facts/demo-store.ts';
import { HeldFacts, HELD_DATASETS } from '../../../renderer/src/data/facts/held-facts.ts';
import { buildScreeningData } from '../../../shared/domain/screening/data.ts';
import { syncApi } from './sync-bench.ts';

let plant: DemoPlant | null = null;

function datasets(): ColumnSet[] {
  return [plant!.datasets.roster, plant!.datasets.performance];
}

async function freshInstalledDb(name: string) {
  await Dexie.delete(name);
  const db = new XinhuoDb(name);
  const { admin } = await setUp(db, { orgName: '基准', role: 'plant', plant: { code: 'B01', name: '基准厂', region: '' }, admin: { userName: 'bench', displayName: 'bench', password: 'bench-password' } }, 1000);
  return { db, actor: { userId: admin.id, userName: admin.userName } };
}

/** Heap in use after a full collection (the page runs with --expose-gc and precise memory info). */
async function heapAfterGc(): Promise<number> {
  const w = window as unknown as { gc?: () => void };
  for (let k = 0; k < 3; k++) {
    w.gc?.();
    await new Promise((r) => setTimeout(r, 50));
  }
  return (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
}

const api = {
  /**
   * What the fact model costs in memory, before and after the facts worker. Before: the UI
   * thread resolved every dataset, and the screening worker resolved the same five again and
   * built its snapshot. Now: the facts worker resolves them once, builds the snapshot and its
   * per-employee indexes. Both are measured as heap growth in this one realm, after a full
   * collection, over the same stored demo plant.
   */
  async factMemory(employees: number) {
    const { db, actor } = await freshInstalledDb('bench-memory');
    {
      const p = generateDemoPlant({ employees, seed: 'bench', endQuarter: '2026Q3', plant: { code: 'B01', name: '基准厂', region: '' } });
      await storeDemoPlant(db, actor, p, 'bench');
    }
    const resolveAll = () => Promise.all(HELD_DATASETS.map((d) => currentDataset(db, d)));
    const parts: Record<string, number> = {};
    let h = await heapAfterGc();
    const mark = async (name: string) => {
      const next = await heapAfterGc();
      parts[name] = next - h;
      h = next;
    };
    const ui = await resolveAll();
    await mark('uiCopy');
    const worker = await resolveAll();
    await mark('workerCopy');
    const [roster, performance, ratings, activities, certificates] = worker;
    const snapshot = buildScreeningData({ roster, performance, ratings, activities, certificates });
    await mark('workerSnapshot');
    const baseline = parts.uiCopy + parts.workerCopy + parts.workerSnapshot;
    const held = new HeldFacts();
    await held.ensure(db.name);
    await mark('heldDatasets');
    held.screeningSnapshot();
    await mark('heldSnapshot');
    const someone = held.datasets.roster.columns.employeeId[0] as string;
    for (const d of HELD_DATASETS) if (d !== 'roster') held.rowsOf(d, someone);
    await mark('heldIndexes');
    const value = parts.heldDatasets + parts.heldSnapshot + parts.heldIndexes;
    (window as unknown as { keep: unknown }).keep = [ui, worker, snapshot, held];
    db.close();
    console.log(JSON.stringify(parts));
    return { value, baseline, parts, gc: typeof (window as unknown as { gc?: unknown }).gc === 'function' };
  },

  async generate(employees: number) {
    plant = generateDemoPlant({ employees, seed: 'bench', endQuarter: '2026Q3', plant: { code: 'B01', name: '基准厂', region: '' } });
    return { roster: plant.datasets.roster.length, performance: plant.datasets.performance.length };
  },

  /** The product path: one transaction, batch records + columnar blocks. */
  async storeBlocks() {
    const { db, actor } = await freshInstalledDb('bench-blocks');
    const t0 = performance.now();
    await change(db, actor, 'import', FACT_KINDS, async (ctx) => {
      for (const set of datasets()) await writeBatch(ctx, { set, fileName: `${set.dataset}.xlsx`, sha256: null, mapping: null, mode: 'insert' });
    });
    const ms = performance.now() - t0;
    db.close();
    return ms;
  },

  /** One Dexie record per row, as a naive design would store the same facts. */
  async bulkPutRows() {
    const name = 'bench-rows';
    await Dexie.delete(name);
    const db = new Dexie(name);
    db.version(1).stores({ facts: '++id, employeeId' });
    await db.open();
    // Row objects are built before timing: the baseline is the storage cost alone.
    const all = datasets().map((set) => [...Array(set.length).keys()].map((i) => ({ dataset: set.dataset, ...rowAt(set, i) })));
    const t0 = performance.now();
    await db.transaction('rw', db.table('facts'), async () => {
      for (const rows of all) await db.table('facts').bulkPut(rows);
    });
    const ms = performance.now() - t0;
    db.close();
    return ms;
  },

  /** Raw IndexedDB puts of exactly the block records the product writes. */
  async rawPutBlocks() {
    const { db, actor } = await freshInstalledDb('bench-raw-source');
    const blocks: FactBlockRecord[] = [];
    await change(db, actor, 'import', [], async (ctx) => {
      for (const set of datasets()) blocks.push(...buildBatch(ctx, { set, fileName: '', sha256: null, mapping: null, mode: 'insert' }).blocks);
    });
    db.close();
    await Dexie.delete('bench-raw');
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('bench-raw', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('blocks', { keyPath: 'id' });
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const t0 = performance.now();
    await new Promise<void>((resolve, reject) => {
      const tx = idb.transaction('blocks', 'readwrite');
      const store = tx.objectStore('blocks');
      for (const b of blocks) store.put(b);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    const ms = performance.now() - t0;
    idb.close();
    return ms;
  },
};

(window as unknown as { xinhuoBench: typeof api }).xinhuoBench = api;
document.title = 'ready';

// ---- import: SheetJS reading a workbook vs the full import of it

let workbookBytes: Uint8Array | null = null;

const importApi = {
  async fetchWorkbook(url: string) {
    workbookBytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
    return workbookBytes.length;
  },
  /** The baseline of DESIGN.md §9: SheetJS reading the file, keeping number formats. */
  async sheetjsRead() {
    const t0 = performance.now();
    const wb = XLSX.read(workbookBytes!, { type: 'array', dense: true, cellNF: true });
    const ms = performance.now() - t0;
    return { ms, rows: wb.Sheets[wb.SheetNames[0]]['!data']!.length };
  },
  /** Parse, map, validate, plan and store in IndexedDB, as the wizard's worker does. */
  async fullImport() {
    const { db, actor } = await freshInstalledDb('bench-import');
    const t0 = performance.now();
    const analysis = analyseWorkbookBytes(workbookBytes!, 'roster100k.xlsx');
    if (!analysis.ok) throw new Error(analysis.code);
    const plan = planImport(await currentDataset(db, analysis.dataset), analysis.set, 'upsert');
    await commitImport(db, actor, { plan, fileName: 'roster100k.xlsx', sha256: 'bench', mapping: mappingToHeaders(analysis.mapping), signature: headerSignature(analysis.headers) });
    const ms = performance.now() - t0;
    db.close();
    return { ms, rows: analysis.valid };
  },
};
Object.assign((window as unknown as { xinhuoBench: object }).xinhuoBench, importApi);
Object.assign((window as unknown as { xinhuoBench: object }).xinhuoBench, syncApi);
