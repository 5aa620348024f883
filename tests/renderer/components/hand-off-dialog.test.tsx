// @vitest-environment jsdom
// Handing a run to selection: the officer sees what each near-miss lacks before ticking them.
import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SEED_PROFILE } from '../../../shared/domain/screening/profile.ts';
import { lacksText } from '../../../renderer/src/features/screening/format.ts';
import { HandOffDialog } from '../../../renderer/src/features/screening/hand-off-dialog.tsx';
import './setup.ts';

const run = {
  id: 'r1',
  profile: SEED_PROFILE,
  candidates: [{ employeeId: '000101', name: '张伟', department: '质量部', criteria: [] }],
  nearMisses: [
    { employeeId: '000202', name: '李娜', department: '设备维修部', failed: ['coaching'] },
    { employeeId: '000303', name: '王强', department: '质量部', failed: ['sharing', 'improvement'] },
  ],
} as never;

describe('the hand-off dialog', () => {
  it('has a column saying what each near-miss lacks, in the criteria’s own words', () => {
    render(<HandOffDialog run={run} onClose={vi.fn()} onConfirm={vi.fn(async () => undefined)} />);
    expect(screen.getByRole('columnheader', { name: '仅差' })).toBeTruthy();
    expect(lacksText(SEED_PROFILE, ['coaching'])).toBe('带教能力评分≥4.5');
    expect(lacksText(SEED_PROFILE, ['sharing', 'improvement'])).toBe('知识分享会≥3次、下属业绩提升率≥20%');
  });
});
