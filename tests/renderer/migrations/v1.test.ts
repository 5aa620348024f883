import '../helpers.ts';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { applyV1, V1_STORES } from '../../../renderer/src/data/db/migrations/v1.ts';

describe('schema v1', () => {
  it('creates the record tables and the fact block store with their indexes', async () => {
    const db = new Dexie(`v1-${Math.random()}`);
    applyV1(db);
    await db.open();
    expect(db.verno).toBe(1);
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.keys(V1_STORES).sort());
    const blocks = db.table('factBlocks').schema;
    expect(blocks.primKey.name).toBe('id');
    expect(blocks.indexes.map((i) => i.name)).toEqual(expect.arrayContaining(['[dataset+batch]', 'batch', 'partition', 'hlc']));
    expect(db.table('users').schema.indexes.find((i) => i.name === 'userName')?.unique).toBe(true);
    expect(db.table('audit').schema.indexes.map((i) => i.name)).toEqual(expect.arrayContaining(['at', 'userId', 'action', 'entityId']));
    db.close();
  });

  it('stores columnar blocks with typed arrays intact', async () => {
    const db = new Dexie(`v1-${Math.random()}`);
    applyV1(db);
    await db.table('factBlocks').add({ id: 'b1', dataset: 'performance', batch: 'x', index: 0, rowCount: 2, columns: { score: new Float64Array([1.5, NaN]), employeeId: ['001', null] } });
    const back = await db.table('factBlocks').get('b1');
    expect(back.columns.score).toBeInstanceOf(Float64Array);
    expect(Array.from(back.columns.score)).toEqual([1.5, NaN]);
    expect(back.columns.employeeId).toEqual(['001', null]);
    expect(await db.table('factBlocks').where('[dataset+batch]').equals(['performance', 'x']).count()).toBe(1);
    db.close();
  });
});
