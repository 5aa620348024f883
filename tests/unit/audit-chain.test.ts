// The audit trail is a hash chain: an entry edited, removed or slipped in afterwards breaks it.
import { describe, expect, it } from 'vitest';
import { checkChain } from '../../shared/records/audit-chain.ts';
import { memoryInstallation } from '../../shared/records/memory-store.ts';
import type { Installation } from '../../shared/records/schemas.ts';
import { runChange } from '../../shared/records/store.ts';

const PLANT: Installation = { orgName: '华东能源集团', role: 'plant', plant: { code: 'P01', name: '一厂', region: '' }, originId: 'origin-1', createdAt: '2026-01-01T00:00:00.000Z' };

async function trail() {
  const { store, actor } = await memoryInstallation(PLANT);
  for (const n of [1, 2, 3, 4]) await runChange(store, actor, null, [], async (ctx) => ctx.audit('settings.language', 'settings', null, { language: n % 2 ? 'zh-CN' : 'en' }));
  return store;
}

describe('the audit hash chain', () => {
  it('links every entry the write path appends, and holds when nothing was touched', async () => {
    const store = await trail();
    const entries = await store.list('audit');
    expect(entries.every((e) => /^[0-9a-f]{64}$/.test(e.chain ?? ''))).toBe(true);
    expect(checkChain(entries, 'origin-1')).toEqual({ checked: 4, brokenAt: null });
  });

  it('breaks where an entry was edited, removed or inserted afterwards', async () => {
    const entries = (await (await trail()).list('audit')).sort((a, b) => a.seq - b.seq);
    const edited = entries.map((e, i) => (i === 1 ? { ...e, params: { language: 'fr' } } : e));
    expect(checkChain(edited, 'origin-1').brokenAt?.id).toBe(entries[1].id);
    const removed = entries.filter((_, i) => i !== 2);
    expect(checkChain(removed, 'origin-1').brokenAt?.id).toBe(entries[3].id);
    const forged = { ...entries[1], id: 'forged', seq: entries[1].seq + 0.5, userName: 'mallory' };
    expect(checkChain([...entries, forged], 'origin-1').brokenAt?.id).toBe('forged');
  });
});
