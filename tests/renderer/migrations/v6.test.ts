import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../renderer/src/data/db/migrations/index.ts';

describe('schema v6', () => {
  it('adds review packets and score sheets and keeps every v5 row', async () => {
    const name = `v6-${Math.random()}`;
    const v5 = new Dexie(name);
    for (const m of MIGRATIONS.slice(0, 5)) m(v5);
    await v5.table('conflicts').add({ id: 'c1', recordId: 'p1', kind: 'profile', partition: 'plant:P01', lineage: 'o2', record: {} });
    v5.close();
    const v6 = new Dexie(name);
    for (const m of MIGRATIONS.slice(0, 6)) m(v6);
    await v6.open();
    expect(v6.verno).toBe(6);
    expect(await v6.table('conflicts').get('c1')).toMatchObject({ recordId: 'p1' });
    await v6.table('scoreSheets').add({ id: 's1', packetId: 'pk1', candidateId: '000123', partition: 'review:pk1:R01' });
    expect(await v6.table('scoreSheets').where('packetId').equals('pk1').count()).toBe(1);
    v6.close();
  });
});
