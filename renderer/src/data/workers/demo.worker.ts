// Generates and stores the demo plant off the UI thread. The main thread's live queries see
// the new batches through Dexie's cross-context change notifications.

import { generateDemoPlant, type PlantInfo } from '../../../../shared/domain/demo/generate.ts';
import { XinhuoDb } from '../db/db.ts';
import { storeDemoPlant } from '../facts/demo-store.ts';
import type { Actor } from '../db/types.ts';

export interface DemoRequest {
  dbName: string;
  employees: number;
  seed: string;
  endQuarter: string;
  plant: PlantInfo;
  actor: Actor;
}

export type DemoMessage = { type: 'progress'; stage: 'generate' | 'store'; fraction: number } | { type: 'done'; employees: number } | { type: 'error'; message: string };

const post = (m: DemoMessage) => (self as unknown as Worker).postMessage(m);

self.onmessage = async (event: MessageEvent<DemoRequest>) => {
  const req = event.data;
  try {
    const plant = generateDemoPlant({ ...req, onProgress: (fraction) => post({ type: 'progress', stage: 'generate', fraction }) });
    post({ type: 'progress', stage: 'store', fraction: 0 });
    const db = new XinhuoDb(req.dbName);
    await storeDemoPlant(db, req.actor, plant, req.seed);
    db.close();
    post({ type: 'done', employees: plant.datasets.roster.length });
  } catch (e) {
    post({ type: 'error', message: (e as Error).message });
  }
};
