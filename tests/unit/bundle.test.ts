// Bundles between plants and head office (DESIGN.md §8): idempotent, order-tolerant, verified
// before parsed, nothing lost. Modelled on the sync tests of Kolibri/Morango, Actual, PouchDB
// and Syncthing.
import { describe, expect, it } from 'vitest';
import { stateDigest } from '../../shared/bundle/replica.ts';
import { acknowledgeAll, addProfiles, deleteProfile, editProfile, exported, hq, plant, receiveAt } from './bundle-fixtures.ts';

const partitionOf = (code: string) => (p: string) => p === `plant:${code}`;

describe('bundles: a plant to head office', () => {
  it('carries a plant\'s records to head office, where they equal the plant\'s own', async () => {
    const p = await plant('LY1', '洛阳一厂');
    await addProfiles(p, '甲', '乙');
    const h = await hq();
    const file = await exported(p);
    expect(file.name).toMatch(/^\d+-洛阳一厂_\d{4}-\d{2}-\d{2}_seq1-\d+\.xhb$/);
    const report = await receiveAt(h, [file]);
    expect(report).toMatchObject({ applied: [file.name], held: [], rejected: [] });
    const there = await stateDigest(h.store, { partitions: partitionOf('LY1'), kinds: ['profile'], withHighWater: false });
    const here = await stateDigest(p.store, { partitions: partitionOf('LY1'), kinds: ['profile'], withHighWater: false });
    expect(there.counts.profile).toBe(2);
    expect(there.digest).toBe(here.digest);
  });

  it('imports the same bundle twice to the same digest; the second time is a replay, audited', async () => {
    const p = await plant('A');
    await addProfiles(p, '甲');
    const h = await hq();
    const file = await exported(p);
    await receiveAt(h, [file]);
    const once = await stateDigest(h.store);
    const again = await receiveAt(h, [{ ...file, name: 'copy.xhb' }]);
    expect(again.replayed).toEqual(['copy.xhb']);
    expect((await stateDigest(h.store)).digest).toBe(once.digest);
    expect((await h.store.list('audit')).some((a) => a.action === 'sync.replay')).toBe(true);
  });

  it('holds a bundle whose earlier seqs have not arrived, and applies it once they have', async () => {
    const p = await plant('A');
    const office = await hq();
    const [a] = await addProfiles(p, '甲');
    const first = await exported(p);
    await receiveAt(office, [first]);
    await acknowledgeAll(p, office);
    await editProfile(p, a.id, '甲2');
    const second = await exported(p);
    await receiveAt(office, [second]);
    await acknowledgeAll(p, office);
    await editProfile(p, a.id, '甲3');
    const third = await exported(p);
    // Another head-office replica (a merge from the folder) sees 1, then 3 before 2.
    const h = await hq();
    await receiveAt(h, [first]);
    const held = await receiveAt(h, [third]);
    expect(held.held).toEqual([expect.objectContaining({ file: third.name, reason: 'gap' })]);
    expect((await h.store.list('profile'))[0].name).toBe('甲');
    const later = await receiveAt(h, [second]);
    expect(later.applied).toEqual([second.name, third.name]);
    expect(later.held).toEqual([]);
    expect((await h.store.list('profile'))[0].name).toBe('甲3');
    await receiveAt(office, [third]);
    expect((await stateDigest(h.store)).digest).toBe((await stateDigest(office.store)).digest);
  });

  it('a lost bundle costs nothing: the next one covers everything since the last acknowledgement', async () => {
    const p = await plant('A');
    const h = await hq();
    const [a, b] = await addProfiles(p, '甲', '乙');
    await receiveAt(h, [await exported(p)]);
    await acknowledgeAll(p, h);
    await editProfile(p, a.id, '甲2');
    await exported(p); // lost on the way
    await deleteProfile(p, b.id);
    const next = await exported(p);
    expect((await receiveAt(h, [next])).applied).toEqual([next.name]);
    const profiles = await h.store.list('profile');
    expect(profiles.find((x) => x.id === a.id)?.name).toBe('甲2');
    expect(profiles.find((x) => x.id === b.id)?.deleted).toBe(true);
  });
});
