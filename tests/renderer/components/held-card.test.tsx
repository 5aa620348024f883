// @vitest-environment jsdom
// Held bundles as head office reads them: a bundle whose apply stopped part-way continues
// with one click and no second question, since it was decided on when it was admitted; one
// cut off by a crash kept no copy and asks for its file again.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { SyncStatus } from '../../../renderer/src/data/index.ts';
import { useAppStore } from '../../../renderer/src/store/index.ts';
import './setup.ts';

const decide = vi.fn(async (..._args: unknown[]) => ({ status: 'applied' }));
vi.mock('../../../renderer/src/data/index.ts', async (original) => ({ ...(await original<object>()), sync: { decide: (...args: unknown[]) => decide(...args) } }));
const { HeldCard } = await import('../../../renderer/src/features/sync/common.tsx');

const entry = (bundleId: string, fileName: string, reason: string, params: Record<string, number>) => ({ bundleId, fileName, partition: 'plant:P01', origin: 'o1', from: 1, to: 9, reason, params, receivedAt: '2026-12-03T08:00:00.000Z' });
const status = {
  plants: [{ partition: 'plant:P01', plantName: '洛阳一厂' }],
  held: [entry('b1', '洛阳一厂_seq1-9.xhb', 'interrupted', { records: 24_000, kept: 1 }), entry('b2', '洛阳一厂_seq10-12.xhb', 'interrupted', { records: 8_000, kept: 0 }), entry('b3', '洛阳一厂_seq20-22.xhb', 'gap', { from: 13, to: 19 })],
} as unknown as SyncStatus;

describe('held bundles', () => {
  it('continues an interrupted bundle without asking again, and asks for the file of one cut off by a crash', async () => {
    useAppStore.setState({ user: { id: 'u1', userName: 'zhao', displayName: '赵', role: 'admin', department: null } as never });
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    const onChange = vi.fn();
    render(<HeldCard status={status} onChange={onChange} />);
    const rows = screen.getAllByRole('row').slice(1);
    expect(within(rows[0]).getByText('上次应用到一半时中断（共 24,000 条记录），下次导入时自动继续')).toBeTruthy();
    expect(within(rows[1]).getByText('上次应用到一半时中断（共 8,000 条记录），请再导入一次该文件以完成')).toBeTruthy();
    expect(within(rows[1]).queryByRole('button')).toBeNull();
    expect(within(rows[2]).getByRole('button', { name: '确认应用' })).toBeTruthy();
    fireEvent.click(within(rows[0]).getByRole('button', { name: '继续应用' }));
    expect(await screen.findByText('已应用 洛阳一厂_seq1-9.xhb')).toBeTruthy();
    expect(confirm).not.toHaveBeenCalled();
    expect(decide).toHaveBeenCalledWith({ userId: 'u1', userName: 'zhao' }, 'b1', expect.objectContaining({ signal: expect.any(AbortSignal) }));
    expect(onChange).toHaveBeenCalled();
    // A gap still needs the officer's explicit decision.
    fireEvent.click(within(rows[2]).getByRole('button', { name: '确认应用' }));
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(decide).toHaveBeenCalledTimes(1);
  });
});
