// Bundles between plants and head office (DESIGN.md §8): idempotent, order-tolerant, verified
// before parsed, nothing lost. Modelled on the sync tests of Kolibri/Morango, Actual, PouchDB
// and Syncthing.
import { describe, expect, it } from 'vitest';
import { stateDigest } from '../../shared/bundle/replica.ts';
import { runChange } from '../../shared/records/store.ts';
import { acknowledgeAll, addProfiles, deleteProfile, editProfile, exported, hq, plant, profileDraft, receiveAt } from './bundle-fixtures.ts';

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

  it('carries selection rounds and certified trainers, so head office sees each plant\'s trainer list', async () => {
    const p = await plant('LY1', '洛阳一厂');
    const at = '2026-12-01T08:00:00.000Z';
    await runChange(p.store, p.actor, 'pipeline.move', ['round', 'trainer'], async (ctx) => {
      const [round] = await ctx.put('round', { name: '2026年第一批', plant: '洛阳一厂', startsOn: '2026-12-01', endsOn: null, quota: 15, runId: null, createdAt: at, createdBy: 'admin' });
      await ctx.put('trainer', { employeeId: '000123', name: '张伟', department: '质量部', grade: 'junior', domain: '质量管理', roundId: round.id, roundName: round.name, score: 8.6, certifiedAt: at, userName: 'admin' });
    });
    const h = await hq();
    expect(await receiveAt(h, [await exported(p)])).toMatchObject({ held: [], rejected: [] });
    const there = await stateDigest(h.store, { partitions: partitionOf('LY1'), kinds: ['round', 'trainer'], withHighWater: false });
    const here = await stateDigest(p.store, { partitions: partitionOf('LY1'), kinds: ['round', 'trainer'], withHighWater: false });
    expect(there.counts).toMatchObject({ round: 1, trainer: 1 });
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

describe('bundles: verified before parsed, and refused whole', () => {
  async function setUp() {
    const p = await plant('A', '甲厂');
    await addProfiles(p, '甲', '乙', '丙');
    const h = await hq();
    const file = await exported(p);
    return { p, h, file };
  }

  it('refuses a bundle cut short at any point, and changes nothing', async () => {
    const { h, file } = await setUp();
    const before = await stateDigest(h.store);
    const cuts = new Set<number>([1, 4, 22, 30, 100, file.bytes.length - 22, file.bytes.length - 1]);
    // Every entry boundary of the zip (local headers start with PK\x03\x04, the directory with PK\x01\x02).
    for (let i = 0; i + 3 < file.bytes.length; i++) if (file.bytes[i] === 0x50 && file.bytes[i + 1] === 0x4b && (file.bytes[i + 2] === 1 || file.bytes[i + 2] === 3 || file.bytes[i + 2] === 5)) cuts.add(i);
    let seed = 7;
    for (let k = 0; k < 40; k++) cuts.add(1 + ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % (file.bytes.length - 1)));
    for (const at of cuts) {
      const report = await receiveAt(h, [{ name: `cut-${at}.xhb`, bytes: file.bytes.slice(0, at) }]);
      expect(report.applied, `cut at ${at}`).toEqual([]);
      expect(report.rejected[0]?.failure.code, `cut at ${at}`).toMatch(/^bundle\.(truncated|unreadable)$/);
    }
    expect((await stateDigest(h.store)).digest).toBe(before.digest);
    expect(await h.store.list('profile')).toEqual([]);
  });

  it('refuses a bundle with any byte of its manifest or signature changed', async () => {
    const { h, file } = await setUp();
    const { unzipSync, zipSync } = await import('fflate');
    const parts = unzipSync(file.bytes);
    const flip = (name: string, i: number) => {
      const copy = { ...parts, [name]: parts[name].slice() };
      copy[name][i] ^= 0x01;
      return zipSync(copy, { level: 0 });
    };
    const { openBundle, verifyBundle } = await import('../../shared/bundle/format.ts');
    const trust = { org: h.hq.org };
    for (const name of ['manifest.json', 'manifest.sig']) {
      for (let i = 0; i < parts[name].length; i++) {
        const opened = openBundle(flip(name, i));
        const ok = opened.ok && verifyBundle(opened.value, trust).ok;
        expect(ok, `${name} byte ${i}`).toBe(false);
      }
    }
    const report = await receiveAt(h, [{ name: 'flipped.xhb', bytes: flip('manifest.sig', 5) }]);
    expect(report.rejected[0].failure.code).toBe('bundle.badSignature');
    expect(await h.store.list('profile')).toEqual([]);
  });

  it('refuses a data file whose bytes differ from the manifest\'s hash', async () => {
    const { h, file } = await setUp();
    const { unzipSync, zipSync } = await import('fflate');
    const parts = unzipSync(file.bytes);
    const data = parts['data/profile.jsonl.gz'].slice();
    data[data.length - 3] ^= 0x80;
    const report = await receiveAt(h, [{ name: 'x.xhb', bytes: zipSync({ ...parts, 'data/profile.jsonl.gz': data }, { level: 0 }) }]);
    expect(report.rejected[0].failure.code).toBe('bundle.hashMismatch');
  });

  it('refuses entries with paths outside the bundle and deflated entries that could be bombs', async () => {
    const { h, file } = await setUp();
    const { unzipSync, zipSync } = await import('fflate');
    const parts = unzipSync(file.bytes);
    const traversal = await receiveAt(h, [{ name: 'a.xhb', bytes: zipSync({ ...parts, '../evil.jsonl.gz': new Uint8Array([1]) }, { level: 0 }) }]);
    expect(traversal.rejected[0].failure).toMatchObject({ code: 'bundle.badEntry', params: { entry: '../evil.jsonl.gz' } });
    const bomb = await receiveAt(h, [{ name: 'b.xhb', bytes: zipSync({ ...parts, 'data/profile.jsonl.gz': new Uint8Array(50_000_000) }, { level: 9 }) }]);
    expect(bomb.rejected[0].failure.code).toBe('bundle.badEntry');
    expect(await h.store.list('profile')).toEqual([]);
  });

  it('refuses a certificate of one plant speaking for another plant, or carrying another plant\'s rows', async () => {
    const { p, h } = await setUp();
    const { writeBundle } = await import('../../shared/bundle/format.ts');
    const profiles = await p.store.list('profile');
    const base = { kind: 'sync' as const, orgId: h.hq.org.orgId, origin: p.installation.originId, label: { plantCode: 'B', plantName: '乙厂' }, seq: { from: 1, to: 99, snapshot: true }, previous: null, recipient: { name: 'hq', keys: h.hq.org.keys } };
    const signer = { sender: { type: 'plant' as const, certificate: p.keys.certificate }, sign: p.keys.keys.sign };
    const claimsB = await writeBundle({ ...base, partition: 'plant:B', tables: { profile: profiles.map((r) => ({ ...r, partition: 'plant:B' })) } }, signer);
    const smuggles = await writeBundle({ ...base, partition: 'plant:A', tables: { profile: profiles.map((r, i) => (i === 0 ? { ...r, partition: 'plant:B' } : r)) } }, signer);
    const report = await receiveAt(h, [{ name: 'claims.xhb', bytes: claimsB }, { name: 'smuggles.xhb', bytes: smuggles }]);
    expect(report.rejected.map((r) => [r.file, r.failure.code])).toEqual([['claims.xhb', 'bundle.wrongScope'], ['smuggles.xhb', 'bundle.wrongScope']]);
    expect(await h.store.list('profile')).toEqual([]);
  });

  it('refuses a bundle signed under a revoked certificate, and one from another organisation', async () => {
    const { p, file } = await setUp();
    const { createOrg, revocationList } = await import('../../shared/bundle/keys.ts');
    const { ORG } = await import('./bundle-fixtures.ts');
    const revoked = { ...ORG, org: { ...ORG.org, revocations: revocationList(ORG, [{ serial: p.keys.certificate.serial, partition: 'plant:A', revokedAt: '2026-11-30T00:00:00.000Z', reason: '设备丢失' }]) } };
    const h = await hq(revoked);
    expect((await receiveAt(h, [file])).rejected[0].failure).toMatchObject({ code: 'bundle.revoked', params: { plant: '甲厂' } });
    const other = await hq(createOrg('另一个集团'));
    expect((await receiveAt(other, [file])).rejected[0].failure.code).toBe('bundle.otherOrg');
  });

  it('refuses a bundle from a newer Xinhuo with an "upgrade" code, and keeps it for later', async () => {
    const { p, h } = await setUp();
    const { writeBundle } = await import('../../shared/bundle/format.ts');
    const { RECORD_KINDS } = await import('../../shared/records/schemas.ts');
    const bytes = await writeBundle({ kind: 'sync', orgId: h.hq.org.orgId, origin: p.installation.originId, partition: 'plant:A', label: { plantCode: 'A', plantName: '甲厂' }, seq: { from: 1, to: 5, snapshot: true }, previous: null, recipient: { name: 'hq', keys: h.hq.org.keys }, tables: { profile: await p.store.list('profile') } }, { sender: { type: 'plant', certificate: p.keys.certificate }, sign: p.keys.keys.sign });
    // The same bundle as a newer Xinhuo would write it: a newer profile schema.
    const { unzipSync, zipSync, strToU8, strFromU8 } = await import('fflate');
    const parts = unzipSync(bytes);
    const manifest = JSON.parse(strFromU8(parts['manifest.json']));
    manifest.schemas.profile = RECORD_KINDS.profile.version + 1;
    const { canonicalJson, toBase64 } = await import('../../shared/bundle/encoding.ts');
    const { signBytes } = await import('../../shared/bundle/keys.ts');
    const mBytes = strToU8(canonicalJson(manifest));
    const newer = zipSync({ ...parts, 'manifest.json': mBytes, 'manifest.sig': strToU8(toBase64(signBytes(p.keys.keys.sign, mBytes))) }, { level: 0 });
    const report = await receiveAt(h, [{ name: 'newer.xhb', bytes: newer }]);
    expect(report.rejected[0].failure).toMatchObject({ code: 'bundle.newerSchema', params: { kind: 'profile' } });
    const held = await h.store.transaction([], (tx) => tx.setting('held'));
    expect(held).toEqual([expect.objectContaining({ fileName: 'newer.xhb', reason: 'newerSchema' })]);
    expect(await h.store.list('profile')).toEqual([]);
  });

  it('an exception in the middle of applying leaves nothing partial', async () => {
    const { h, file } = await setUp();
    const before = await stateDigest(h.store);
    const original = h.store.transaction.bind(h.store);
    let armed = true;
    h.store.transaction = ((kinds, work) =>
      original(kinds, (tx) => {
        const bulkPut = tx.bulkPut.bind(tx);
        let puts = 0;
        tx.bulkPut = (async (kind: never, records: never) => {
          await bulkPut(kind, records);
          if (armed && ++puts === 1 && kinds.includes('conflict')) throw new Error('disk full');
        }) as typeof tx.bulkPut;
        return work(tx);
      })) as typeof h.store.transaction;
    await expect(receiveAt(h, [file])).rejects.toThrow('disk full');
    armed = false;
    expect((await stateDigest(h.store)).digest).toBe(before.digest);
    expect(await h.store.list('profile')).toEqual([]);
    expect((await receiveAt(h, [file])).applied).toEqual([file.name]);
  });
});

describe('bundles: large ones applied in chunks, resumed after an interruption', () => {
  const names = (n: number) => Array.from({ length: n }, (_, i) => `画像${i}`);
  const held = (h: Awaited<ReturnType<typeof hq>>) => h.store.transaction([], (tx) => tx.setting('held')).then((x) => x ?? []);
  const highWater = (h: Awaited<ReturnType<typeof hq>>) => h.store.transaction([], (tx) => tx.setting('sync')).then((s) => s?.highWater ?? {});

  /** Makes the n-th write transaction over the replica's tables fail after its first write; counts them. */
  function failAt(h: Awaited<ReturnType<typeof hq>>, n: number | null) {
    const original = h.store.transaction.bind(h.store);
    const seen = { transactions: 0, armed: n };
    h.store.transaction = ((kinds, work) =>
      original(kinds, (tx) => {
        if (!kinds.includes('conflict')) return work(tx);
        const index = ++seen.transactions;
        const bulkPut = tx.bulkPut.bind(tx);
        tx.bulkPut = (async (kind: never, records: never) => {
          await bulkPut(kind, records);
          if (index === seen.armed) throw new Error('disk full');
        }) as typeof tx.bulkPut;
        return work(tx);
      })) as typeof h.store.transaction;
    return seen;
  }

  /** A head office holding a plant's third bundle (ten new profiles) for the gap of its second. */
  async function heldGap() {
    const p = await plant('A');
    const office = await hq();
    const [a] = await addProfiles(p, '甲');
    const first = await exported(p);
    await receiveAt(office, [first]);
    await acknowledgeAll(p, office);
    await editProfile(p, a.id, '甲2');
    await receiveAt(office, [await exported(p)]);
    await acknowledgeAll(p, office);
    await addProfiles(p, ...names(10));
    const third = await exported(p);
    const h = await hq();
    await receiveAt(h, [first, third]);
    const [gap] = await held(h);
    return { h, third, gap };
  }

  async function bigBundle() {
    const p = await plant('A', '甲厂');
    await addProfiles(p, ...names(12));
    const file = await exported(p);
    const whole = await hq();
    expect((await receiveAt(whole, [file])).applied).toEqual([file.name]);
    return { p, file, digest: (await stateDigest(whole.store)).digest };
  }

  it('a failure in the third chunk keeps the chunks before it, moves no mark, and the next receive finishes to the same state', async () => {
    const { file, digest } = await bigBundle();
    const h = await hq();
    const seen = failAt(h, 3); // chunk 1 (which admits the bundle), chunk 2, then chunk 3 fails
    await expect(receiveAt(h, [file], { chunk: 4 })).rejects.toThrow('disk full');
    const kept = (await h.store.list('profile')).length + (await h.store.list('audit')).filter((a) => a.partition === 'plant:A').length;
    expect(kept).toBe(8);
    expect(await highWater(h)).toEqual({});
    expect(await held(h)).toEqual([expect.objectContaining({ fileName: file.name, reason: 'interrupted', params: expect.objectContaining({ kept: 1 }), decision: { resume: true } })]);
    seen.armed = null;
    seen.transactions = 0;
    // Nothing new to give: the staged file resumes by itself.
    expect(await receiveAt(h, [], { chunk: 4 })).toMatchObject({ applied: [file.name], held: [], rejected: [] });
    expect(seen.transactions).toBeGreaterThan(2);
    expect((await stateDigest(h.store)).digest).toBe(digest);
    expect(await held(h)).toEqual([]);
    expect((await h.store.list('audit')).filter((a) => a.action === 'sync.applied')).toHaveLength(1);
  });

  it('reports progress per chunk and stops between chunks when cancelled; the rest is applied later', async () => {
    const { file, digest } = await bigBundle();
    const h = await hq();
    const controller = new AbortController();
    const first: number[] = [];
    const run = receiveAt(h, [file], { chunk: 4, signal: controller.signal, onProgress: (f) => (first.push(f), controller.abort()) });
    await expect(run).rejects.toMatchObject({ name: 'Cancelled' });
    expect(first).toHaveLength(1);
    expect(first[0]).toBeGreaterThan(0);
    expect(first[0]).toBeLessThan(1);
    expect((await held(h)).map((x) => x.reason)).toEqual(['interrupted']);
    const again: number[] = [];
    expect((await receiveAt(h, [], { chunk: 4, onProgress: (f) => again.push(f) })).applied).toEqual([file.name]);
    expect(again.length).toBeGreaterThan(2);
    expect(again).toEqual([...again].sort((a, b) => a - b));
    expect(again.at(-1)).toBe(1);
    expect((await stateDigest(h.store)).digest).toBe(digest);
  });

  it('a gap applied by decision and then interrupted resumes under that decision, audited once', async () => {
    const { h, third, gap } = await heldGap();
    expect(gap.reason).toBe('gap');
    const seen = failAt(h, 3);
    const { decideHeld } = await import('../../shared/bundle/replica.ts');
    await expect(decideHeld(h.store, h.actor, gap.bundleId, { org: h.hq.org }, h.hq.keys.box, Date.now, { chunk: 4 })).rejects.toThrow('disk full');
    expect(await held(h)).toEqual([expect.objectContaining({ reason: 'interrupted', decision: { applyGap: true, resume: true } })]);
    seen.armed = null;
    expect(await receiveAt(h, [], { chunk: 4 })).toMatchObject({ applied: [third.name], held: [] });
    expect((await h.store.list('profile')).filter((r) => !r.deleted)).toHaveLength(11);
    expect((await h.store.list('audit')).filter((e) => e.action === 'sync.gapApplied')).toHaveLength(1);
  });

  it('after a crash mid-apply the held list asks for the file again, and importing it finishes under the same decision', async () => {
    const { h, third, gap } = await heldGap();
    // The window dies in the second chunk: that transaction and every one after it fail.
    const original = h.store.transaction.bind(h.store);
    let count = 0;
    let dead = false;
    h.store.transaction = ((kinds, work) => {
      if (!dead && kinds.includes('conflict') && ++count === 3) dead = true;
      return dead ? Promise.reject(new Error('window gone')) : original(kinds, work);
    }) as typeof h.store.transaction;
    const { decideHeld } = await import('../../shared/bundle/replica.ts');
    await expect(decideHeld(h.store, h.actor, gap.bundleId, { org: h.hq.org }, h.hq.keys.box, Date.now, { chunk: 4 })).rejects.toThrow('window gone');
    h.store.transaction = original;
    const [marker] = await held(h);
    expect(marker).toMatchObject({ bundleId: gap.bundleId, reason: 'interrupted', params: { kept: 0 }, decision: { applyGap: true, resume: true } });
    expect(marker.bytes).toHaveLength(0);
    // Other receives leave the marker; the file itself, received again, finishes the apply.
    expect(await receiveAt(h, [], { chunk: 4 })).toMatchObject({ applied: [], rejected: [] });
    expect(await held(h)).toHaveLength(1);
    expect(await receiveAt(h, [third], { chunk: 4 })).toMatchObject({ applied: [third.name], held: [] });
    expect(await held(h)).toEqual([]);
    expect((await h.store.list('profile')).filter((r) => !r.deleted)).toHaveLength(11);
    expect((await h.store.list('audit')).filter((e) => e.action === 'sync.gapApplied')).toHaveLength(1);
  });

  it('holds a mass delete before its first chunk is written', async () => {
    const p = await plant('A');
    const made = await addProfiles(p, ...names(14));
    const h = await hq();
    await receiveAt(h, [await exported(p)]);
    await acknowledgeAll(p, h);
    for (const r of made.slice(0, 12)) await deleteProfile(p, r.id);
    const before = await stateDigest(h.store);
    expect((await receiveAt(h, [await exported(p)], { chunk: 4 })).held).toMatchObject([{ reason: 'massDelete' }]);
    expect((await stateDigest(h.store)).digest).toBe(before.digest);
  });
});

describe('bundles: versions, deletes and conflicts', () => {
  it('an older version never overwrites a newer one, in either order', async () => {
    const p = await plant('A');
    const [a] = await addProfiles(p, '甲');
    const old = await exported(p, { snapshot: true });
    await editProfile(p, a.id, '甲-新');
    const newer = await exported(p, { snapshot: true });
    for (const order of [[old, newer], [newer, old]]) {
      const h = await hq();
      // One at a time: a single receive sorts what it is given.
      for (const file of order) await receiveAt(h, [file]);
      expect((await h.store.list('profile')).map((r) => r.name)).toEqual(['甲-新']);
    }
  });

  it('a delete and an edit of one record end the same in both orders; create, delete, recreate ends live', async () => {
    const p = await plant('A');
    const [a] = await addProfiles(p, '甲');
    const created = await exported(p, { snapshot: true });
    await deleteProfile(p, a.id);
    const deleted = await exported(p, { snapshot: true });
    const digests = new Set<string>();
    for (const order of [[created, deleted], [deleted, created]]) {
      const h = await hq();
      for (const file of order) await receiveAt(h, [file]);
      expect((await h.store.list('profile'))[0].deleted).toBe(true);
      digests.add((await stateDigest(h.store, { withHighWater: false })).digest);
    }
    expect(digests.size).toBe(1);
    await runChange(p.store, p.actor, 'screening', ['profile'], (ctx) => ctx.put('profile', { ...profileDraft('甲-重建'), id: a.id }));
    const recreated = await exported(p, { snapshot: true });
    for (const order of [[created, deleted, recreated], [recreated, deleted, created]]) {
      const h = await hq();
      for (const file of order) await receiveAt(h, [file]);
      expect((await h.store.list('profile')).map((r) => [r.name, r.deleted])).toEqual([['甲-重建', false]]);
    }
  });

  it('holds a bundle that deletes most of a partition until an officer confirms it, audited', async () => {
    const p = await plant('A');
    const made = await addProfiles(p, ...Array.from({ length: 14 }, (_, i) => `画像${i}`));
    const h = await hq();
    await receiveAt(h, [await exported(p)]);
    await acknowledgeAll(p, h);
    for (const r of made.slice(0, 12)) await deleteProfile(p, r.id);
    const wipe = await exported(p);
    const report = await receiveAt(h, [wipe]);
    expect(report.held).toEqual([{ file: wipe.name, reason: 'massDelete', params: { deletes: 12, live: 14 } }]);
    expect((await h.store.list('profile')).filter((r) => !r.deleted)).toHaveLength(14);
    const { decideHeld } = await import('../../shared/bundle/replica.ts');
    const held = (await h.store.transaction([], (tx) => tx.setting('held')))!;
    const outcome = await decideHeld(h.store, h.actor, held[0].bundleId, { org: h.hq.org }, h.hq.keys.box);
    expect(outcome).toMatchObject({ status: 'applied', deletes: 12 });
    expect((await h.store.list('profile')).filter((r) => !r.deleted)).toHaveLength(2);
    expect((await h.store.list('audit')).map((a) => a.action)).toContain('sync.massDeleteConfirmed');
    expect(await h.store.transaction([], (tx) => tx.setting('held'))).toEqual([]);
  });

  it('applies a held gap by an explicit decision, and audits what was skipped', async () => {
    const p = await plant('A');
    const office = await hq();
    const [a] = await addProfiles(p, '甲');
    const first = await exported(p);
    await receiveAt(office, [first]);
    await acknowledgeAll(p, office);
    await editProfile(p, a.id, '甲2');
    await receiveAt(office, [await exported(p)]);
    await acknowledgeAll(p, office);
    await editProfile(p, a.id, '甲3');
    const third = await exported(p);
    const h = await hq();
    await receiveAt(h, [first, third]);
    const { decideHeld } = await import('../../shared/bundle/replica.ts');
    const [held] = (await h.store.transaction([], (tx) => tx.setting('held')))!;
    expect(held.reason).toBe('gap');
    expect(await decideHeld(h.store, h.actor, held.bundleId, { org: h.hq.org }, h.hq.keys.box)).toMatchObject({ status: 'applied' });
    expect((await h.store.list('profile'))[0].name).toBe('甲3');
    expect((await h.store.list('audit')).find((e) => e.action === 'sync.gapApplied')?.params).toMatchObject({ missingFrom: 3 });
  });

  it('a restored backup starts a new origin; what the old database sent is kept as a conflict, nothing dropped', async () => {
    const p = await plant('A');
    const [a] = await addProfiles(p, '甲');
    const h = await hq();
    await receiveAt(h, [await exported(p)]);
    await acknowledgeAll(p, h);
    const { restoreBackup, writeBackup } = await import('../../shared/bundle/backup.ts');
    const backup = await writeBackup(p.store, p.actor, { org: p.keys.org, keys: p.keys.keys });
    await editProfile(p, a.id, '甲-恢复前');
    await receiveAt(h, [await exported(p)]);
    const before = p.installation.originId;
    const restored = await restoreBackup(p.store, p.actor, backup.bytes, { org: p.keys.org, keys: p.keys.keys });
    expect(restored).toMatchObject({ ok: true, previousOrigin: before });
    const inst = (await p.store.transaction([], (tx) => tx.setting('installation')))!;
    expect(inst.originId).not.toBe(before);
    expect(inst.previousOrigins).toEqual([before]);
    expect((await p.store.list('profile'))[0].name).toBe('甲');
    await editProfile(p, a.id, '甲-恢复后');
    const after = await exported(p);
    expect(after.name).toMatch(/_seq1-/);
    await receiveAt(h, [after]);
    expect((await h.store.list('profile'))[0].name).toBe('甲-恢复后');
    const conflicts = await h.store.list('conflict');
    expect(conflicts.map((c) => [c.lineage, (c.record as { name: string }).name])).toEqual([[before, '甲-恢复前']]);
    expect((await p.store.list('audit')).map((e) => e.action)).toContain('backup.restored');
  });

  it('refuses a backup written by another installation', async () => {
    const p = await plant('A');
    const q = await plant('B');
    const { restoreBackup, writeBackup } = await import('../../shared/bundle/backup.ts');
    const backup = await writeBackup(q.store, q.actor, { org: q.keys.org, keys: q.keys.keys });
    const r = await restoreBackup(p.store, p.actor, backup.bytes, { org: p.keys.org, keys: p.keys.keys });
    expect(r).toMatchObject({ ok: false, failure: { code: 'bundle.notForThis' } });
  });

  it('a downward bundle never overwrites a plant\'s unsent local edits, and cannot carry plant rows', async () => {
    const p = await plant('A');
    const [mine] = await addProfiles(p, '本厂画像');
    const h = await hq();
    await receiveAt(h, [await exported(p)]);
    await runChange(h.store, h.actor, 'screening', ['profile'], (ctx) => ctx.put('profile', profileDraft('总部画像')));
    await editProfile(p, mine.id, '本厂画像-未发送');
    await acknowledgeAll(p, h);
    const profiles = await p.store.list('profile');
    expect(profiles.map((r) => [r.partition, r.name]).sort()).toEqual([['hq', '总部画像'], ['plant:A', '本厂画像-未发送']]);
    const sync = await p.store.transaction([], (tx) => tx.setting('sync'));
    expect(sync?.acked[p.installation.originId]).toBeGreaterThan(0);
    // Head office writing into the plant's partition is refused by the write path itself.
    await expect(runChange(h.store, h.actor, 'screening', ['profile'], (ctx) => ctx.put('profile', { ...mine, name: '改写' }))).rejects.toMatchObject({ failure: { code: 'change.foreignPartition' } });
  });

  it('head office\'s rubric templates and topic list go down with an acknowledgement, and a plant\'s own stay its own', async () => {
    const p = await plant('A');
    const h = await hq();
    await addProfiles(p, '本厂画像');
    await receiveAt(h, [await exported(p)]);
    const rubric = { id: 'hq-trial', version: 2, name: '集团试讲评审', scale: { min: 1, max: 5 }, criteria: [{ id: 'relevance', name: '选题相关性', description: '', weight: 50 }, { id: 'delivery', name: '表达能力', description: '', weight: 50 }] };
    await runChange(h.store, h.actor, 'pipeline.move', ['rubricTemplate'], (ctx) => ctx.put('rubricTemplate', { id: rubric.id, rubric, updatedAt: '2026-12-01T00:00:00.000Z', updatedBy: 'admin' }));
    await runChange(p.store, p.actor, 'pipeline.move', ['rubricTemplate'], (ctx) => ctx.put('rubricTemplate', { id: 'mine', rubric: { ...rubric, id: 'mine', version: 1, name: '本厂评审' }, updatedAt: '2026-12-01T00:00:00.000Z', updatedBy: 'admin' }));
    await runChange(h.store, h.actor, 'pipeline.move', ['topicTheme'], (ctx) => ctx.put('topicTheme', { theme: '精益改善', painPoint: '换型时间长', department: null, skill: null, asked: null, source: 'typed', createdAt: '2026-12-01T00:00:00.000Z', createdBy: 'admin' }));
    await acknowledgeAll(p, h);
    expect((await p.store.list('topicTheme')).map((r) => [r.partition, r.theme])).toEqual([['hq', '精益改善']]);
    const templates = await p.store.list('rubricTemplate');
    expect(templates.map((r) => [r.partition, r.rubric.name, r.rubric.version]).sort()).toEqual([['hq', '集团试讲评审', 2], ['plant:A', '本厂评审', 1]]);
    // The plant cannot change head office's template: the write path refuses the foreign partition.
    const theirs = templates.find((r) => r.partition === 'hq')!;
    await expect(runChange(p.store, p.actor, 'pipeline.move', ['rubricTemplate'], (ctx) => ctx.put('rubricTemplate', { ...theirs, rubric: { ...theirs.rubric, name: '改写' } }))).rejects.toMatchObject({ failure: { code: 'change.foreignPartition' } });
    // The plant's own template travels up with its next bundle.
    await receiveAt(h, [await exported(p)]);
    expect((await h.store.list('rubricTemplate')).map((r) => r.rubric.name).sort()).toEqual(['本厂评审', '集团试讲评审']);
  });
});
