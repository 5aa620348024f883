// The sync property (DESIGN.md §8): five plants edit, export and hear back from head office
// while the network drops, duplicates and reorders bundles and acknowledgements. After one
// reliable round, head office equals every plant's own data, and a second head-office replica
// that received every bundle ever written, shuffled and duplicated, has the same digest.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acknowledgement, receive, stateDigest, type ReceivedFile } from '../../shared/bundle/replica.ts';
import { addProfiles, deleteProfile, editProfile, exported, hq, ORG, plant } from './bundle-fixtures.ts';
import type { PlantReplica } from '../../shared/bundle/setup.ts';

type Step = { plant: number; op: 'add' | 'edit' | 'delete'; pick: number; deliver: boolean; duplicate: boolean; ackBack: boolean };

const stepArb: fc.Arbitrary<Step> = fc.record({
  plant: fc.integer({ min: 0, max: 4 }),
  op: fc.constantFrom('add', 'add', 'edit', 'edit', 'delete'),
  pick: fc.nat(),
  deliver: fc.boolean(),
  duplicate: fc.boolean(),
  ackBack: fc.boolean(),
});

async function liveIds(p: PlantReplica): Promise<string[]> {
  return (await p.store.list('profile')).filter((r) => !r.deleted && r.partition === p.keys.certificate.partition).map((r) => r.id).sort();
}

describe('sync property: drops, duplicates and reordering', () => {
  it('every replica ends with an equal digest', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 4, maxLength: 24 }), fc.array(fc.nat(), { minLength: 64, maxLength: 64 }), async (steps, shuffle) => {
        const plants = await Promise.all(['P1', 'P2', 'P3', 'P4', 'P5'].map((c) => plant(c)));
        const h1 = await hq();
        const h2 = await hq();
        const everything: ReceivedFile[] = [];
        const trust = { org: ORG.org };
        let names = 0;
        for (const s of steps) {
          const p = plants[s.plant];
          const ids = await liveIds(p);
          if (s.op === 'add' || !ids.length) await addProfiles(p, `画像${++names}`);
          else if (s.op === 'edit') await editProfile(p, ids[s.pick % ids.length], `改${++names}`);
          else await deleteProfile(p, ids[s.pick % ids.length]);
          const file = await exported(p);
          everything.push(file);
          if (!s.deliver) continue;
          await receive(h1.store, h1.actor, s.duplicate ? [file, file] : [file], trust, ORG.keys.box);
          if (!s.ackBack) continue;
          const ack = await acknowledgement(h1.store, h1.actor, { org: ORG.org, keys: ORG.keys }, p.keys.certificate.partition);
          await receive(p.store, p.actor, [{ name: ack.fileName, bytes: ack.bytes }], trust, p.keys.keys.box);
        }
        // One reliable round: every plant sends what head office has not acknowledged.
        for (const p of plants) {
          const r = await exported(p).catch(() => null);
          if (r) {
            everything.push(r);
            await receive(h1.store, h1.actor, [r], trust, ORG.keys.box);
          }
        }
        // The second replica gets every bundle ever written, shuffled, some twice.
        const pile = [...everything, ...everything.filter((_, i) => shuffle[i % shuffle.length] % 3 === 0)];
        for (let i = pile.length - 1; i > 0; i--) {
          const j = shuffle[i % shuffle.length] % (i + 1);
          [pile[i], pile[j]] = [pile[j], pile[i]];
        }
        const half = Math.floor(pile.length / 2);
        // …and applies them in chunks of two records: chunked and whole applies end equal.
        await receive(h2.store, h2.actor, pile.slice(0, half), trust, ORG.keys.box, Date.now, { chunk: 2 });
        const report = await receive(h2.store, h2.actor, pile.slice(half), trust, ORG.keys.box, Date.now, { chunk: 2 });
        expect(report.held).toEqual([]);
        expect(report.rejected).toEqual([]);
        const d1 = await stateDigest(h1.store);
        const d2 = await stateDigest(h2.store);
        expect(d2.digest).toBe(d1.digest);
        for (const p of plants) {
          const mine = (x: string) => x === p.keys.certificate.partition;
          const there = await stateDigest(h1.store, { partitions: mine, kinds: ['profile'], withHighWater: false });
          const here = await stateDigest(p.store, { partitions: mine, kinds: ['profile'], withHighWater: false });
          expect(there.digest).toBe(here.digest);
        }
      }),
      { numRuns: 12, seed: 20261201 },
    );
  }, 120_000);
});
