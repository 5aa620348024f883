import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../renderer/src/data/db/migrations/index.ts';

describe('schema v8', () => {
  it('adds selection rounds and indexes entries by round, keeping every v7 entry', async () => {
    const name = `v8-${Math.random()}`;
    const v7 = new Dexie(name);
    for (const m of MIGRATIONS.slice(0, 7)) m(v7);
    await v7.table('pipeline').add({ id: 'e1', employeeId: '000123', stage: 'invited', runId: 'r1', updatedAt: '2026-11-01', partition: 'plant:P01', hlc: 'h1' });
    v7.close();
    const v8 = new Dexie(name);
    for (const m of MIGRATIONS.slice(0, 8)) m(v8);
    await v8.open();
    expect(v8.verno).toBe(8);
    expect(await v8.table('pipeline').get('e1')).toMatchObject({ employeeId: '000123', stage: 'invited' });
    await v8.table('rounds').add({ id: 'round1', partition: 'plant:P01', name: '第一批' });
    await v8.table('pipeline').update('e1', { roundId: 'round1' });
    expect(await v8.table('pipeline').where('roundId').equals('round1').count()).toBe(1);
    v8.close();
  });
});
