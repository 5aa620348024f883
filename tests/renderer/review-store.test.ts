// The officer's side of review over the app's store: packets refused on an unresolved
// conflict of interest, stored with their secrets; the decision certifies trainers and
// closes the round for everyone reviewed.
import { describe, expect, it } from 'vitest';
import { change } from '../../renderer/src/data/records/change.ts';
import { decideRound, issuePackets, roundPackets, storedRounds } from '../../renderer/src/data/records/review-store.ts';
import { openReviewPacket } from '../../shared/bundle/review.ts';
import type { Stage } from '../../shared/domain/pipeline/stages.ts';
import { installedDb } from './helpers.ts';
import { DEFAULT_RUBRIC } from '../../shared/domain/review/rubric.ts';

async function withEntries(stages: [string, string, Stage][]) {
  const { db, actor } = await installedDb();
  const now = '2026-11-20T00:00:00.000Z';
  const entries = await change(db, actor, 'pipeline', ['pipeline'], (ctx) =>
    ctx.put('pipeline', ...stages.map(([employeeId, department, stage]) => ({ employeeId, name: `员工${employeeId}`, department, stage, history: [{ from: null, to: stage, at: now, userId: actor.userId, userName: actor.userName }], runId: 'run', source: 'candidate' as const, profileName: 'p', profileVersion: 1, asOf: '2026-09-30', createdAt: now, updatedAt: now }))),
  );
  return { db, actor, entries };
}

describe('review packets issued by the officer', () => {
  it('refuses a reviewer of a candidate\'s own department until a reason is given, then keeps each packet with its secret', async () => {
    const { db, actor, entries } = await withEntries([['000001', '质量部', 'trialScheduled'], ['000002', '设备维修部', 'trialScheduled']]);
    const input = { roundName: '第一批', entryIds: entries.map((e) => e.id), reviewers: [{ name: '周建国', role: 'business' as const, department: '质量部' }, { name: '吴秀英', role: 'employee' as const, department: null }], overrides: {} };
    await expect(issuePackets(db, actor, input)).rejects.toMatchObject({ failure: { code: 'review.conflict', params: { reviewer: '周建国', candidate: '000001', count: 1 } } });
    const r = await issuePackets(db, actor, { ...input, overrides: { '0|000001': '唯一熟悉该工艺的人' } });
    expect(r.files).toHaveLength(2);
    const opened = await openReviewPacket(r.files[0].bytes);
    expect(opened.ok && opened.value.packet).toMatchObject({ roundName: '第一批', reviewer: { name: '周建国' }, candidates: [{ candidateId: '000001' }, { candidateId: '000002' }] });
    expect(opened.ok && 'secret' in opened.value.packet).toBe(false);
    const [round] = await storedRounds(db);
    expect(round).toMatchObject({ roundName: '第一批', reviewers: ['周建国', '吴秀英'], candidates: 2 });
    const stored = await roundPackets(db, r.roundId);
    expect(stored[0].packet.overrides).toEqual({ '000001': '唯一熟悉该工艺的人' });
    expect(opened.ok && Buffer.from(stored[0].secret).toString('base64')).toBe(opened.ok && opened.value.manifest.extra?.secret);
    expect((await db.audit.where('action').equals('review.conflictOverridden').toArray())[0].params).toMatchObject({ reason: '唯一熟悉该工艺的人' });
  });
});

describe('the rubric of a round', () => {
  it('freezes once the first packets are out: more packets for the round must use the same rubric', async () => {
    const { db, actor, entries } = await withEntries([['000001', '质量部', 'trialScheduled']]);
    const input = { roundName: '第一批', entryIds: entries.map((e) => e.id), reviewers: [{ name: '吴秀英', role: 'employee' as const, department: null }], overrides: {} };
    const first = await issuePackets(db, actor, input);
    const later = { ...input, roundId: first.roundId, reviewers: [{ name: '郑明', role: 'training' as const, department: null }] };
    const changed = { ...DEFAULT_RUBRIC, version: 2, scale: { min: 1, max: 5 } };
    await expect(issuePackets(db, actor, { ...later, rubric: changed })).rejects.toMatchObject({ failure: { code: 'review.rubricFrozen', params: { round: '第一批', rubric: '试讲评审（默认） v1' } } });
    expect(await db.reviewPackets.count()).toBe(1);
    // The same rubric is fine: a reviewer added late scores like the others.
    expect((await issuePackets(db, actor, later)).files).toHaveLength(1);
    expect(await db.reviewPackets.count()).toBe(2);
  });
});

describe('the round\'s decision', () => {
  it('certifies the chosen as trainers, marks the other reviewed people not selected, and leaves the rest alone', async () => {
    const { db, actor } = await withEntries([['000001', '质量部', 'trialScheduled'], ['000002', '质量部', 'reviewed'], ['000003', '销售部', 'invited']]);
    const r = await decideRound(db, actor, { roundId: 'r1', roundName: '第一批', reviewed: ['000001', '000002', '000003'] }, [{ employeeId: '000001', grade: 'intermediate', domain: '质量管理', score: 8.2 }], '按名额');
    expect(r).toEqual({ certified: ['000001'], notSelected: ['000002'], skipped: ['000003'] });
    const entries = await db.pipeline.toArray();
    const stage = (id: string) => entries.find((e) => e.employeeId === id)!;
    expect(stage('000001').stage).toBe('selected');
    expect(stage('000001').history.map((m) => m.to)).toEqual(['trialScheduled', 'reviewed', 'selected']);
    expect(stage('000002').stage).toBe('rejected');
    expect(stage('000002').history.at(-1)?.note).toBe('按名额');
    expect(stage('000003').stage).toBe('invited');
    expect(await db.trainers.toArray()).toEqual([expect.objectContaining({ employeeId: '000001', grade: 'intermediate', domain: '质量管理', roundName: '第一批', score: 8.2 })]);
  });
});

describe('a stored round\'s score files', () => {
  it('are kept with the round: the latest export per reviewer counts, an older one imported later changes nothing', async () => {
    const { db, actor, entries } = await withEntries([['000001', '质量部', 'trialScheduled']]);
    const { useDatabase } = await import('../../renderer/src/data/db/db.ts');
    useDatabase(db);
    const { tallyStoredRound } = await import('../../renderer/src/data/app.ts');
    const { writeScoreFile } = await import('../../shared/bundle/review.ts');
    const r = await issuePackets(db, actor, { roundName: '第一批', entryIds: entries.map((e) => e.id), reviewers: [{ name: '吴秀英', role: 'employee', department: null }], overrides: {} });
    const opened = await openReviewPacket(r.files[0].bytes);
    if (!opened.ok) throw new Error(opened.failure.code);
    const p = opened.value;
    const sheet = (relevance: number, at: number) => ({ id: `${p.packet.packetId}-000001`, partition: `review:${p.packet.packetId}:R01`, origin: `${p.packet.packetId}:R01`, seq: 1, hlc: `${at.toString(36).padStart(11, '0')}-00000-${p.packet.packetId}:R01`, deleted: false, packetId: p.packet.packetId, reviewerId: 'R01', candidateId: '000001', rubricId: 'default', rubricVersion: 1, scores: { relevance, delivery: 5, authenticity: 5 }, comment: '', paper: false, savedAt: new Date(at).toISOString() });
    const older = await writeScoreFile(p, [sheet(4, Date.parse('2026-12-01T10:00:00Z'))]);
    const newer = await writeScoreFile(p, [sheet(9, Date.parse('2026-12-01T11:00:00Z'))]);
    expect((await tallyStoredRound(actor, r.roundId, [{ name: 'newer', bytes: newer.bytes }])).candidates[0].reviewerTotals).toEqual({ R01: 6.6 });
    expect((await tallyStoredRound(actor, r.roundId, [{ name: 'older', bytes: older.bytes }])).candidates[0].reviewerTotals).toEqual({ R01: 6.6 });
    // Nothing picked again: what came back is kept with the round.
    expect((await tallyStoredRound(actor, r.roundId, [])).candidates[0].reviewerTotals).toEqual({ R01: 6.6 });
    expect(await db.scoreSheets.count()).toBe(1);
  });

  it('shows a department head their own department\'s candidates only, and refuses their score files', async () => {
    const { db, actor, entries } = await withEntries([['000001', '质量部', 'trialScheduled'], ['000002', '设备维修部', 'trialScheduled']]);
    const { useDatabase } = await import('../../renderer/src/data/db/db.ts');
    useDatabase(db);
    const { tallyStoredRound } = await import('../../renderer/src/data/app.ts');
    const { writeScoreFile } = await import('../../shared/bundle/review.ts');
    const { createUser } = await import('../../renderer/src/data/records/users-store.ts');
    const r = await issuePackets(db, actor, { roundName: '第一批', entryIds: entries.map((e) => e.id), reviewers: [{ name: '吴秀英', role: 'employee', department: null }], overrides: {} });
    const opened = await openReviewPacket(r.files[0].bytes);
    if (!opened.ok) throw new Error(opened.failure.code);
    const p = opened.value;
    const at = Date.parse('2026-12-01T10:00:00Z');
    const sheet = (candidateId: string) => ({ id: `${p.packet.packetId}-${candidateId}`, partition: `review:${p.packet.packetId}:R01`, origin: `${p.packet.packetId}:R01`, seq: 1, hlc: `${at.toString(36).padStart(11, '0')}-00000-${p.packet.packetId}:R01`, deleted: false, packetId: p.packet.packetId, reviewerId: 'R01', candidateId, rubricId: 'default', rubricVersion: 1, scores: { relevance: 8, delivery: 7, authenticity: 9 }, comment: '', paper: false, savedAt: new Date(at).toISOString() });
    const file = await writeScoreFile(p, [sheet('000001'), sheet('000002')]);
    expect((await tallyStoredRound(actor, r.roundId, [{ name: 'scores', bytes: file.bytes }])).candidates.map((c) => c.candidateId).sort()).toEqual(['000001', '000002']);
    const head = await createUser(db, actor, { userName: 'qa.head', displayName: '质量部长', role: 'deptHead', department: '质量部', password: 'a long password 1' }, 1000);
    const asHead = { userId: head.id, userName: head.userName };
    expect((await tallyStoredRound(asHead, r.roundId, [])).candidates.map((c) => [c.candidateId, c.department])).toEqual([['000001', '质量部']]);
    await expect(tallyStoredRound(asHead, r.roundId, [{ name: 'scores', bytes: file.bytes }])).rejects.toMatchObject({ failure: { code: 'access.denied' } });
  });
});
