// Department scope, enforced where data is read (DESIGN.md §10), not by hiding screens: a
// department head's queries return their own department only. Workers look the user up in the
// store by id rather than trusting a scope the page sends.

import { FailureError, failure } from '../../../../shared/domain/failure.ts';
import type { View } from '../../../../shared/domain/screening/engine.ts';
import type { XinhuoDb } from '../db/db.ts';
import { queryPeople, type PeopleIndex, type PeopleQuery } from '../facts/people-index.ts';
import { departmentScope, type SignedInUser } from './permissions.ts';
import type { PipelineRecord } from '../db/types.ts';

/** The department a stored user is limited to (null: the whole installation); refuses unknown and disabled users. */
export async function viewerScope(db: XinhuoDb, userId: string): Promise<string | null> {
  const user = await db.users.get(userId);
  if (!user || user.deleted || user.disabled) throw new FailureError(failure('access.denied', { userId }));
  return departmentScope(user);
}

/** A screening view narrowed to the viewer's department, whatever the page asked for. */
export function scopedView(scope: string | null, view: View): View {
  return scope === null ? view : { ...view, department: scope };
}

/** The people list's rows for this viewer: a department head's query is held to their department. */
export function queryPeopleFor(index: PeopleIndex, query: PeopleQuery, viewer: SignedInUser | null): Uint32Array {
  const scope = departmentScope(viewer);
  return queryPeople(index, scope === null ? query : { ...query, department: scope });
}

/** How many people this viewer can see at all. */
export function peopleCountFor(index: PeopleIndex, viewer: SignedInUser | null): number {
  const scope = departmentScope(viewer);
  if (scope === null) return index.length;
  return queryPeople(index, { text: '', plant: null, department: scope, position: null, status: null, sort: 'employeeId', descending: false }).length;
}

/** The row of an employee this viewer may open, or undefined. */
export function employeeRowFor(index: PeopleIndex, employeeId: string, viewer: SignedInUser | null): number | undefined {
  const row = index.rowOf.get(employeeId);
  if (row === undefined) return undefined;
  const scope = departmentScope(viewer);
  if (scope !== null && index.department.labels[index.department.codes[row]] !== scope) return undefined;
  return row;
}

/** Selection entries this viewer may see, newest change first; tombstones left out. */
export async function pipelineEntriesFor(db: XinhuoDb, userId: string): Promise<PipelineRecord[]> {
  const scope = await viewerScope(db, userId);
  const rows = (await db.pipeline.orderBy('updatedAt').reverse().toArray()).filter((x) => !x.deleted);
  return scope === null ? rows : rows.filter((x) => x.department === scope);
}

/** One employee's selection entries, if the viewer may see that employee's department. */
export async function selectionEntriesOf(db: XinhuoDb, userId: string, employeeId: string): Promise<PipelineRecord[]> {
  const scope = await viewerScope(db, userId);
  const rows = (await db.pipeline.where('employeeId').equals(employeeId).toArray()).filter((x) => !x.deleted);
  return scope === null ? rows : rows.filter((x) => x.department === scope);
}

/** The employee ids an export may contain for this viewer: others are dropped. */
export async function exportableIds(db: XinhuoDb, userId: string, employeeIds: readonly string[], departmentOf: (id: string) => string | null): Promise<string[]> {
  const scope = await viewerScope(db, userId);
  return scope === null ? [...employeeIds] : employeeIds.filter((id) => departmentOf(id) === scope);
}
