// Review packets and score files: the tally from files equals the arithmetic on the raw
// scores; the same file twice changes nothing; a flipped byte, a foreign packet and a stale
// rubric are refused; the latest export wins in any order.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReviewPacket, tallyScoreFiles, writeReviewPacket, writeScoreFile } from '../../shared/bundle/review.ts';
import { demoReview } from '../../shared/bundle/review-demo.ts';
import { newSecretKeys } from '../../shared/bundle/keys.ts';
import { DEFAULT_RUBRIC } from '../../shared/domain/review/rubric.ts';
import { runCli } from './cli-run.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xinhuo-review-'));
  const r = await runCli(['demo', '--review', dir, '--candidates', '8', '--reviewers', '6', '--seed', 'rv']);
  expect(r.code, r.err).toBe(0);
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

type Out = { candidates: { candidateId: string; reviewerTotals: Record<string, number>; mean: number | null; trimmedMean: number | null; spread: number | null; flags: string[] }[]; rejected: { file: string; reason: string }[] };
const tallyCli = async (...scores: string[]) => {
  const r = await runCli(['review', 'tally', '--packets', join(dir, 'packets'), '--scores', ...scores, '--json']);
  return { code: r.code, out: JSON.parse(r.out) as Out };
};
const scoreFiles = async () => (await readdir(join(dir, 'scores'))).sort().map((f) => join(dir, 'scores', f));

describe('xinhuo review tally', () => {
  it('prints per candidate the totals, mean, trimmed mean and spread the raw scores give', async () => {
    const expected = JSON.parse(await readFile(join(dir, 'expected.json'), 'utf8')) as { rubric: { criteria: { id: string; weight: number }[] }; scores: { reviewer: string; candidateId: string; criterion: string; score: number }[] };
    expect(expected.rubric.criteria).toEqual([{ id: 'relevance', weight: 0.4 }, { id: 'delivery', weight: 0.3 }, { id: 'authenticity', weight: 0.3 }]);
    const { code, out } = await tallyCli(...(await scoreFiles()));
    expect(code).toBe(0);
    expect(out.rejected).toEqual([]);
    expect(out.candidates).toHaveLength(8);
    const w = new Map(expected.rubric.criteria.map((c) => [c.id, c.weight]));
    for (const c of out.candidates) {
      const totals: Record<string, number> = {};
      for (const s of expected.scores.filter((x) => x.candidateId === c.candidateId)) totals[s.reviewer] = (totals[s.reviewer] ?? 0) + w.get(s.criterion)! * s.score;
      const values = Object.values(totals).sort((a, b) => a - b);
      for (const [r, t] of Object.entries(totals)) expect(c.reviewerTotals[r]).toBeCloseTo(t, 6);
      expect(c.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 6);
      expect(c.trimmedMean).toBeCloseTo(values.slice(1, -1).reduce((a, b) => a + b, 0) / (values.length - 2), 6);
      expect(c.spread).toBeCloseTo(values.at(-1)! - values[0], 6);
    }
  });

  it('gives the same result for the same file twice, and refuses a file with a flipped byte', async () => {
    const files = await scoreFiles();
    const base = (await tallyCli(...files)).out;
    expect((await tallyCli(...files, files[0])).out).toEqual(base);
    const { unzipSync, zipSync } = await import('fflate');
    const parts = unzipSync(new Uint8Array(await readFile(files[1])));
    const data = parts['data/scoreSheet.jsonl.gz'].slice();
    data[data.length >> 1] ^= 0x01;
    const bad = join(dir, 'flipped.xhb');
    await writeFile(bad, zipSync({ ...parts, 'data/scoreSheet.jsonl.gz': data }, { level: 0 }));
    const r = await tallyCli(files[0], bad);
    expect(r.code).toBe(1);
    expect(r.out.rejected).toEqual([{ file: bad, reason: '同步包中的 data/scoreSheet.jsonl.gz 与清单不符（内容被改动或损坏）' }]);
  });

  it('refuses a score file that answers another round\'s packet', async () => {
    const other = await demoReview({ candidates: 3, reviewers: 1, seed: 'other' });
    const foreign = join(dir, 'foreign.xhb');
    await writeFile(foreign, other.scores[0].bytes);
    const r = await tallyCli(foreign);
    expect(r.out.rejected[0]).toEqual({ file: foreign, reason: expect.stringContaining('不是本批次发出的') });
  });
});

describe('score files at the officer\'s', () => {
  async function round(rubricVersion = 1) {
    const issuer = { orgId: 'o', origin: 'officer', keys: newSecretKeys() };
    const rubric = { ...DEFAULT_RUBRIC, version: rubricVersion };
    const packet = { id: 'pk1', partition: 'plant:P01', origin: 'officer', seq: 1, hlc: '00000000001-00000-officer', deleted: false, packetId: 'pk1', roundId: 'r1', roundName: '第一批', reviewer: { id: 'R01', name: '周建国', role: 'business' as const, department: '设备维修部' }, rubric, candidates: [{ candidateId: '000123', name: '张三', department: '质量部', topic: null, session: null }], issuedAt: '2026-12-01T00:00:00.000Z', issuedBy: '王培训' };
    const written = await writeReviewPacket(issuer, packet);
    const opened = await openReviewPacket(written.bytes);
    if (!opened.ok) throw new Error(opened.failure.code);
    return opened.value;
  }
  const sheet = (relevance: number, version = 1) => ({ id: 'pk1-000123', partition: 'review:pk1:R01', origin: 'pk1:R01', seq: 1, hlc: '00000000001-00000-pk1:R01', deleted: false, packetId: 'pk1', reviewerId: 'R01', candidateId: '000123', rubricId: 'default', rubricVersion: version, scores: { relevance, delivery: 5, authenticity: 5 }, comment: '', paper: false, savedAt: '2026-12-01T00:00:00.000Z' });

  it('a packet holds only what the reviewer needs: no performance data, no other reviewer\'s scores', async () => {
    const p = await round();
    expect(Object.keys(p.packet).sort()).toEqual(['candidates', 'deleted', 'hlc', 'id', 'issuedAt', 'issuedBy', 'origin', 'packetId', 'partition', 'reviewer', 'roundId', 'roundName', 'rubric', 'seq']);
    expect(Object.keys(p.packet.candidates[0]).sort()).toEqual(['candidateId', 'department', 'name', 'session', 'topic']);
  });

  it('the latest export wins, whatever order the files come in', async () => {
    const p = await round();
    const first = await writeScoreFile(p, [sheet(4)], new Date('2026-12-01T10:00:00.000Z'));
    const second = await writeScoreFile(p, [sheet(9)], new Date('2026-12-01T11:00:00.000Z'));
    for (const order of [[first, second], [second, first]]) {
      const r = await tallyScoreFiles([p], order.map((f, i) => ({ name: `f${i}`, bytes: f.bytes })));
      // 0.4 × 9 + 0.3 × 5 + 0.3 × 5 = 6.6
      expect(r.candidates[0].reviewerTotals).toEqual({ R01: 6.6 });
    }
  });

  it('refuses a score file scored on a stale rubric version', async () => {
    const p = await round(2);
    const stale = await writeScoreFile({ ...p, packet: { ...p.packet, rubric: { ...p.packet.rubric, version: 1 } } }, [sheet(7, 1)]);
    const r = await tallyScoreFiles([p], [{ name: 'stale.xhb', bytes: stale.bytes }]);
    expect(r.rejected[0].failure).toMatchObject({ code: 'review.staleRubric', params: { version: 1, current: 2 } });
    expect(r.candidates[0].reviewerTotals).toEqual({});
  });
});
