import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { applyV1 } from '../../../renderer/src/data/db/migrations/v1.ts';
import { applyV2 } from '../../../renderer/src/data/db/migrations/v2.ts';
import { applyV3 } from '../../../renderer/src/data/db/migrations/v3.ts';
import { applyV4 } from '../../../renderer/src/data/db/migrations/v4.ts';
import type { AuditEntry } from '../../../shared/records/schemas.ts';
import { shownAudit } from '../helpers.ts';

describe('schema v4', () => {
  it('turns prose audit entries into codes, keeping the prose to show', async () => {
    const name = `v4-${Math.random()}`;
    const v3 = new Dexie(name);
    applyV1(v3);
    applyV2(v3);
    applyV3(v3);
    const envelope = { partition: 'plant:P01', origin: 'o1', hlc: '1', deleted: false };
    await v3.table('audit').bulkAdd([
      { ...envelope, id: 'a1', seq: 1, at: '2026-10-01T08:00:00.000Z', userId: 'u1', userName: 'admin', action: 'import.batch', entity: 'dataset', entityId: 'roster', summary: '员工档案：roster.xlsx（300 行）', details: { batch: 'b1', rows: 300, mode: 'upsert' } },
      { ...envelope, id: 'a2', seq: 2, at: '2026-10-01T08:01:00.000Z', userId: 'u1', userName: 'admin', action: 'auth.signIn', entity: 'user', entityId: 'u1', summary: 'admin' },
      // Something unreadable stays as it was rather than being dropped.
      { id: 'a3', at: '2026-10-01T08:02:00.000Z', action: 'odd', summary: 42 },
    ]);
    v3.close();

    const v4 = new Dexie(name);
    applyV1(v4);
    applyV2(v4);
    applyV3(v4);
    applyV4(v4);
    await v4.open();
    expect(v4.verno).toBe(4);
    const a1 = (await v4.table('audit').get('a1')) as AuditEntry;
    expect(a1).toMatchObject({ action: 'import.batch', params: { batch: 'b1', rows: 300, mode: 'upsert' }, legacySummary: '员工档案：roster.xlsx（300 行）' });
    expect(a1).not.toHaveProperty('summary');
    expect(a1).not.toHaveProperty('details');
    expect(shownAudit(a1, 'en')).toBe('员工档案：roster.xlsx（300 行）');
    expect(await v4.table('audit').get('a2')).toMatchObject({ params: {}, legacySummary: 'admin' });
    expect(await v4.table('audit').get('a3')).toMatchObject({ summary: 42 });
    expect(await v4.table('audit').where('action').equals('import.batch').count()).toBe(1);
    v4.close();
  });
});
