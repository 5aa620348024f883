import { describe, expect, it } from 'vitest';
import { SEED_PROFILE } from '../../shared/domain/screening/profile.ts';
import { addToRound, handOffRun, moveEntry, upgradeToRounds } from '../../renderer/src/data/records/pipeline-store.ts';
import { saveRun } from '../../renderer/src/data/records/screening-store.ts';
import { catalogue, installedDb, screeningReport, shownAudit } from './helpers.ts';
import { moveNote, sourceText } from '../../renderer/src/features/pipeline/format.ts';
import type { FailureError } from '../../shared/domain/failure.ts';
import { failureText } from '../../shared/domain/messages.ts';

const row = (employeeId: string, name: string) => ({ e: 0, employeeId, name, department: '质量部', position: '检验员', criteria: [] });
const report = (candidates: string[], nearMisses: string[]) => screeningReport(candidates.map((id) => row(id, `人${id}`)), nearMisses.map((id) => ({ ...row(id, `人${id}`), failed: ['coaching'] })));

describe('handing a run to the selection pipeline', () => {
  it('adds every candidate and the picked near-misses at 数据初选, once, with the run marked and audited', async () => {
    const { db, actor } = await installedDb();
    const run = await saveRun(db, actor, SEED_PROFILE, report(['000001', '000002'], ['000003', '000004']), []);
    expect(await handOffRun(db, actor, run.id, ['000004'])).toMatchObject({ added: 3, alreadyInPipeline: 0 });
    const entries = (await db.pipeline.toArray()).sort((a, b) => a.employeeId.localeCompare(b.employeeId));
    expect(entries.map((x) => [x.employeeId, x.stage, x.source])).toEqual([
      ['000001', 'shortlisted', 'candidate'],
      ['000002', 'shortlisted', 'candidate'],
      ['000004', 'shortlisted', 'nearMiss'],
    ]);
    expect(entries[0]).toMatchObject({ runId: run.id, profileName: SEED_PROFILE.name, profileVersion: 1, asOf: '2026-09-30' });
    expect(entries[0].history).toEqual([expect.objectContaining({ from: null, to: 'shortlisted', userName: 'admin' })]);
    expect((await db.screeningRuns.get(run.id))!.handedOff).toMatchObject({ added: 3, alreadyInPipeline: 0, userName: 'admin' });
    expect(shownAudit(await db.audit.where('action').equals('pipeline.handoff').first())).toContain('新增 3 人');

    // A later run with the same people does not add them twice while they are in the pipeline.
    const later = await saveRun(db, actor, SEED_PROFILE, report(['000001', '000005'], []), []);
    expect(await handOffRun(db, actor, later.id)).toMatchObject({ added: 1, alreadyInPipeline: 1 });
    expect(await db.pipeline.count()).toBe(4);
  });

  it('says where an entry came from in the reader\'s language, for entries handed off before too', async () => {
    const { db, actor } = await installedDb();
    const run = await saveRun(db, actor, SEED_PROFILE, report(['000001'], []), []);
    await handOffRun(db, actor, run.id);
    const entry = (await db.pipeline.toArray())[0];
    // The move that brought the person in carries no prose: the entry's fields say it.
    expect(entry.history[0].note).toBeUndefined();
    const en = catalogue('en');
    expect(sourceText(entry, en)).toBe('Candidate · Internal trainer profile (example) (v1) · as of 2026-09-30');
    expect(moveNote(entry, entry.history[0], en)).toBe(' (Candidate · Internal trainer profile (example) (v1) · as of 2026-09-30)');
    expect(moveNote(entry, entry.history[0], catalogue('zh-CN'))).toBe('（候选人 · 内训师画像（示例） 第1版 · 截至2026-09-30）');
    // An entry from an earlier version kept its origin as a Chinese note; it reads in English now.
    const legacy = { ...entry.history[0], note: '内训师画像（示例）（第1版），截至 2026-09-30' };
    expect(moveNote(entry, legacy, en)).toBe(' (Candidate · Internal trainer profile (example) (v1) · as of 2026-09-30)');
    // A later move's note is what the officer typed.
    expect(moveNote(entry, { ...legacy, from: 'shortlisted', to: 'withdrawn', note: '本人放弃' }, en)).toBe(' (本人放弃)');
    expect(sourceText({ ...entry, source: 'manual', reason: '车间推荐' }, en)).toBe('Added by hand: 车间推荐');
  });

  it('changes nothing when the hand-off is refused', async () => {
    const { db, actor } = await installedDb();
    const run = await saveRun(db, actor, SEED_PROFILE, report(['000001'], ['000003']), []);
    await expect(handOffRun(db, actor, run.id, ['000009'])).rejects.toThrow(/000009/);
    await expect(handOffRun(db, actor, 'no-such-run')).rejects.toThrow(/not found/);
    expect(await db.pipeline.count()).toBe(0);
    expect((await db.screeningRuns.get(run.id))!.handedOff).toBeUndefined();
    expect(await db.audit.where('action').equals('pipeline.handoff').count()).toBe(0);
  });

  it('moves entries as the state machine allows, records who and when, and re-admits people who left', async () => {
    const { db, actor } = await installedDb();
    const run = await saveRun(db, actor, SEED_PROFILE, report(['000001'], []), []);
    await handOffRun(db, actor, run.id);
    const [entry] = await db.pipeline.toArray();
    const invited = await moveEntry(db, actor, entry.id, 'invited');
    expect(invited.stage).toBe('invited');
    expect(invited.seq).toBeGreaterThan(entry.seq);
    const refused = await moveEntry(db, actor, entry.id, 'selected').catch((e: unknown) => e);
    expect(failureText((refused as FailureError).failure)).toBe('不能从“已邀请”直接变为“入选”。');
    expect((await db.pipeline.get(entry.id))!.stage).toBe('invited');
    await moveEntry(db, actor, entry.id, 'withdrawn', '本人放弃');
    expect((await db.pipeline.get(entry.id))!.history.map((m) => m.to)).toEqual(['shortlisted', 'invited', 'withdrawn']);
    expect((await db.audit.where('action').equals('pipeline.move').toArray()).map((a) => shownAudit(a))).toEqual(['人000001（000001）：数据初选 → 已邀请', '人000001（000001）：已邀请 → 退出（本人放弃）']);
    // Withdrawn people may come back with a later run.
    expect(await handOffRun(db, actor, run.id)).toMatchObject({ added: 1, alreadyInPipeline: 0 });
  });
});

describe('selection rounds', () => {
  const newRound = { create: { name: '2026年第一批', startsOn: '2026-12-01', endsOn: '2026-12-31', quota: 15 } };

  it('starts a round from a run: the round is stamped and audited, and every entry is in it', async () => {
    const { db, actor } = await installedDb();
    const run = await saveRun(db, actor, SEED_PROFILE, report(['000001', '000002'], ['000003']), []);
    const r = await handOffRun(db, actor, run.id, ['000003'], newRound);
    const round = (await db.rounds.get(r.roundId))!;
    expect(round).toMatchObject({ name: '2026年第一批', startsOn: '2026-12-01', endsOn: '2026-12-31', quota: 15, runId: run.id, partition: 'plant:P01', createdBy: 'admin' });
    expect((await db.pipeline.toArray()).map((x) => x.roundId)).toEqual([r.roundId, r.roundId, r.roundId]);
    expect(shownAudit(await db.audit.where('action').equals('round.create').first())).toBe('2026年第一批（名额 15）');
    // A later run can join the same round.
    const later = await saveRun(db, actor, SEED_PROFILE, report(['000005'], []), []);
    expect(await handOffRun(db, actor, later.id, [], { roundId: r.roundId })).toMatchObject({ added: 1, roundId: r.roundId });
    expect(await db.rounds.count()).toBe(1);
    expect(await db.pipeline.where('roundId').equals(r.roundId).count()).toBe(4);
  });

  it('adds a person by hand with the reason, and refuses without one or a second time', async () => {
    const { db, actor } = await installedDb();
    const run = await saveRun(db, actor, SEED_PROFILE, report(['000001'], []), []);
    const { roundId } = await handOffRun(db, actor, run.id, [], newRound);
    const person = { employeeId: '000077', name: '赵敏', department: '设备维修部' };
    await expect(addToRound(db, actor, roundId, person, '  ')).rejects.toThrow(/reason/);
    const entry = await addToRound(db, actor, roundId, person, '带教评分只差 0.1，车间主任推荐');
    expect(entry).toMatchObject({ roundId, source: 'manual', reason: '带教评分只差 0.1，车间主任推荐', stage: 'shortlisted' });
    expect(entry.history[0].note).toBe('带教评分只差 0.1，车间主任推荐');
    await expect(addToRound(db, actor, roundId, person, '再加一次')).rejects.toThrow(/already/);
    expect(shownAudit(await db.audit.where('action').equals('round.addByHand').first())).toBe('赵敏（000077）加入 2026年第一批：带教评分只差 0.1，车间主任推荐');
  });

  it('puts entries from before rounds into 第一批 once, through the write path', async () => {
    const { db, actor } = await installedDb();
    const run = await saveRun(db, actor, SEED_PROFILE, report(['000001', '000002'], []), []);
    await handOffRun(db, actor, run.id, [], newRound);
    // As an installation upgraded from schema 7 has them: entries without a round, and no rounds.
    await db.rounds.clear();
    await db.pipeline.toCollection().modify((x) => void delete (x as { roundId?: string }).roundId);
    const before = (await db.pipeline.toArray()).map((x) => x.seq);
    const round = (await upgradeToRounds(db, actor))!;
    expect(round).toMatchObject({ name: '第一批', runId: run.id, startsOn: (await db.pipeline.toArray())[0].createdAt.slice(0, 10) });
    const after = await db.pipeline.toArray();
    expect(after.every((x) => x.roundId === round.id)).toBe(true);
    // Each entry is a new version (stamped), history kept.
    expect(after.map((x) => x.seq).every((s, i) => s > before[i])).toBe(true);
    expect(after[0].history).toHaveLength(1);
    expect(shownAudit(await db.audit.where('action').equals('round.upgrade').first())).toBe('原有 2 条选拔记录归入第一批');
    expect(await upgradeToRounds(db, actor)).toBeNull();
    expect(await db.rounds.count()).toBe(1);
  });
});
