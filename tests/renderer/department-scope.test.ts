// A department head's restriction holds in the queries themselves, not only on the screens:
// the people list, the employee page, selection entries, exports and screening views.
import { describe, expect, it } from 'vitest';
import { ColumnSetBuilder } from '../../shared/domain/facts/columns.ts';
import { FailureError } from '../../shared/domain/failure.ts';
import { buildPeopleIndex } from '../../renderer/src/data/facts/people-index.ts';
import { employeeRowFor, exportableIds, peopleCountFor, pipelineEntriesFor, queryPeopleFor, scopedView, selectionEntriesOf, viewerScope } from '../../renderer/src/data/records/scope.ts';
import { handOffRun } from '../../renderer/src/data/records/pipeline-store.ts';
import { saveRun } from '../../renderer/src/data/records/screening-store.ts';
import { createUser, setUserDisabled } from '../../renderer/src/data/records/users-store.ts';
import { SEED_PROFILE } from '../../shared/domain/screening/profile.ts';
import { installedDb, screeningReport } from './helpers.ts';

const PEOPLE: [string, string, string][] = [
  ['000101', '张伟', '质量部'],
  ['000102', '李娜', '质量部'],
  ['000201', '王强', '销售部'],
];

async function world() {
  const ctx = await installedDb();
  const head = await createUser(ctx.db, ctx.actor, { userName: 'head.q', displayName: '质量部负责人', role: 'deptHead', department: '质量部', password: 'a long password 1' }, 1000);
  const b = new ColumnSetBuilder('roster');
  for (const [employeeId, name, department] of PEOPLE) b.push({ employeeId, name, department, status: 'active' });
  const roster = b.build();
  const index = await buildPeopleIndex(roster, (n) => n.slice(0, 1));
  return { ...ctx, head, roster, index };
}

const ALL = { text: '', plant: null, department: null, position: null, status: null, sort: 'employeeId' as const, descending: false };

describe('department scope below the UI', () => {
  it('holds the people list to the department, whatever the filters ask', async () => {
    const { index, head, admin } = await world();
    const ids = (rows: Uint32Array) => Array.from(rows, (r) => index.ids[r]);
    expect(ids(queryPeopleFor(index, ALL, head))).toEqual(['000101', '000102']);
    expect(ids(queryPeopleFor(index, { ...ALL, department: '销售部' }, head))).toEqual(['000101', '000102']);
    expect(ids(queryPeopleFor(index, ALL, admin))).toEqual(['000101', '000102', '000201']);
    expect(peopleCountFor(index, head)).toBe(2);
  });

  it('opens an employee page only inside the department', async () => {
    const { index, head, admin } = await world();
    expect(employeeRowFor(index, '000101', head)).toBeDefined();
    expect(employeeRowFor(index, '000201', head)).toBeUndefined();
    expect(employeeRowFor(index, '000201', admin)).toBeDefined();
  });

  it('lists selection entries of the department only', async () => {
    const { db, actor, head } = await world();
    const people = PEOPLE.map(([employeeId, name, department]) => ({ employeeId, name, department, plant: null, criteria: [], failed: [] }));
    const run = await saveRun(db, actor, SEED_PROFILE, screeningReport(people as never, []), []);
    await handOffRun(db, actor, run.id);
    expect((await pipelineEntriesFor(db, head.id)).map((x) => x.employeeId).sort()).toEqual(['000101', '000102']);
    expect((await pipelineEntriesFor(db, actor.userId)).length).toBe(3);
    // The employee page's selection history, the same way.
    expect((await selectionEntriesOf(db, head.id, '000101')).map((x) => x.employeeId)).toEqual(['000101']);
    expect(await selectionEntriesOf(db, head.id, '000201')).toEqual([]);
    expect((await selectionEntriesOf(db, actor.userId, '000201')).map((x) => x.employeeId)).toEqual(['000201']);
  });

  it('drops other departments from an export, whatever ids the page sent', async () => {
    const { db, head, actor } = await world();
    const departmentOf = (id: string) => PEOPLE.find((p) => p[0] === id)?.[2] ?? null;
    expect(await exportableIds(db, head.id, ['000201', '000101'], departmentOf)).toEqual(['000101']);
    expect(await exportableIds(db, actor.userId, ['000201', '000101'], departmentOf)).toEqual(['000201', '000101']);
  });

  it('narrows every screening view to the department the store says, and refuses unknown or disabled users', async () => {
    const { db, head, actor } = await world();
    const scope = await viewerScope(db, head.id);
    expect(scopedView(scope, {})).toEqual({ department: '质量部' });
    expect(scopedView(scope, { department: '销售部' })).toEqual({ department: '质量部' });
    expect(scopedView(await viewerScope(db, actor.userId), { department: '销售部' })).toEqual({ department: '销售部' });
    await expect(viewerScope(db, 'nobody')).rejects.toBeInstanceOf(FailureError);
    await setUserDisabled(db, actor, head.id, true);
    await expect(viewerScope(db, head.id)).rejects.toBeInstanceOf(FailureError);
  });
});
