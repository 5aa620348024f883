import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../renderer/src/data/db/migrations/index.ts';

describe('schema v11', () => {
  it('adds the derived table, keeping every v10 topic list entry', async () => {
    const name = `v11-${Math.random()}`;
    const v10 = new Dexie(name);
    for (const m of MIGRATIONS.slice(0, 10)) m(v10);
    await v10.table('topicThemes').add({ id: 't1', partition: 'plant:P01', theme: '设备点检' });
    v10.close();
    const v11 = new Dexie(name);
    for (const m of MIGRATIONS.slice(0, 11)) m(v11);
    await v11.open();
    expect(v11.verno).toBe(11);
    expect(await v11.table('topicThemes').get('t1')).toMatchObject({ theme: '设备点检' });
    await v11.table('derived').put({ id: 'people', signature: 's' });
    expect(await v11.table('derived').get('people')).toMatchObject({ signature: 's' });
    v11.close();
  });
});
