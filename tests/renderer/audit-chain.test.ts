// The audit chain over the app's own store: setup and sign-in entries are linked, and an entry
// changed in IndexedDB behind the app's back is found.
import { describe, expect, it } from 'vitest';
import { checkChain } from '../../shared/records/audit-chain.ts';
import { recordAudit } from '../../renderer/src/data/records/audit-log.ts';
import { installedDb } from './helpers.ts';

describe('audit chain in IndexedDB', () => {
  it('links the entries the app writes and finds one changed afterwards', async () => {
    const { db, actor, installation } = await installedDb();
    await recordAudit(db, actor, 'settings.language', 'settings', null, { language: 'en' });
    const entries = await db.audit.toArray();
    expect(checkChain(entries, installation.originId)).toMatchObject({ checked: entries.length, brokenAt: null });
    const victim = entries.find((e) => e.action === 'user.create')!;
    await db.audit.update(victim.id, { params: { ...victim.params, role: 'officer' } });
    expect(checkChain(await db.audit.toArray(), installation.originId).brokenAt?.id).toBe(victim.id);
  });
});
