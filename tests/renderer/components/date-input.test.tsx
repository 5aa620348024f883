// @vitest-environment jsdom
// Dates read the way the reader writes them, whatever the browser's own locale.
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DateInput, parseDateText } from '../../../renderer/src/ui/index.ts';
import './setup.ts';

describe('a date field', () => {
  it('reads the usual ways of writing a date, and refuses impossible ones', () => {
    for (const text of ['2026/9/30', '2026-09-30', '2026.9.30', '2026年9月30日', '20260930', ' 2026 / 09 / 30 ']) expect(parseDateText(text), text).toBe('2026-09-30');
    for (const text of ['09/30/2026', '2026/2/30', '2026-13-01', '明天', '']) expect(parseDateText(text), text).toBeNull();
  });

  it('shows 年/月/日 in Chinese and yyyy-mm-dd in English, not the browser\'s mm/dd/yyyy', () => {
    const { unmount } = render(<DateInput value="2026-09-30" onChange={vi.fn()} language="zh-CN" label="截止日期" placeholder="年/月/日" pickLabel="选择日期" />);
    expect((screen.getByLabelText('截止日期') as HTMLInputElement).value).toBe('2026/09/30');
    unmount();
    render(<DateInput value="" onChange={vi.fn()} language="en" label="As of" placeholder="yyyy-mm-dd" pickLabel="Pick a date" />);
    expect((screen.getByLabelText('As of') as HTMLInputElement).placeholder).toBe('yyyy-mm-dd');
  });

  it('takes a typed date on Enter or when the field is left; a wrong one is marked and changes nothing', () => {
    const onChange = vi.fn();
    render(<DateInput value="2026-09-30" onChange={onChange} language="zh-CN" label="截止日期" placeholder="年/月/日" pickLabel="选择日期" allowEmpty={false} />);
    const field = screen.getByLabelText('截止日期') as HTMLInputElement;
    fireEvent.change(field, { target: { value: '2025年12月1日' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(onChange).toHaveBeenLastCalledWith('2025-12-01');
    expect(field.value).toBe('2025/12/01');
    fireEvent.change(field, { target: { value: '2025/2/30' } });
    fireEvent.blur(field);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(onChange).toHaveBeenCalledTimes(1);
    // Emptied where a date is required: the last date comes back.
    fireEvent.change(field, { target: { value: '' } });
    fireEvent.blur(field);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(field.value).toBe('2026/09/30');
  });
});
