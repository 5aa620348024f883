// Generates and stores the demo plant off the UI thread. The main thread's live queries see
// the new batches through Dexie's cross-context change notifications.

import { generateDemoPlant, type PlantInfo } from '../../../../shared/domain/demo/generate.ts';
import { XinhuoDb } from '../db/db.ts';
import { storeDemoPlant } from '../facts/demo-store.ts';
import type { Actor } from '../db/types.ts';
import { serve, type CallIo, type PortLike } from './rpc.ts';

export interface DemoRequest {
  dbName: string;
  employees: number;
  seed: string;
  endQuarter: string;
  plant: PlantInfo;
  actor: Actor;
}

const handlers = {
  /** Progress: generation runs 0 → 0.9, storing the last tenth. Returns the employees stored. */
  async loadDemo(req: DemoRequest, io: CallIo): Promise<number> {
    const plant = generateDemoPlant({ ...req, onProgress: (fraction) => io.progress(fraction * 0.9) });
    io.progress(0.9);
    const db = new XinhuoDb(req.dbName);
    try {
      await storeDemoPlant(db, req.actor, plant, req.seed);
    } finally {
      db.close();
    }
    return plant.datasets.roster.length;
  },
};

export type DemoApi = typeof handlers;

serve(self as unknown as PortLike, handlers);
