// The import feature's commands as small declarative actions: committing a planned import and
// undoing a batch. Each says when it is available and what the officer is told, including
// when the write path refuses it (tests/renderer/import-actions.test.ts).

import type { TFunction } from 'i18next';
import { can, type Actor, type FactBatchRecord } from '../../data/index.ts';
import { sharedFailureText, type Language } from '../../i18n/index.ts';

export interface ImportActionContext {
  user: { id: string; userName: string; role: string; department: string | null } | null;
  language: Language;
  t: TFunction;
  deps: {
    /** Commits the planned import in the wizard's worker. */
    commit(): Promise<void>;
    undoImport(actor: Actor, batchId: string): Promise<void>;
  };
}

/** What the screen shows afterwards: a notice, if any. */
export interface ImportOutcome {
  notice?: string;
}

const actorOf = (ctx: ImportActionContext): Actor | null => (ctx.user ? { userId: ctx.user.id, userName: ctx.user.userName } : null);

/** A refusal of the write path (access.denied …) becomes the notice; anything else is a bug and throws. */
function refusal(ctx: ImportActionContext, e: unknown): ImportOutcome {
  const text = sharedFailureText(e, ctx.language);
  if (text === null) throw e;
  return { notice: text };
}

export const commitImportAction = {
  id: 'commit',
  label: 'importer.commit',
  /** Only once the plan shown is the plan of the chosen mode. */
  enabled: (ctx: ImportActionContext, planned: { mode: string } | null, mode: string) => ctx.user !== null && planned !== null && planned.mode === mode && can(ctx.user, 'import'),
  async perform(ctx: ImportActionContext): Promise<ImportOutcome> {
    try {
      await ctx.deps.commit();
      return {};
    } catch (e) {
      return refusal(ctx, e);
    }
  },
};

export const undoImportAction = {
  id: 'undo',
  label: 'history.undo',
  /** Analysts see the history; only those who may import may undo. */
  enabled: (ctx: ImportActionContext) => can(ctx.user, 'import'),
  async perform(ctx: ImportActionContext, batch: Pick<FactBatchRecord, 'id'>): Promise<ImportOutcome> {
    const actor = actorOf(ctx);
    if (!actor) return {};
    try {
      await ctx.deps.undoImport(actor, batch.id);
      return { notice: ctx.t('history.undone') };
    } catch (e) {
      return refusal(ctx, e);
    }
  },
};
