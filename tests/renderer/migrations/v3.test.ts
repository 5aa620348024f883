import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { applyV1 } from '../../../renderer/src/data/db/migrations/v1.ts';
import { applyV2 } from '../../../renderer/src/data/db/migrations/v2.ts';
import { applyV3 } from '../../../renderer/src/data/db/migrations/v3.ts';

describe('schema v3', () => {
  it('adds the pipeline and keeps every v2 row', async () => {
    const name = `v3-${Math.random()}`;
    const v2 = new Dexie(name);
    applyV1(v2);
    applyV2(v2);
    await v2.table('users').add({ id: 'u1', userName: 'admin', partition: 'plant:P01', hlc: '1' });
    await v2.table('screeningRuns').add({ id: 'r1', profileId: 'seed', createdAt: '2026-10-01', partition: 'plant:P01', hlc: '2', candidates: [] });
    v2.close();

    const v3 = new Dexie(name);
    applyV1(v3);
    applyV2(v3);
    applyV3(v3);
    await v3.open();
    expect(v3.verno).toBe(3);
    expect(await v3.table('users').get('u1')).toMatchObject({ userName: 'admin' });
    expect(await v3.table('screeningRuns').get('r1')).toMatchObject({ profileId: 'seed' });
    await v3.table('pipeline').add({ id: 'x1', employeeId: '000123', stage: 'shortlisted', runId: 'r1', updatedAt: 'x', partition: 'plant:P01', hlc: '3' });
    expect(await v3.table('pipeline').where('employeeId').equals('000123').count()).toBe(1);
    expect(v3.table('pipeline').schema.indexes.map((i) => i.name)).toEqual(expect.arrayContaining(['employeeId', 'stage', 'runId']));
    v3.close();
  });
});
