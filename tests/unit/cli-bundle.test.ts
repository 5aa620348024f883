// `xinhuo demo --bundles` and `xinhuo bundle inspect|verify|merge`, in-process.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli-run.ts';

let dir = '';
let files: string[] = [];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xinhuo-bundles-'));
  const r = await runCli(['demo', '--bundles', dir, '--plants', '3', '--employees', '60', '--seed', 'cli']);
  expect(r.code, r.err).toBe(0);
  files = (await readdir(join(dir, 'bundles'))).map((f) => join(dir, 'bundles', f));
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

const merge = async (list: string[]) => {
  const r = await runCli(['bundle', 'merge', ...list, '--org', join(dir, 'org.json'), '--key', join(dir, 'hq.key'), '--json']);
  return { code: r.code, json: JSON.parse(r.out) as { applied: string[]; held: { file: string; reason: string }[]; rejected: { file: string; reason: string }[]; digest: string; counts: Record<string, number> } };
};

describe('xinhuo demo --bundles', () => {
  it('writes org.json, hq.key and each plant\'s snapshot and deltas, named by plant, date and seq range', async () => {
    expect(JSON.parse(await readFile(join(dir, 'org.json'), 'utf8'))).toMatchObject({ format: 'xinhuo-org', orgName: '华东能源集团' });
    expect(JSON.parse(await readFile(join(dir, 'hq.key'), 'utf8'))).toMatchObject({ format: 'xinhuo-org-key' });
    expect(files).toHaveLength(12);
    for (const f of files) expect(f).toMatch(/[^/]+厂_\d{4}-\d{2}-\d{2}_seq\d+-\d+\.xhb$/);
  });
});

describe('xinhuo bundle merge', () => {
  it('prints applied, held, rejected, the digest and counts; the digest is the same in any order and with duplicates', async () => {
    const first = await merge(files);
    expect(first.code).toBe(0);
    expect(first.json.applied).toHaveLength(12);
    expect(first.json.held).toEqual([]);
    expect(first.json.rejected).toEqual([]);
    expect(first.json.digest).toMatch(/^[0-9a-f]{64}$/);
    // Three plants: five datasets each live (the extra import was undone), 8 − 2 people in selection.
    expect(first.json.counts).toMatchObject({ factBatch: 15, factBlock: 15, pipeline: 18, profile: 3, conflict: 0 });
    let seed = 3;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let k = 0; k < 3; k++) {
      const shuffled = [...files, ...files.filter(() => rnd() < 0.3)].sort(() => rnd() - 0.5);
      expect((await merge(shuffled)).json.digest).toBe(first.json.digest);
    }
    expect((await merge([join(dir, 'bundles')])).json.digest).toBe(first.json.digest);
  });

  it('holds a delta whose earlier bundles are missing, and rejects a damaged file with exit 1', async () => {
    const r = await merge([files.find((f) => !/_seq1-/.test(f))!]);
    expect(r.json.held).toEqual([expect.objectContaining({ reason: 'gap' })]);
    const bytes = await readFile(files[0]);
    const cut = join(dir, 'cut.xhb');
    await writeFile(cut, bytes.subarray(0, bytes.length - 100));
    const bad = await merge([cut]);
    expect(bad.code).toBe(1);
    expect(bad.json.rejected).toEqual([expect.objectContaining({ file: cut, reason: 'bundle.truncated' })]);
  });
});

describe('xinhuo bundle verify and inspect', () => {
  it('exits 0 for an authentic bundle, 1 with the reason for a damaged one, 2 for an unreadable file', async () => {
    const org = join(dir, 'org.json');
    expect((await runCli(['bundle', 'verify', files[0], '--org', org])).code).toBe(0);
    const bytes = new Uint8Array(await readFile(files[0]));
    const text = new TextDecoder('latin1').decode(bytes);
    const at = text.indexOf('"createdAt":"') + 14;
    const tampered = bytes.slice();
    tampered[at] = tampered[at] === 0x31 ? 0x32 : 0x31;
    const bad = join(dir, 'tampered.xhb');
    await writeFile(bad, tampered);
    const r = await runCli(['bundle', 'verify', bad, '--org', org, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ ok: false, code: 'bundle.badSignature' });
    const junk = join(dir, 'junk.xhb');
    await writeFile(junk, 'not a bundle');
    const u = await runCli(['bundle', 'verify', junk, '--org', org]);
    expect(u.code).toBe(2);
    expect(u.err).toContain('不是薪火同步包');
  });

  it('inspects a bundle without any key: kind, origin, recipient, seq range, counts and signature, in Chinese or English', async () => {
    const r = await runCli(['bundle', 'inspect', files[0], '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ readable: true, kind: 'sync', recipient: { name: '华东能源集团' }, seq: { from: 1, snapshot: true }, signature: 'valid', certificate: 'unchecked' });
    expect(j.records).toMatchObject({ factBatch: 5, profile: 1 });
    const zh = await runCli(['bundle', 'inspect', files[0], '--org', join(dir, 'org.json')]);
    expect(zh.out).toContain('签名：有效；证书：由本组织总部签发，有效');
    const en = await runCli(['bundle', 'inspect', files[0], '--lang', 'en']);
    expect(en.out).toContain('Signature: valid; certificate: not checked (needs --org)');
  });
});
