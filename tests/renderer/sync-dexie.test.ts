// Sync over the app's own store (Dexie): a plant's bundle applied at a Dexie head office, the
// plant's facts keyed by plant there, and head office's profiles read-only at the plant.
import { describe, expect, it, vi } from 'vitest';
import { createOrg } from '../../shared/bundle/keys.ts';
import { exportSync, receive, stateDigest } from '../../shared/bundle/replica.ts';
import { plantReplica } from '../../shared/bundle/setup.ts';
import { generateDemoPlant } from '../../shared/domain/demo/generate.ts';
import { SEED_PROFILE } from '../../shared/domain/screening/profile.ts';
import { runChange } from '../../shared/records/store.ts';
import { writeBatch, FACT_KINDS } from '../../shared/records/facts.ts';
import { recordStore } from '../../renderer/src/data/records/change.ts';
import { currentDataset } from '../../renderer/src/data/facts/import-store.ts';
import { latestProfiles, saveProfile } from '../../renderer/src/data/records/screening-store.ts';
import { setUp } from '../../renderer/src/data/records/installation.ts';
import { freshDb, installedDb } from './helpers.ts';

const org = createOrg('华东能源集团', 'org-dexie');

async function hqDb() {
  const db = freshDb();
  const { admin } = await setUp(db, { orgName: '华东能源集团', role: 'hq', plant: null, admin: { userName: 'admin', displayName: '总部', password: 'correct horse 1' } }, 1000);
  return { db, actor: { userId: admin.id, userName: admin.userName } };
}

describe('sync over Dexie', () => {
  it('applies plant bundles at head office with 工号 keyed by plant: the same 工号 at two plants is two people', async () => {
    const h = await hqDb();
    const files = [];
    for (const code of ['LY1', 'ZZ2']) {
      const p = await plantReplica(org, { code, name: `${code}厂`, region: '' });
      const demo = generateDemoPlant({ employees: 30, seed: 'same', endQuarter: '2026Q3', plant: { code, name: `${code}厂`, region: '' } });
      await runChange(p.store, p.actor, 'import', FACT_KINDS, (ctx) => writeBatch(ctx, { set: demo.datasets.roster, fileName: 'r.xlsx', sha256: null, mapping: null, mode: 'demo' }));
      const b = (await exportSync(p.store, p.actor, p.keys))!;
      files.push({ name: b.fileName, bytes: b.bytes });
    }
    // The blocks are sealed at rest with WebCrypto before each chunk's transaction, which then only writes.
    const encrypt = vi.spyOn(crypto.subtle, 'encrypt');
    const report = await receive(recordStore(h.db), h.actor, files, { org: org.org }, org.keys.box);
    const sealedAhead = encrypt.mock.calls.filter(([, , data]) => (data as Uint8Array).byteLength > 1000).length;
    encrypt.mockRestore();
    expect(report.applied).toHaveLength(2);
    const blocks = await h.db.factBlocks.toArray();
    expect(sealedAhead).toBeGreaterThanOrEqual(blocks.length);
    const raw = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
      const req = h.db.backendDB().transaction('factBlocks', 'readonly').objectStore('factBlocks').getAll();
      req.onsuccess = () => resolve(req.result as Record<string, unknown>[]);
      req.onerror = () => reject(req.error);
    });
    expect(raw.length).toBe(blocks.length);
    for (const row of raw) {
      expect(row).toHaveProperty('$sealed');
      expect(row).not.toHaveProperty('columns');
      // The indexed fields stay readable, the compound [dataset+batch] index's parts too.
      expect(row).toMatchObject({ dataset: 'roster', batch: expect.any(String), partition: expect.stringMatching(/^plant:/) });
    }
    const roster = await currentDataset(h.db, 'roster');
    expect(roster.length).toBe(60);
    const ids = roster.columns.employeeId as string[];
    expect(new Set(ids).size).toBe(60);
    expect(ids.filter((id) => id.startsWith('LY1·'))).toHaveLength(30);
    expect(new Set(roster.columns.plant as string[])).toEqual(new Set(['LY1厂', 'ZZ2厂']));
  });

  it('a bundle applied in chunks and cancelled part-way ends, once resumed, as the bundle applied whole', async () => {
    const p = await plantReplica(org, { code: 'LY1', name: '洛阳一厂', region: '' });
    const demo = generateDemoPlant({ employees: 40, seed: 'chunks', endQuarter: '2026Q3', plant: { code: 'LY1', name: '洛阳一厂', region: '' } });
    for (const name of ['roster', 'performance'] as const) await runChange(p.store, p.actor, 'import', FACT_KINDS, (ctx) => writeBatch(ctx, { set: demo.datasets[name], fileName: `${name}.xlsx`, sha256: null, mapping: null, mode: 'demo' }));
    await runChange(p.store, p.actor, 'screening', ['profile'], (ctx) => ctx.put('profile', ...['甲', '乙', '丙', '丁'].map((n) => ({ profileId: `pf-${n}`, version: 1, name: n, criteria: SEED_PROFILE.criteria, createdAt: '2026-11-01T00:00:00.000Z', userName: 'admin' }))));
    const b = (await exportSync(p.store, p.actor, p.keys))!;
    const file = { name: b.fileName, bytes: b.bytes };
    const whole = await hqDb();
    await receive(recordStore(whole.db), whole.actor, [file], { org: org.org }, org.keys.box);
    const h = await hqDb();
    const store = recordStore(h.db);
    const controller = new AbortController();
    // A fact block weighs 1,000: with chunks of 1,000 every block is a chunk of its own.
    await expect(receive(store, h.actor, [file], { org: org.org }, org.keys.box, Date.now, { chunk: 1_000, signal: controller.signal, onProgress: () => controller.abort() })).rejects.toMatchObject({ name: 'Cancelled' });
    expect((await h.db.settings.get('held'))?.value).toEqual([expect.objectContaining({ reason: 'interrupted', params: expect.objectContaining({ kept: 1 }) })]);
    expect(await h.db.factBatches.count()).toBeGreaterThan(0);
    const report = await receive(store, h.actor, [], { org: org.org }, org.keys.box, Date.now, { chunk: 1_000 });
    expect(report.applied).toEqual([file.name]);
    const digest = async (db: typeof h.db) => (await stateDigest(recordStore(db), { partitions: (x) => x === 'plant:LY1', kinds: ['profile', 'factBatch', 'factBlock'], withHighWater: false })).digest;
    expect(await digest(h.db)).toBe(await digest(whole.db));
    expect((await h.db.settings.get('held'))?.value).toEqual([]);
  });

  it('a profile head office sent down is marked and read-only at a plant: a change to it becomes the plant\'s own', async () => {
    const { db, actor } = await installedDb();
    const store = recordStore(db);
    // Head office's profile, as an acknowledgement would bring it.
    await runChange(store, actor, 'sync', ['profile'], (ctx) =>
      ctx.applyRemote('profile', [{ id: 'hq-profile-1', partition: 'hq', origin: 'hq-origin', seq: 5, hlc: '00000000001-00000-hq-origin', deleted: false, profileId: 'group-2026', version: 1, name: '集团统一画像', criteria: SEED_PROFILE.criteria, createdAt: '2026-11-01T00:00:00.000Z', userName: 'hq' }]),
    );
    const listed = await latestProfiles(db);
    expect(listed).toEqual([expect.objectContaining({ id: 'group-2026', fromHq: true })]);
    const unchanged = await saveProfile(db, actor, { id: 'group-2026', name: '集团统一画像', version: 1, criteria: SEED_PROFILE.criteria });
    expect(unchanged.id).toBe('group-2026');
    const changed = await saveProfile(db, actor, { id: 'group-2026', name: '集团统一画像', version: 1, criteria: SEED_PROFILE.criteria.slice(0, 2) });
    expect(changed).toMatchObject({ id: 'group-2026.P01', version: 1 });
    expect((await db.profiles.get('hq-profile-1'))?.criteria).toHaveLength(SEED_PROFILE.criteria.length);
  });
});
