// What each role may see and do on this installation. A department head sees the people,
// screening results and selection entries of their own department only; reviewers and
// analysts see what their work needs; administrators also manage accounts. The write path
// checks these for every change (store.ts); the screens use them to decide what to show.

import type { Role } from './schemas.ts';

export type Capability = 'people' | 'screening' | 'screening.handoff' | 'pipeline' | 'pipeline.move' | 'results' | 'packets' | 'import' | 'history' | 'audit' | 'accounts' | 'sync';

const CAPABILITIES: Record<Role, readonly Capability[]> = {
  admin: ['people', 'screening', 'screening.handoff', 'pipeline', 'pipeline.move', 'results', 'import', 'history', 'audit', 'accounts', 'sync'],
  officer: ['people', 'screening', 'screening.handoff', 'pipeline', 'pipeline.move', 'results', 'import', 'history', 'audit', 'sync'],
  analyst: ['people', 'screening', 'pipeline', 'results', 'history'],
  // A department head reads review results too, for their own department (the tally applies the scope).
  deptHead: ['people', 'screening', 'pipeline', 'results'],
  // A reviewer (评审专家) sees their review packets only: nobody's selection entries, scores or people.
  reviewer: ['packets'],
};

export interface SignedInUser {
  /** A Role; anything else may do nothing. */
  role: string;
  department: string | null;
}

export function can(user: SignedInUser | null | undefined, what: Capability): boolean {
  return !!user && ((CAPABILITIES as Partial<Record<string, readonly Capability[]>>)[user.role] ?? []).includes(what);
}

/** The one department a user is limited to, or null for the whole installation. */
export function departmentScope(user: SignedInUser | null | undefined): string | null {
  return user?.role === 'deptHead' ? (user.department ?? '') : null;
}
