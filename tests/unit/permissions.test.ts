import { describe, expect, it } from 'vitest';
import { can, departmentScope } from '../../renderer/src/data/records/permissions.ts';

describe('permissions', () => {
  it('gives accounts to administrators only and imports to administrators and officers', () => {
    const roles = ['admin', 'officer', 'analyst', 'deptHead', 'reviewer'] as const;
    expect(roles.filter((role) => can({ role, department: null }, 'accounts'))).toEqual(['admin']);
    expect(roles.filter((role) => can({ role, department: null }, 'import'))).toEqual(['admin', 'officer']);
    expect(roles.filter((role) => can({ role, department: null }, 'pipeline.move'))).toEqual(['admin', 'officer']);
    expect(roles.filter((role) => can({ role, department: null }, 'people'))).toEqual(['admin', 'officer', 'analyst', 'deptHead']);
    // A reviewer sees their packets only: no selection entries, no results, no people.
    expect(roles.filter((role) => can({ role, department: null }, 'pipeline'))).toEqual(['admin', 'officer', 'analyst', 'deptHead']);
    expect(roles.filter((role) => can({ role, department: null }, 'packets'))).toEqual(['reviewer']);
    expect(roles.filter((role) => can({ role, department: null }, 'results'))).toEqual(['admin', 'officer', 'analyst', 'deptHead']);
    expect(can(null, 'people')).toBe(false);
  });

  it('limits a department head to their department, and nobody else', () => {
    expect(departmentScope({ role: 'deptHead', department: '质量部' })).toBe('质量部');
    // A department head without a department sees nobody rather than everybody.
    expect(departmentScope({ role: 'deptHead', department: null })).toBe('');
    expect(departmentScope({ role: 'officer', department: '质量部' })).toBeNull();
  });
});
