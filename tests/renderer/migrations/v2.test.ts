import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { applyV1 } from '../../../renderer/src/data/db/migrations/v1.ts';
import { applyV2 } from '../../../renderer/src/data/db/migrations/v2.ts';

describe('schema v2', () => {
  it('adds profiles and screening runs and keeps every v1 row', async () => {
    const name = `v2-${Math.random()}`;
    const v1 = new Dexie(name);
    applyV1(v1);
    await v1.table('users').add({ id: 'u1', userName: 'admin', partition: 'plant:P01', hlc: '1' });
    await v1.table('factBatches').add({ id: 'b1', dataset: 'roster', order: '1', createdAt: '2026-01-01', partition: 'plant:P01', hlc: '1' });
    v1.close();

    const v2 = new Dexie(name);
    applyV1(v2);
    applyV2(v2);
    await v2.open();
    expect(v2.verno).toBe(2);
    expect(await v2.table('users').get('u1')).toMatchObject({ userName: 'admin' });
    expect(await v2.table('factBatches').count()).toBe(1);
    await v2.table('profiles').add({ id: 'p1', profileId: 'seed', version: 2, createdAt: 'x', partition: 'plant:P01', hlc: '2' });
    expect(await v2.table('profiles').where('[profileId+version]').equals(['seed', 2]).count()).toBe(1);
    expect(v2.table('screeningRuns').schema.indexes.map((i) => i.name)).toEqual(expect.arrayContaining(['profileId', 'createdAt']));
    v2.close();
  });
});
