// The screening screen's commands as small declarative actions (in the manner of Excalidraw's
// actions/): each says when it is available and what it does, and returns what the screen
// should show. The data layer and the platform come in as dependencies, so that each action
// is tested on its own (tests/renderer/screening-actions.test.ts).

import type { TFunction } from 'i18next';
import type { Profile } from '../../../../shared/domain/screening/profile.ts';
import type { ScreeningReport } from '../../../../shared/domain/screening/report.ts';
import type { Actor, HandOffResult, RoundChoice, ScreeningRunRecord } from '../../data/index.ts';

export interface ScreeningDeps {
  saveRun(actor: Actor, profile: Profile, report: ScreeningReport, batches: string[]): Promise<ScreeningRunRecord>;
  saveProfile(actor: Actor, profile: Profile): Promise<Profile>;
  handOffRun(actor: Actor, runId: string, nearMissIds: readonly string[], round: RoundChoice): Promise<HandOffResult>;
  saveFile(name: string, bytes: Uint8Array): Promise<boolean>;
  recordAudit(actor: Actor, action: string, entity: string, entityId: string | null, params: Record<string, string | number | null>): Promise<void>;
}

export interface ScreeningActionContext {
  actor: Actor | null;
  /** What the newest evaluation was made with, if any. */
  evaluated: { profile: Profile; asOf: string } | null;
  /** The profile being edited. */
  profile: Profile;
  /** The import batches the evaluation saw: a saved run's data snapshot. */
  batches: string[];
  fullReport(): Promise<ScreeningReport>;
  exportWorkbook(): Promise<Uint8Array>;
  deps: ScreeningDeps;
  t: TFunction;
}

/** What the screen shows after an action: a notice, and the profile to continue with. */
export interface ActionOutcome {
  notice?: string;
  profile?: Profile;
}

export interface ScreeningAction<A = void> {
  id: string;
  /** The button's message key. */
  label: string;
  enabled(ctx: ScreeningActionContext): boolean;
  perform(ctx: ScreeningActionContext, arg: A): Promise<ActionOutcome>;
}

export const saveRunAction: ScreeningAction = {
  id: 'saveRun',
  label: 'screening.saveRun',
  enabled: (ctx) => ctx.actor !== null && ctx.evaluated !== null,
  async perform(ctx) {
    if (!ctx.actor || !ctx.evaluated) return {};
    // The run keeps every candidate and near-miss, not only the rows on screen.
    const run = await ctx.deps.saveRun(ctx.actor, ctx.evaluated.profile, await ctx.fullReport(), ctx.batches);
    return { notice: ctx.t('screening.savedRun', { count: run.candidates.length }), profile: { ...ctx.evaluated.profile, version: run.profileVersion } };
  },
};

export const saveProfileAction: ScreeningAction = {
  id: 'saveProfile',
  label: 'screening.saveProfile',
  enabled: (ctx) => ctx.actor !== null && ctx.profile.name.trim() !== '',
  async perform(ctx) {
    if (!ctx.actor) return {};
    const saved = await ctx.deps.saveProfile(ctx.actor, ctx.profile);
    return { notice: ctx.t('screening.savedProfile', { name: saved.name, version: saved.version }), profile: saved };
  },
};

export const exportAction: ScreeningAction = {
  id: 'export',
  label: 'screening.export',
  enabled: (ctx) => ctx.evaluated !== null,
  async perform(ctx) {
    if (!ctx.evaluated) return {};
    const { profile, asOf } = ctx.evaluated;
    const saved = await ctx.deps.saveFile(`培训师筛选-${profile.name}-${asOf}.xlsx`, await ctx.exportWorkbook());
    // Personal data leaving the application is recorded.
    if (saved && ctx.actor) await ctx.deps.recordAudit(ctx.actor, 'screening.export', 'profile', profile.id, { name: profile.name, version: profile.version, asOf });
    return {};
  },
};

export const handOffAction: ScreeningAction<{ run: ScreeningRunRecord; nearMissIds: string[]; round: RoundChoice }> = {
  id: 'handOff',
  label: 'pipeline.handOff',
  enabled: (ctx) => ctx.actor !== null,
  async perform(ctx, { run, nearMissIds, round }) {
    if (!ctx.actor) return {};
    const r = await ctx.deps.handOffRun(ctx.actor, run.id, nearMissIds, round);
    return { notice: ctx.t('pipeline.handedOff', { added: r.added }) + (r.alreadyInPipeline ? ctx.t('pipeline.handedOffAlready', { count: r.alreadyInPipeline }) : '') };
  },
};
