// Rubric templates: saved and versioned here, head office's read-only at a plant, refused
// with a code when unusable, deleted as tombstones.
import { describe, expect, it } from 'vitest';
import { DEFAULT_RUBRIC, type Rubric } from '../../shared/domain/review/rubric.ts';
import { deleteRubricTemplate, rubricTemplates, saveRubricTemplate } from '../../renderer/src/data/records/rubric-store.ts';
import { failureText } from '../../shared/domain/messages.ts';
import type { FailureError } from '../../shared/domain/failure.ts';
import { installedDb, shownAudit } from './helpers.ts';

const fiveScale = (r: Rubric): Rubric => ({ ...r, scale: { min: 1, max: 5 } });

describe('rubric templates', () => {
  it('an edit of the built-in template becomes a template of this plant, versioned by its edits', async () => {
    const { db, actor } = await installedDb();
    expect((await rubricTemplates(db)).map((c) => [c.rubric.name, c.builtIn])).toEqual([[DEFAULT_RUBRIC.name, true]]);
    // Saving the built-in template unchanged stores nothing.
    expect(await saveRubricTemplate(db, actor, DEFAULT_RUBRIC)).toEqual(DEFAULT_RUBRIC);
    expect(await db.rubricTemplates.count()).toBe(0);
    const mine = await saveRubricTemplate(db, actor, { ...fiveScale(DEFAULT_RUBRIC), name: '  本厂试讲评审 ' });
    expect(mine).toMatchObject({ name: '本厂试讲评审', version: 1, scale: { min: 1, max: 5 } });
    expect(mine.id).not.toBe(DEFAULT_RUBRIC.id);
    expect(await saveRubricTemplate(db, actor, mine)).toEqual(mine);
    const v2 = await saveRubricTemplate(db, actor, { ...mine, criteria: mine.criteria.map((c) => ({ ...c, weight: c.id === 'relevance' ? 50 : 25 })) });
    expect(v2).toMatchObject({ id: mine.id, version: 2 });
    expect((await rubricTemplates(db)).map((c) => [c.rubric.name, c.rubric.version, c.fromHq])).toEqual([[DEFAULT_RUBRIC.name, 1, false], ['本厂试讲评审', 2, false]]);
    expect(shownAudit((await db.audit.where('action').equals('review.rubricSaved').toArray()).at(-1))).toBe('本厂试讲评审（第2版）');
    await deleteRubricTemplate(db, actor, mine.id);
    expect((await db.rubricTemplates.get(mine.id))?.deleted).toBe(true);
    expect(await rubricTemplates(db)).toHaveLength(1);
    db.close();
  });

  it('head office\'s template is marked and read-only at a plant: an edit is saved as the plant\'s own', async () => {
    const { db, actor } = await installedDb();
    const theirs: Rubric = { ...fiveScale(DEFAULT_RUBRIC), id: 'hq-trial', version: 3, name: '集团试讲评审' };
    await db.rubricTemplates.put({ id: theirs.id, partition: 'hq', origin: 'hq-origin', seq: 4, hlc: '0', deleted: false, rubric: theirs, updatedAt: '2026-12-01T00:00:00.000Z', updatedBy: 'admin' });
    expect((await rubricTemplates(db)).find((c) => c.rubric.id === 'hq-trial')).toMatchObject({ fromHq: true, builtIn: false });
    // Unchanged: nothing is written.
    expect(await saveRubricTemplate(db, actor, theirs)).toEqual(theirs);
    const copy = await saveRubricTemplate(db, actor, { ...theirs, name: '集团试讲评审（本厂）' });
    expect(copy.id).not.toBe('hq-trial');
    expect(copy.version).toBe(1);
    expect((await db.rubricTemplates.get('hq-trial'))?.rubric).toEqual(theirs);
    db.close();
  });

  it('refuses a rubric that cannot be scored, with a sentence in each language', async () => {
    const { db, actor } = await installedDb();
    const cases: [Rubric, string][] = [
      [{ ...DEFAULT_RUBRIC, name: ' ' }, '评分标准需要一个名称'],
      [{ ...DEFAULT_RUBRIC, criteria: DEFAULT_RUBRIC.criteria.map((c, i) => (i ? c : { ...c, weight: 0 })) }, '每项评分维度的权重须大于 0'],
      [{ ...DEFAULT_RUBRIC, criteria: DEFAULT_RUBRIC.criteria.map((c) => ({ ...c, name: '表达能力' })) }, '两项评分维度同名：请改名后再保存'],
      [{ ...DEFAULT_RUBRIC, criteria: [] }, '评分标准需要 1 到 20 项评分维度'],
    ];
    for (const [rubric, zh] of cases) {
      const e = (await saveRubricTemplate(db, actor, rubric).catch((x: unknown) => x)) as FailureError;
      expect(failureText(e.failure, 'zh')).toBe(zh);
      expect(failureText(e.failure, 'en')).toMatch(/^[^\u4e00-\u9fff]+$/);
    }
    expect(await db.rubricTemplates.count()).toBe(0);
    db.close();
  });
});
