// The CLI reads bundles with Node's zlib instead of fflate: it must take exactly what fflate
// takes and refuse what it refuses, a data file that inflates past its declared size first.
import { gzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeInflate } from '../../cli/node-inflate.ts';
import { setInflater } from '../../shared/bundle/format.ts';
import { stateDigest } from '../../shared/bundle/replica.ts';
import { addProfiles, exported, hq, plant, receiveAt } from './bundle-fixtures.ts';

afterEach(() => setInflater(null));

describe('Node\'s inflater for bundles', () => {
  const text = new TextEncoder().encode('{"name":"甲"}\n'.repeat(1000));
  const gz = gzipSync(text);

  it('inflates a data file that comes to exactly its declared size', () => {
    expect(nodeInflate(gz, text.length)).toEqual(text);
  });

  it('refuses a file that comes to more or less than declared, and one that is not gzip', () => {
    expect(nodeInflate(gz, text.length - 1)).toBeNull();
    expect(nodeInflate(gz, text.length + 1)).toBeNull();
    expect(nodeInflate(text, text.length)).toBeNull();
    expect(nodeInflate(gz.subarray(0, gz.length >> 1), text.length)).toBeNull();
  });

  it('stops a bomb at its declared size instead of inflating it whole', () => {
    const bomb = gzipSync(new Uint8Array(16 * 1024 * 1024), { level: 9 });
    expect(nodeInflate(bomb, 1024)).toBeNull();
  });

  it('reads a bundle to the same state as fflate does', async () => {
    const p = await plant('LY1', '洛阳一厂');
    await addProfiles(p, '甲', '乙', '丙');
    const file = await exported(p);
    const digests: string[] = [];
    for (const inflater of [null, nodeInflate]) {
      setInflater(inflater);
      const h = await hq();
      expect(await receiveAt(h, [file])).toMatchObject({ applied: [file.name], rejected: [] });
      digests.push((await stateDigest(h.store, { kinds: ['profile'], withHighWater: false })).digest);
    }
    expect(digests[1]).toBe(digests[0]);
  });
});
