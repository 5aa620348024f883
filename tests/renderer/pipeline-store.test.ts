import { describe, expect, it } from 'vitest';
import { SEED_PROFILE } from '../../shared/domain/screening/profile.ts';
import { handOffRun, moveEntry } from '../../renderer/src/data/records/pipeline-store.ts';
import { saveRun } from '../../renderer/src/data/records/screening-store.ts';
import { installedDb, screeningReport, shownAudit } from './helpers.ts';
import type { FailureError } from '../../shared/domain/failure.ts';
import { failureText } from '../../shared/domain/messages.ts';

const row = (employeeId: string, name: string) => ({ e: 0, employeeId, name, department: '质量部', position: '检验员', criteria: [] });
const report = (candidates: string[], nearMisses: string[]) => screeningReport(candidates.map((id) => row(id, `人${id}`)), nearMisses.map((id) => ({ ...row(id, `人${id}`), failed: ['coaching'] })));

describe('handing a run to the selection pipeline', () => {
  it('adds every candidate and the picked near-misses at 数据初选, once, with the run marked and audited', async () => {
    const { db, actor } = await installedDb();
    const run = await saveRun(db, actor, SEED_PROFILE, report(['000001', '000002'], ['000003', '000004']), []);
    expect(await handOffRun(db, actor, run.id, ['000004'])).toEqual({ added: 3, alreadyInPipeline: 0 });
    const entries = await db.pipeline.orderBy('employeeId').toArray();
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
    expect(await handOffRun(db, actor, later.id)).toEqual({ added: 1, alreadyInPipeline: 1 });
    expect(await db.pipeline.count()).toBe(4);
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
    expect(await handOffRun(db, actor, run.id)).toEqual({ added: 1, alreadyInPipeline: 0 });
  });
});
