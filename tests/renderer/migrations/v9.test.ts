import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../renderer/src/data/db/migrations/index.ts';

describe('schema v9', () => {
  it('adds rubric templates, keeping every v8 round and entry', async () => {
    const name = `v9-${Math.random()}`;
    const v8 = new Dexie(name);
    for (const m of MIGRATIONS.slice(0, 8)) m(v8);
    await v8.table('rounds').add({ id: 'round1', partition: 'plant:P01', name: '第一批' });
    await v8.table('pipeline').add({ id: 'e1', employeeId: '000123', stage: 'invited', runId: 'r1', roundId: 'round1', updatedAt: '2026-11-01', partition: 'plant:P01', hlc: 'h1' });
    v8.close();
    const v9 = new Dexie(name);
    for (const m of MIGRATIONS.slice(0, 9)) m(v9);
    await v9.open();
    expect(v9.verno).toBe(9);
    expect(await v9.table('rounds').get('round1')).toMatchObject({ name: '第一批' });
    expect(await v9.table('pipeline').where('roundId').equals('round1').count()).toBe(1);
    await v9.table('rubricTemplates').add({ id: 'tpl1', partition: 'hq' });
    expect(await v9.table('rubricTemplates').where('partition').equals('hq').count()).toBe(1);
    v9.close();
  });
});
