// @vitest-environment jsdom
// A table longer than a browser can make an element tall shows its rows in windows: a million
// rows of 36 px would otherwise stop scrolling around row 930,000 in Chromium.
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { VirtualTable, windowRows } from '../../../renderer/src/ui/index.ts';
import './setup.ts';

const columns = [{ id: 'n', title: '行号', width: 1 }];
const labels = { previous: '前面的行', next: '后面的行' };

describe('a very long table', () => {
  it('stays within a scroll height every browser can show, and moves between windows', () => {
    const per = windowRows(36);
    expect(per * 36).toBeLessThanOrEqual(8_000_000);
    const { rerender } = render(<VirtualTable label="预览" columns={columns} rowCount={1_000_000} renderCell={(i) => i} windowLabels={labels} />);
    const bar = screen.getByTestId('vtable-window');
    expect(bar.textContent).toContain(`1–${per.toLocaleString()} / 1,000,000`);
    expect(screen.getByRole('button', { name: '前面的行' })).toHaveProperty('disabled', true);
    for (let i = 0; i < Math.ceil(1_000_000 / per) - 1; i++) fireEvent.click(screen.getByRole('button', { name: '后面的行' }));
    const lastStart = Math.floor(999_999 / per) * per;
    expect(bar.textContent).toContain(`${(lastStart + 1).toLocaleString()}–1,000,000 / 1,000,000`);
    expect(screen.getByRole('button', { name: '后面的行' })).toHaveProperty('disabled', true);
    // A table that fits needs no windows.
    rerender(<VirtualTable label="预览" columns={columns} rowCount={100_000} renderCell={(i) => i} windowLabels={labels} />);
    expect(screen.queryByTestId('vtable-window')).toBeNull();
  });
});
