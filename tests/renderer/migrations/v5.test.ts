import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../renderer/src/data/db/migrations/index.ts';

describe('schema v5', () => {
  it('adds the conflicts table and keeps every v4 row', async () => {
    const name = `v5-${Math.random()}`;
    const v4 = new Dexie(name);
    for (const m of MIGRATIONS.slice(0, 4)) m(v4);
    await v4.table('profiles').add({ id: 'p1', profileId: 'seed', version: 2, partition: 'plant:P01', hlc: '1' });
    await v4.table('audit').add({ id: 'a1', action: 'setup', params: {}, at: '2026-01-01', partition: 'plant:P01', hlc: '2' });
    v4.close();

    const v5 = new Dexie(name);
    for (const m of MIGRATIONS.slice(0, 5)) m(v5);
    await v5.open();
    expect(v5.verno).toBe(5);
    expect(await v5.table('profiles').get('p1')).toMatchObject({ profileId: 'seed', version: 2 });
    expect(await v5.table('audit').get('a1')).toMatchObject({ action: 'setup' });
    await v5.table('conflicts').add({ id: 'profile|p1|o2', recordId: 'p1', kind: 'profile', partition: 'plant:P01', lineage: 'o2', record: {} });
    expect(await v5.table('conflicts').where('recordId').equals('p1').count()).toBe(1);
    v5.close();
  });
});
