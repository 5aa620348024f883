import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../renderer/src/data/db/migrations/index.ts';

describe('schema v10', () => {
  it('adds the topic list, keeping every v9 rubric template', async () => {
    const name = `v10-${Math.random()}`;
    const v9 = new Dexie(name);
    for (const m of MIGRATIONS.slice(0, 9)) m(v9);
    await v9.table('rubricTemplates').add({ id: 'tpl1', partition: 'hq' });
    v9.close();
    const v10 = new Dexie(name);
    for (const m of MIGRATIONS.slice(0, 10)) m(v10);
    await v10.open();
    expect(v10.verno).toBe(10);
    expect(await v10.table('rubricTemplates').get('tpl1')).toMatchObject({ partition: 'hq' });
    await v10.table('topicThemes').add({ id: 't1', partition: 'plant:P01', theme: '设备点检' });
    expect(await v10.table('topicThemes').where('partition').equals('plant:P01').count()).toBe(1);
    v10.close();
  });
});
