// Employment status and the "active at D" rule of DESIGN.md §6.

export const EMPLOYMENT_STATUSES = ['active', 'probation', 'leave', 'departed', 'retired'] as const;
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];

export interface EmploymentFacts {
  hireDate: string | null;
  leaveDate: string | null;
  status: EmploymentStatus | null;
}

export type InactiveReason = 'notYetHired' | 'left' | 'statusLeft';

/**
 * Active at D: hired on or before D (or hire date unknown), no leave date on or before D
 * (a past leave date wins over a stale 在职 status), and not departed/retired without a
 * leave date. Leave (停薪留职/长病假) and probation (试用) count as active.
 */
export function inactiveReasonAt(e: EmploymentFacts, asOf: string): InactiveReason | null {
  if (e.hireDate && e.hireDate > asOf) return 'notYetHired';
  if (e.leaveDate) return e.leaveDate <= asOf ? 'left' : null;
  if (e.status === 'departed' || e.status === 'retired') return 'statusLeft';
  return null;
}

export function isActiveAt(e: EmploymentFacts, asOf: string): boolean {
  return inactiveReasonAt(e, asOf) === null;
}

/** Whole years of service at the as-of date (0 when unknown or not yet hired). */
export function tenureYears(hireDate: string | null, asOf: string): number {
  if (!hireDate || hireDate > asOf) return 0;
  let years = Number(asOf.slice(0, 4)) - Number(hireDate.slice(0, 4));
  if (asOf.slice(5) < hireDate.slice(5)) years -= 1;
  return years;
}

/** The Chinese words an HR export writes for each status. */
export const STATUS_ZH: Record<EmploymentStatus, string> = {
  active: '在职',
  probation: '试用',
  leave: '停薪留职',
  departed: '离职',
  retired: '退休',
};
