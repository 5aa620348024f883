// The import feature's commands on their own: committing a plan and undoing a batch, and what
// the officer is told when the write path refuses.
import { describe, expect, it, vi } from 'vitest';
import { failure, FailureError } from '../../shared/domain/failure.ts';
import { commitImportAction, undoImportAction, type ImportActionContext } from '../../renderer/src/features/import/actions.ts';
import { catalogue } from './helpers.ts';

const officer = { id: 'u1', userName: 'li', role: 'officer', department: null };
const analyst = { id: 'u2', userName: 'wang', role: 'analyst', department: null };

function context(user: ImportActionContext['user'], deps: Partial<ImportActionContext['deps']> = {}): ImportActionContext {
  return { user, language: 'zh-CN', t: catalogue('zh-CN'), deps: { commit: vi.fn(async () => undefined), undoImport: vi.fn(async () => undefined), ...deps } };
}

describe('import actions', () => {
  it('commits only the plan of the chosen mode, and only for accounts that may import', () => {
    expect(commitImportAction.enabled(context(officer), { mode: 'upsert' }, 'upsert')).toBe(true);
    expect(commitImportAction.enabled(context(officer), { mode: 'insert' }, 'upsert')).toBe(false);
    expect(commitImportAction.enabled(context(officer), null, 'upsert')).toBe(false);
    expect(commitImportAction.enabled(context(analyst), { mode: 'upsert' }, 'upsert')).toBe(false);
  });

  it('tells the officer when the write path refuses a commit, in their language', async () => {
    const ctx = context(officer, { commit: vi.fn(async () => Promise.reject(new FailureError(failure('access.denied', { userId: 'u1' })))) });
    expect(await commitImportAction.perform(ctx)).toEqual({ notice: '此账号不能执行该操作，或已被停用' });
    await expect(commitImportAction.perform(context(officer, { commit: vi.fn(async () => Promise.reject(new Error('a bug'))) }))).rejects.toThrow('a bug');
  });

  it('undoes a batch for an officer and says so; an analyst is not offered it', async () => {
    const ctx = context(officer);
    expect(await undoImportAction.perform(ctx, { id: 'b1' })).toEqual({ notice: '已撤销。' });
    expect(ctx.deps.undoImport).toHaveBeenCalledWith({ userId: 'u1', userName: 'li' }, 'b1');
    expect(undoImportAction.enabled(context(analyst))).toBe(false);
  });
});
