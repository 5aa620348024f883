import { describe, expect, it } from 'vitest';
import { SEED_PROFILE } from '../../shared/domain/screening/profile.ts';
import { latestProfiles, saveProfile, saveRun } from '../../renderer/src/data/records/screening-store.ts';
import { installedDb, screeningReport, shownAudit } from './helpers.ts';

const report = screeningReport(
  [{ e: 0, employeeId: '000001', name: '张伟', department: '质量部', position: '检验员', criteria: [{ id: 'coaching', passed: true, value: 4.8, threshold: 4.5 }] }],
  [{ e: 1, employeeId: '000002', name: '李娜', department: '质量部', position: '检验员', criteria: [], failed: ['coaching'] }],
);

describe('saved profiles and runs', () => {
  it('versions a profile on every change and not when nothing changed', async () => {
    const { db, actor } = await installedDb();
    const mine = { ...SEED_PROFILE, id: 'maint', name: '设备维护讲师' };
    expect((await saveProfile(db, actor, mine)).version).toBe(1);
    expect((await saveProfile(db, actor, mine)).version).toBe(1);
    const stricter = { ...mine, criteria: mine.criteria.map((c) => (c.id === 'coaching' ? { ...c, value: 4.7 } : c)) };
    expect((await saveProfile(db, actor, stricter)).version).toBe(2);
    expect(await db.profiles.where('profileId').equals('maint').count()).toBe(2);
    expect((await latestProfiles(db)).find((p) => p.id === 'maint')).toMatchObject({ version: 2 });
    // Editing the built-in seed saves version 2: version 1 is the built-in one.
    const seedEdit = { ...SEED_PROFILE, criteria: SEED_PROFILE.criteria.slice(0, 2) };
    expect((await saveProfile(db, actor, seedEdit)).version).toBe(2);
  });

  it('records the profile version, as-of date, data snapshot and results of a run, with an audit entry', async () => {
    const { db, actor } = await installedDb();
    const run = await saveRun(db, actor, SEED_PROFILE, report, ['batch-b', 'batch-a']);
    expect(await db.profiles.count()).toBe(0); // the unchanged built-in seed is not stored again
    expect(run).toMatchObject({ profileId: 'seed', profileVersion: 1, asOf: '2026-09-30', batches: ['batch-a', 'batch-b'], population: 10, excludedCount: 0 });
    expect(run.candidates[0]).toEqual({ employeeId: '000001', name: '张伟', department: '质量部', criteria: [{ id: 'coaching', passed: true, value: 4.8 }] });
    expect(run.nearMisses[0].failed).toEqual(['coaching']);
    expect(shownAudit(await db.audit.where('action').equals('screening.run').first())).toContain('候选人 1 人');
  });

  it('refuses to save a run from a first page of the results', async () => {
    const { db, actor } = await installedDb();
    await expect(saveRun(db, actor, SEED_PROFILE, { ...report, candidateCount: 300 }, [])).rejects.toThrow(/full result lists/);
    expect(await db.screeningRuns.count()).toBe(0);
  });
});
