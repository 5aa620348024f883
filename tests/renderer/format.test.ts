// Dates and numbers as the screens show them: the same text as Intl gives, with each formatter
// made once per language (a people list formats a hire date per row).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDate, formatNumber, formatPercent } from '../../renderer/src/i18n/index.ts';

afterEach(() => vi.restoreAllMocks());

describe('formatting', () => {
  it('formats ISO dates without time-zone shifts, in either language', () => {
    expect(formatDate('2024-05-01', 'zh-CN')).toBe('2024年5月1日');
    expect(formatDate('2024-05-01T23:30:00Z', 'en')).toBe('May 1, 2024');
    expect(formatDate(null, 'en')).toBe('');
    expect(formatPercent(0.125, 'en')).toBe('12.5%');
    expect(formatNumber(1234567, 'zh-CN')).toBe('1,234,567');
  });

  it('makes a date formatter once per language, not once per date', () => {
    const made = vi.spyOn(Intl, 'DateTimeFormat');
    for (let day = 1; day <= 20; day++) formatDate(`2019-03-${String(day).padStart(2, '0')}`, 'zh-CN');
    for (let day = 1; day <= 20; day++) formatDate(`2019-03-${String(day).padStart(2, '0')}`, 'en');
    expect(made.mock.calls.length).toBeLessThanOrEqual(2);
    expect(formatDate('2019-03-20', 'zh-CN')).toBe('2019年3月20日');
  });
});
