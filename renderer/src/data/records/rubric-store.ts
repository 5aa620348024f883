// Rubric templates (评审量表模板): the criteria, weights and scale a round's rubric starts from.
// The built-in template is the domain article's (选题相关性 40%, 表达能力 30%, 案例真实性 30%,
// 1–10). Head office's templates come down in its bundles and are read-only at a plant: a
// plant's edit of one is saved as the plant's own template, as with profiles.

import { FailureError, failure } from '../../../../shared/domain/failure.ts';
import { DEFAULT_RUBRIC, rubricProblem, rubricSchema, type Rubric } from '../../../../shared/domain/review/rubric.ts';
import { canonicalJson } from '../../../../shared/bundle/encoding.ts';
import { sentDownByHq } from '../../../../shared/records/store.ts';
import { change } from './change.ts';
import { getInstallation } from './installation.ts';
import type { XinhuoDb } from '../db/db.ts';
import type { Actor } from '../db/types.ts';

export interface RubricChoice {
  rubric: Rubric;
  /** At a plant: sent down by head office, read-only here. */
  fromHq: boolean;
  builtIn: boolean;
}

const sameRubric = (a: Rubric, b: Rubric) => canonicalJson({ ...a, version: 0 }) === canonicalJson({ ...b, version: 0 });

/** The built-in template, then head office's, then this installation's own, by name. */
export async function rubricTemplates(db: XinhuoDb): Promise<RubricChoice[]> {
  const installation = await getInstallation(db);
  const stored = (await db.rubricTemplates.toArray()).filter((r) => !r.deleted);
  const own = stored.map((r) => ({ rubric: r.rubric, fromHq: sentDownByHq(installation, r.partition), builtIn: false })).sort((a, b) => Number(b.fromHq) - Number(a.fromHq) || a.rubric.name.localeCompare(b.rubric.name, 'zh-CN'));
  return [{ rubric: DEFAULT_RUBRIC, fromHq: false, builtIn: true }, ...own];
}

/**
 * Saves a template: a new one, or a new version of this installation's own. The built-in
 * template and head office's are never changed here: an edit of either is saved as a template
 * of this installation's own. Returns the template as stored.
 */
export async function saveRubricTemplate(db: XinhuoDb, actor: Actor, input: Rubric): Promise<Rubric> {
  const problem = rubricProblem(input);
  if (problem) throw new FailureError(failure(`review.rubricInvalid.${problem}`, { name: input.name }));
  const rubric = rubricSchema.parse({ ...input, name: input.name.trim(), criteria: input.criteria.map((c) => ({ ...c, name: c.name.trim() })) });
  return change(db, actor, 'pipeline.move', ['rubricTemplate'], async (ctx) => {
    const builtIn = rubric.id === DEFAULT_RUBRIC.id;
    if (builtIn && sameRubric(rubric, DEFAULT_RUBRIC)) return DEFAULT_RUBRIC;
    const found = builtIn ? undefined : await ctx.get('rubricTemplate', rubric.id);
    const existing = found && !found.deleted ? found : undefined;
    if (existing && sameRubric(existing.rubric, rubric)) return existing.rubric;
    // The built-in template, or one this installation does not own: saved under an id of its own.
    const mine = existing?.partition === ctx.partition ? existing : undefined;
    const id = builtIn || (existing && !mine) ? `${builtIn ? 'rubric' : rubric.id}.${ctx.installation.plant?.code ?? 'hq'}.${Date.now().toString(36)}` : rubric.id;
    const saved: Rubric = { ...rubric, id, version: mine ? mine.rubric.version + 1 : 1 };
    await ctx.put('rubricTemplate', { id, rubric: saved, updatedAt: new Date().toISOString(), updatedBy: actor.userName });
    ctx.audit('review.rubricSaved', 'rubricTemplate', id, { name: saved.name, version: saved.version });
    return saved;
  });
}

/** Deletes one of this installation's own templates (a tombstone, so that it is deleted at head office too). */
export async function deleteRubricTemplate(db: XinhuoDb, actor: Actor, id: string): Promise<void> {
  await change(db, actor, 'pipeline.move', ['rubricTemplate'], async (ctx) => {
    const existing = await ctx.get('rubricTemplate', id);
    if (!existing || existing.deleted) return;
    await ctx.remove('rubricTemplate', id);
    ctx.audit('review.rubricDeleted', 'rubricTemplate', id, { name: existing.rubric.name });
  });
}
