import { describe, expect, it } from 'vitest';
import { addYears, isIsoDate, lastCompleteQuarter, parsePeriod, periodLabelZh, quartersEndingWith } from '../../shared/domain/periods.ts';

describe('parsePeriod', () => {
  it.each([
    ['2024', '2024', '2024-01-01', '2024-12-31'],
    ['2024年度', '2024', '2024-01-01', '2024-12-31'],
    ['2024H1', '2024H1', '2024-01-01', '2024-06-30'],
    ['2024上半年', '2024H1', '2024-01-01', '2024-06-30'],
    ['2024年下半年', '2024H2', '2024-07-01', '2024-12-31'],
    ['2024Q1', '2024Q1', '2024-01-01', '2024-03-31'],
    ['2024-Q4', '2024Q4', '2024-10-01', '2024-12-31'],
    ['2024年第1季度', '2024Q1', '2024-01-01', '2024-03-31'],
    ['2024年第三季度', '2024Q3', '2024-07-01', '2024-09-30'],
    ['２０２４Ｑ２', '2024Q2', '2024-04-01', '2024-06-30'],
    ['2024-03', '2024-03', '2024-03-01', '2024-03-31'],
    ['2024年2月', '2024-02', '2024-02-01', '2024-02-29'],
    ['2023.02', '2023-02', '2023-02-01', '2023-02-28'],
    ['202305', '2023-05', '2023-05-01', '2023-05-31'],
  ])('%s → %s', (text, label, start, end) => {
    expect(parsePeriod(text)).toMatchObject({ label, start, end });
  });

  it.each(['', 'abc', '2024Q5', '2024-13', '202313', '24Q1'])('refuses %s', (text) => {
    expect(parsePeriod(text)).toBeNull();
  });

  it('writes Chinese labels that parse back to the same period', () => {
    for (const label of ['2024', '2024H2', '2024Q3', '2024-11']) {
      const p = parsePeriod(label)!;
      expect(parsePeriod(periodLabelZh(p))!.label).toBe(label);
    }
  });
});

describe('quarters and dates', () => {
  it('finds the last complete quarter', () => {
    expect(lastCompleteQuarter('2026-11-27').label).toBe('2026Q3');
    expect(lastCompleteQuarter('2026-09-30').label).toBe('2026Q3');
    expect(lastCompleteQuarter('2026-01-01').label).toBe('2025Q4');
  });
  it('lists consecutive quarters across years', () => {
    expect(quartersEndingWith(parsePeriod('2024Q2')!, 4).map((q) => q.label)).toEqual(['2023Q3', '2023Q4', '2024Q1', '2024Q2']);
  });
  it('clamps 29 February when shifting years', () => {
    expect(addYears('2024-02-29', -2)).toBe('2022-02-28');
    expect(addYears('2024-12-31', -2)).toBe('2022-12-31');
  });
  it('validates ISO dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023/02/01')).toBe(false);
  });
});
