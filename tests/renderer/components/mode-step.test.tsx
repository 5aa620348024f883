// @vitest-environment jsdom
// The officer chooses how a file goes in and sees what it will change before committing.
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ModeStep } from '../../../renderer/src/features/import/steps/mode-step.tsx';
import type { ImportWizard } from '../../../renderer/src/features/import/use-import-wizard.ts';
import { useAppStore } from '../../../renderer/src/store/index.ts';
import './setup.ts';

function wizard(over: Partial<ImportWizard> = {}): ImportWizard {
  return {
    summary: { dataset: 'roster' } as never,
    planned: { mode: 'upsert', counts: { rows: 3, added: 0, updated: 1, unchanged: 2, refused: 0, removed: 0 }, changes: [{ key: '000103', field: 'department', before: '销售部', after: '客户服务部' }, { key: '000102', field: 'status', before: 'departed', after: 'active' }, { key: '000102', field: 'hireDate', before: '2015-07-15', after: '2016-07-15' }], changesByField: { status: 12, department: 3, hireDate: 1 }, periods: [], absent: ['leaveDate', 'region'], invalidRows: [] },
    plan: vi.fn(async () => undefined),
    commit: vi.fn(async () => undefined),
    setStep: vi.fn(),
    ...over,
  } as unknown as ImportWizard;
}

describe('the mode step', () => {
  it('says which columns the file lacks and that their stored values stay, and lists the changes by field name', () => {
    useAppStore.setState({ user: { id: 'u1', userName: 'li', displayName: '李', role: 'officer', department: null } as never });
    render(<ModeStep wizard={wizard()} />);
    expect(screen.getByTestId('plan-absent').textContent).toBe('本文件没有 离职日期、地区 列：保留原值');
    expect(screen.getByTestId('plan-counts').textContent).toBe('新增 0，更新 1，不变 2，拒绝 0，移除 0');
    expect(screen.getByRole('cell', { name: '部门' })).toBeTruthy();
  });

  it('shows changed values as the officer reads them, and how many change per field', () => {
    useAppStore.setState({ user: { id: 'u1', userName: 'li', displayName: '李', role: 'officer', department: null } as never });
    render(<ModeStep wizard={wizard()} />);
    const row = screen.getByRole('cell', { name: '在职状态' }).closest('tr')!;
    expect(row.textContent).toContain('离职');
    expect(row.textContent).toContain('在职');
    expect(row.textContent).not.toContain('departed');
    expect(screen.getByRole('cell', { name: '2015年7月15日' })).toBeTruthy();
    expect(screen.getByTestId('changes-by-field').textContent).toBe('在职状态 12 处；部门 3 处；入职日期 1 处');
  });

  it('counts rows with errors as refused and names them', () => {
    useAppStore.setState({ user: { id: 'u1', userName: 'li', displayName: '李', role: 'officer', department: null } as never });
    const planned = { mode: 'upsert', counts: { rows: 10, added: 7, updated: 0, unchanged: 0, refused: 3, removed: 0, invalid: 3 }, changes: [], changesByField: {}, periods: [], absent: [], invalidRows: [7, 8, 12] };
    render(<ModeStep wizard={wizard({ planned } as never)} />);
    expect(screen.getByTestId('plan-counts').textContent).toBe('新增 7，更新 0，不变 0，拒绝 3，移除 0');
    expect(screen.getByTestId('plan-invalid').textContent).toBe('3 行有错误，不导入（第 7、8、12 行），详见错误报告');
  });

  it('names the periods a replace would cover before it is chosen', () => {
    useAppStore.setState({ user: { id: 'u1', userName: 'li', displayName: '李', role: 'officer', department: null } as never });
    render(<ModeStep wizard={wizard({ summary: { dataset: 'performance', periods: ['2026Q2', '2026Q3'] } } as never)} />);
    expect(screen.getByRole('radio', { name: /替换周期数据（2026Q2、2026Q3 的数据以本次为准/ })).toBeTruthy();
  });

  it('commits when the officer confirms', async () => {
    useAppStore.setState({ user: { id: 'u1', userName: 'li', displayName: '李', role: 'officer', department: null } as never });
    const w = wizard();
    render(<ModeStep wizard={w} />);
    fireEvent.click(screen.getByRole('button', { name: '确认导入' }));
    await vi.waitFor(() => expect(w.commit).toHaveBeenCalled());
  });

  it('offers no commit to an account that may not import', () => {
    useAppStore.setState({ user: { id: 'u2', userName: 'wang', displayName: '王', role: 'analyst', department: null } as never });
    render(<ModeStep wizard={wizard()} />);
    expect((screen.getByRole('button', { name: '确认导入' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('a file of another plant', () => {
  it('is not committed without a word: the officer confirms the rows belong to this plant', () => {
    useAppStore.setState({ user: { id: 'u1', userName: 'li', displayName: '李', role: 'officer', department: null } as never });
    render(<ModeStep wizard={wizard({ summary: { dataset: 'roster', plants: ['华东第一制造厂'], installationPlant: '郑州二厂' } as never })} />);
    expect(screen.getByTestId('plan-other-plant').textContent).toContain('这个文件的厂区是 华东第一制造厂，不是本厂区（郑州二厂）');
    const commit = screen.getByRole('button', { name: '确认导入' }) as HTMLButtonElement;
    expect(commit.disabled).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: /确认这些数据属于郑州二厂/ }));
    expect(commit.disabled).toBe(false);
  });

  it('says nothing when the file names this plant, or at head office', () => {
    useAppStore.setState({ user: { id: 'u1', userName: 'li', displayName: '李', role: 'officer', department: null } as never });
    const { unmount } = render(<ModeStep wizard={wizard({ summary: { dataset: 'roster', plants: ['郑州二厂'], installationPlant: '郑州二厂' } as never })} />);
    expect(screen.queryByTestId('plan-other-plant')).toBeNull();
    unmount();
    render(<ModeStep wizard={wizard({ summary: { dataset: 'roster', plants: ['郑州二厂'], installationPlant: null } as never })} />);
    expect(screen.queryByTestId('plan-other-plant')).toBeNull();
  });
});
