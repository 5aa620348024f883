// The screening screen's commands, each on its own: what it needs, what it does, what the
// officer is told.
import { describe, expect, it, vi } from 'vitest';
import { SEED_PROFILE, type Profile } from '../../shared/domain/screening/profile.ts';
import { exportAction, handOffAction, saveProfileAction, saveRunAction, type ScreeningActionContext, type ScreeningDeps } from '../../renderer/src/features/screening/actions.ts';
import { catalogue, screeningReport } from './helpers.ts';

const actor = { userId: 'u1', userName: 'wang' };
const fullReport = screeningReport([{ employeeId: '000101', name: '张伟', department: '质量部', plant: null, criteria: [], failed: [] } as never], []);

function context(over: Partial<ScreeningActionContext> = {}, deps: Partial<ScreeningDeps> = {}): ScreeningActionContext {
  return {
    actor,
    evaluated: { profile: SEED_PROFILE, asOf: '2026-09-30' },
    profile: SEED_PROFILE,
    batches: ['b1', 'b2'],
    fullReport: vi.fn(async () => fullReport),
    exportWorkbook: vi.fn(async () => new Uint8Array([1, 2, 3])),
    t: catalogue('zh-CN'),
    deps: {
      saveRun: vi.fn(async (_a, profile: Profile) => ({ candidates: [{}], profileVersion: 2, profileName: profile.name }) as never),
      saveProfile: vi.fn(async (_a, p: Profile) => ({ ...p, version: 3 })),
      handOffRun: vi.fn(async () => ({ added: 5, alreadyInPipeline: 2 })),
      saveFile: vi.fn(async () => true),
      recordAudit: vi.fn(async () => undefined),
      ...deps,
    },
    ...over,
  };
}

describe('screening actions', () => {
  it('saves a run with the whole result lists and the data snapshot, then continues with the saved version', async () => {
    const ctx = context();
    const outcome = await saveRunAction.perform(ctx);
    expect(ctx.fullReport).toHaveBeenCalled();
    expect(ctx.deps.saveRun).toHaveBeenCalledWith(actor, SEED_PROFILE, fullReport, ['b1', 'b2']);
    expect(outcome).toEqual({ notice: '已保存筛选结果：候选人 1 人。', profile: { ...SEED_PROFILE, version: 2 } });
  });

  it('cannot save a run before anything is evaluated, nor without an account', () => {
    expect(saveRunAction.enabled(context({ evaluated: null }))).toBe(false);
    expect(saveRunAction.enabled(context({ actor: null }))).toBe(false);
    expect(saveRunAction.enabled(context())).toBe(true);
  });

  it('saves a profile as a new version and says which', async () => {
    const outcome = await saveProfileAction.perform(context({ profile: { ...SEED_PROFILE, name: '设备维护讲师' } }));
    expect(outcome.profile).toMatchObject({ name: '设备维护讲师', version: 3 });
    expect(outcome.notice).toContain('设备维护讲师');
    expect(saveProfileAction.enabled(context({ profile: { ...SEED_PROFILE, name: '  ' } }))).toBe(false);
  });

  it('exports the evaluated result to a named workbook and records the export', async () => {
    const ctx = context();
    await exportAction.perform(ctx);
    expect(ctx.deps.saveFile).toHaveBeenCalledWith('培训师筛选-内训师画像（示例）-2026-09-30.xlsx', new Uint8Array([1, 2, 3]));
    expect(ctx.deps.recordAudit).toHaveBeenCalledWith(actor, 'screening.export', 'profile', 'seed', { name: SEED_PROFILE.name, version: 1, asOf: '2026-09-30' });
  });

  it('records nothing when the officer cancels the save dialog', async () => {
    const ctx = context({}, { saveFile: vi.fn(async () => false) });
    await exportAction.perform(ctx);
    expect(ctx.deps.recordAudit).not.toHaveBeenCalled();
  });

  it('hands a run over to a new round with the ticked near-misses and says how many came in', async () => {
    const ctx = context();
    const run = { id: 'run1' } as never;
    const round = { create: { name: '2026年第一批', startsOn: '2026-12-01', endsOn: null, quota: 15 } };
    const outcome = await handOffAction.perform(ctx, { run, nearMissIds: ['000202'], round });
    expect(ctx.deps.handOffRun).toHaveBeenCalledWith(actor, 'run1', ['000202'], round);
    expect(outcome.notice).toMatch(/5/);
    expect(outcome.notice).toMatch(/2/);
  });
});
