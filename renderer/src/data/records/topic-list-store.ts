// The topic list (微课主题清单): the themes micro-courses should cover. An officer types an
// entry in or takes one the training-needs survey proposes (with how many asked for it).
// Head office's entries come down in its bundles and are read-only at a plant.

import { FailureError, failure } from '../../../../shared/domain/failure.ts';
import { ownPartition, sentDownByHq } from '../../../../shared/records/store.ts';
import { change } from './change.ts';
import { getInstallation } from './installation.ts';
import type { XinhuoDb } from '../db/db.ts';
import type { Actor, TopicThemeRecord } from '../db/types.ts';

export type TopicEntry = TopicThemeRecord & {
  /** At a plant: sent down by head office, read-only here. */
  fromHq: boolean;
  /** This installation wrote it, so it may remove it. */
  own: boolean;
};

export interface TopicInput {
  theme: string;
  painPoint: string;
  department: string | null;
  skill: string | null;
  asked?: number | null;
  source?: 'typed' | 'needs';
}

/** Two themes are the same entry when they differ only in case or surrounding spaces. */
export const themeKey = (theme: string) => theme.trim().toLowerCase();

/** Every entry, the most asked-for first; head office's marked. */
export async function topicList(db: XinhuoDb): Promise<TopicEntry[]> {
  const installation = await getInstallation(db);
  const own = installation ? ownPartition(installation) : null;
  return (await db.topicThemes.toArray())
    .filter((r) => !r.deleted)
    .map((r) => ({ ...r, fromHq: sentDownByHq(installation, r.partition), own: r.partition === own }))
    .sort((a, b) => (b.asked ?? 0) - (a.asked ?? 0) || a.theme.localeCompare(b.theme, 'zh-CN'));
}

/** Adds an entry; a theme already on the list (whoever wrote it) is refused. */
export async function addTopicTheme(db: XinhuoDb, actor: Actor, input: TopicInput): Promise<TopicThemeRecord> {
  const theme = input.theme.trim();
  if (!theme) throw new FailureError(failure('topics.noTheme'));
  return change(db, actor, 'pipeline.move', ['topicTheme'], async (ctx) => {
    if ((await ctx.all('topicTheme')).some((r) => !r.deleted && themeKey(r.theme) === themeKey(theme))) throw new FailureError(failure('topics.duplicate', { theme }));
    const [saved] = await ctx.put('topicTheme', {
      theme,
      painPoint: input.painPoint.trim(),
      department: input.department?.trim() || null,
      skill: input.skill?.trim() || null,
      asked: input.asked ?? null,
      source: input.source ?? 'typed',
      createdAt: new Date().toISOString(),
      createdBy: actor.userName,
    });
    ctx.audit('topics.added', 'topicTheme', saved.id, { theme, source: saved.source });
    return saved;
  });
}

/** Removes one of this installation's entries (a tombstone, so that head office or the plants learn of it). */
export async function removeTopicTheme(db: XinhuoDb, actor: Actor, id: string): Promise<void> {
  await change(db, actor, 'pipeline.move', ['topicTheme'], async (ctx) => {
    const existing = await ctx.get('topicTheme', id);
    if (!existing || existing.deleted) return;
    await ctx.remove('topicTheme', id);
    ctx.audit('topics.removed', 'topicTheme', id, { theme: existing.theme });
  });
}
