import { describe, expect, it } from 'vitest';
import { inactiveReasonAt, isActiveAt, tenureYears } from '../../shared/domain/employee.ts';

const D = '2024-12-31';

describe('active at D', () => {
  it('counts active, leave and probation as active', () => {
    for (const status of ['active', 'leave', 'probation'] as const) expect(isActiveAt({ hireDate: '2020-01-01', leaveDate: null, status }, D)).toBe(true);
  });
  it('treats an unknown hire date as hired', () => {
    expect(isActiveAt({ hireDate: null, leaveDate: null, status: 'active' }, D)).toBe(true);
  });
  it('excludes people hired after D, but not on D', () => {
    expect(inactiveReasonAt({ hireDate: '2025-01-01', leaveDate: null, status: 'active' }, D)).toBe('notYetHired');
    expect(isActiveAt({ hireDate: D, leaveDate: null, status: 'active' }, D)).toBe(true);
  });
  it('lets a past leave date win over a stale 在职 status', () => {
    expect(inactiveReasonAt({ hireDate: '2010-01-01', leaveDate: '2024-06-30', status: 'active' }, D)).toBe('left');
    expect(inactiveReasonAt({ hireDate: '2010-01-01', leaveDate: D, status: 'active' }, D)).toBe('left');
  });
  it('keeps people whose leave date is after D', () => {
    expect(isActiveAt({ hireDate: '2010-01-01', leaveDate: '2025-01-01', status: 'departed' }, D)).toBe(true);
  });
  it('excludes departed or retired people without a leave date', () => {
    expect(inactiveReasonAt({ hireDate: '2010-01-01', leaveDate: null, status: 'departed' }, D)).toBe('statusLeft');
    expect(inactiveReasonAt({ hireDate: '2010-01-01', leaveDate: null, status: 'retired' }, D)).toBe('statusLeft');
  });
});

describe('tenure', () => {
  it('counts whole years', () => {
    expect(tenureYears('2020-12-31', D)).toBe(4);
    expect(tenureYears('2021-01-01', D)).toBe(3);
    expect(tenureYears(null, D)).toBe(0);
    expect(tenureYears('2025-01-01', D)).toBe(0);
  });
});
