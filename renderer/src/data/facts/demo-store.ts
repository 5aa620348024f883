// Stores a generated demo plant exactly as an import stores facts: one batch per dataset,
// all five in one transaction.

import { DATASETS } from '../../../../shared/domain/facts/datasets.ts';
import { DEMO_DATASETS, type DemoPlant } from '../../../../shared/domain/demo/generate.ts';
import { change } from '../records/change.ts';
import type { XinhuoDb } from '../db/db.ts';
import { FACT_KINDS, writeBatch } from './fact-store.ts';
import type { Actor } from '../db/types.ts';

export async function storeDemoPlant(db: XinhuoDb, actor: Actor, plant: DemoPlant, seed: string): Promise<void> {
  await change(db, actor, 'import', FACT_KINDS, async (ctx) => {
    for (const name of DEMO_DATASETS) {
      await writeBatch(ctx, { set: plant.datasets[name], fileName: `示例工厂-${DATASETS[name].zh}.xlsx`, sha256: null, mapping: null, mode: 'demo' });
    }
    ctx.audit('demo.load', 'installation', null, { seed, employees: plant.datasets.roster.length, asOf: plant.asOf });
  });
}
