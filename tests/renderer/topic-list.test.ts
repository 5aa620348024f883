// The topic list (微课主题清单): entries typed in or taken from the needs survey, one per
// theme, head office's read-only at a plant, removed as tombstones, every change audited.
import { describe, expect, it } from 'vitest';
import { addTopicTheme, removeTopicTheme, topicList } from '../../renderer/src/data/records/topic-list-store.ts';
import { themeChoices } from '../../renderer/src/features/pipeline/topic-list-card.tsx';
import { failureText } from '../../shared/domain/messages.ts';
import type { FailureError } from '../../shared/domain/failure.ts';
import { installedDb, shownAudit } from './helpers.ts';

describe('the topic list', () => {
  it('keeps one entry per theme, marks head office\'s, and removes only its own', async () => {
    const { db, actor } = await installedDb();
    const typed = await addTopicTheme(db, actor, { theme: ' 设备点检 ', painPoint: '新员工点检漏项', department: '设备维修部', skill: '', asked: null });
    expect(typed).toMatchObject({ theme: '设备点检', skill: null, source: 'typed', partition: 'plant:P01' });
    const again = (await addTopicTheme(db, actor, { theme: '设备点检', painPoint: '', department: null, skill: null }).catch((e: unknown) => e)) as FailureError;
    expect(failureText(again.failure, 'zh')).toBe('主题清单里已经有“设备点检”');
    expect(failureText(again.failure, 'en')).toBe('“设备点检” is already on the topic list');
    await addTopicTheme(db, actor, { theme: '安全生产', painPoint: '', department: null, skill: null, asked: 12, source: 'needs' });
    await db.topicThemes.put({ id: 'hq1', partition: 'hq', origin: 'hq-origin', seq: 1, hlc: '0', deleted: false, theme: '精益改善', painPoint: '', department: null, skill: null, asked: 30, source: 'typed', createdAt: '2026-12-01T00:00:00.000Z', createdBy: 'admin' });
    const list = await topicList(db);
    expect(list.map((e) => [e.theme, e.fromHq, e.own])).toEqual([['精益改善', true, false], ['安全生产', false, true], ['设备点检', false, true]]);
    await expect(removeTopicTheme(db, actor, 'hq1')).rejects.toMatchObject({ failure: { code: 'change.foreignPartition' } });
    await removeTopicTheme(db, actor, typed.id);
    expect((await db.topicThemes.get(typed.id))?.deleted).toBe(true);
    expect((await topicList(db)).map((e) => e.theme)).toEqual(['精益改善', '安全生产']);
    const audits = await db.audit.where('action').anyOf('topics.added', 'topics.removed').toArray();
    expect(audits.map((e) => shownAudit(e))).toEqual(['设备点检', '安全生产', '设备点检']);
    // The survey's proposals follow the list, without the themes already on it.
    const choices = themeChoices(await topicList(db), [{ theme: '安全生产', asked: 12, departments: ['生产一车间'] }, { theme: '质量追溯', asked: 4, departments: ['质量部'] }]);
    expect(choices.map((c) => c.theme)).toEqual(['精益改善', '安全生产', '质量追溯']);
    db.close();
  });
});
