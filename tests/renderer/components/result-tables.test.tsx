// @vitest-environment jsdom
// The live result lists: the rows that come with an evaluation are shown without asking the
// worker for them again, and a near-miss's rank reads in the reader's language.
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SEED_PROFILE } from '../../../shared/domain/screening/profile.ts';
import type { PersonRow } from '../../../shared/domain/screening/report.ts';
import { setLanguage } from '../../../renderer/src/i18n/index.ts';
import { PeopleTable } from '../../../renderer/src/features/screening/result-tables.tsx';
import { withScrollBoxes } from './setup.ts';

const person = (k: number, over: Partial<PersonRow> = {}): PersonRow => ({
  e: k,
  employeeId: String(100000 + k),
  name: `员工${k}`,
  department: '质量部',
  position: '技术员',
  criteria: [
    { id: 'performance', passed: true, value: 90, threshold: 15, rank: k + 1, cutoff: 20, groupSize: 120 },
    { id: 'coaching', passed: true, value: 4.8, threshold: 4.5 },
  ],
  ...over,
});

afterEach(() => setLanguage('zh-CN'));

withScrollBoxes();

describe('the candidate list', () => {
  it('does not fetch again the rows that arrived with the evaluation', async () => {
    const first = Array.from({ length: 30 }, (_, k) => person(k));
    const fetchRows = vi.fn(async () => []);
    render(<PeopleTable evaluation={7} first={first} count={30} fetchRows={fetchRows} profile={SEED_PROFILE} onExplain={vi.fn()} label="候选人" />);
    await act(async () => {});
    expect(screen.getByText('100000')).toBeTruthy();
    expect(fetchRows).not.toHaveBeenCalled();
  });

  it('names each criterion on its badge and shows values as the export does', async () => {
    const row = person(0, {
      criteria: [
        { id: 'performance', passed: true, value: 97.8, threshold: 15, rank: 1, cutoff: 20, groupSize: 120 },
        { id: 'improvement', passed: true, value: 0.306, threshold: 0.2 },
        { id: 'coaching', passed: true, value: 4.7, threshold: 4.5 },
        { id: 'sharing', passed: true, value: 6, threshold: 3 },
      ],
    });
    const { unmount } = render(<PeopleTable evaluation={9} first={[row]} count={1} fetchRows={vi.fn(async () => [])} profile={SEED_PROFILE} onExplain={vi.fn()} label="候选人" />);
    await act(async () => {});
    const badges = () => Array.from(document.querySelectorAll('.badge')).map((b) => b.textContent);
    expect(badges()).toEqual(['✓ 业绩 97.80', '✓ 提升率 30.6%', '✓ 带教 4.70', '✓ 分享 6']);
    unmount();
    setLanguage('en');
    render(<PeopleTable evaluation={9} first={[row]} count={1} fetchRows={vi.fn(async () => [])} profile={SEED_PROFILE} onExplain={vi.fn()} label="Candidates" />);
    await act(async () => {});
    expect(badges()).toEqual(['✓ Performance 97.80', '✓ Improvement 30.6%', '✓ 带教能力 4.70', '✓ Sharing 6']);
  });

  it('asks for a page when the rows in view did not come with the evaluation', async () => {
    const fetchRows = vi.fn(async () => [person(0)]);
    render(<PeopleTable evaluation={8} first={[]} count={1} fetchRows={fetchRows} profile={SEED_PROFILE} onExplain={vi.fn()} label="候选人" />);
    await act(async () => {});
    expect(fetchRows).toHaveBeenCalledWith(8, 'candidates', 0, 200);
    expect(await screen.findByText('100000')).toBeTruthy();
  });

  it('drops a page that arrives after a newer evaluation is on screen, keeping the newer one', async () => {
    const deliveries: ((rows: PersonRow[]) => void)[] = [];
    const fetchRows = vi.fn(() => new Promise<PersonRow[]>((resolve) => deliveries.push(resolve)));
    const props = { first: [], count: 1, fetchRows, profile: SEED_PROFILE, onExplain: vi.fn(), label: '候选人' };
    const { rerender } = render(<PeopleTable evaluation={1} {...props} />);
    await act(async () => {});
    rerender(<PeopleTable evaluation={2} {...props} />);
    await act(async () => {});
    expect(fetchRows).toHaveBeenCalledTimes(2);
    await act(async () => deliveries[1]([person(7)]));
    expect(screen.getByText('100007')).toBeTruthy();
    await act(async () => deliveries[0]([person(0)]));
    expect(screen.getByText('100007')).toBeTruthy();
    expect(screen.queryByText('100000')).toBeNull();
  });

  it('shows the moved threshold on the moved criterion after a slider step, and keeps the other badges', async () => {
    const coachingAt = (value: number) => ({ ...SEED_PROFILE, criteria: SEED_PROFILE.criteria.map((c) => (c.id === 'coaching' ? { ...c, value, label: undefined } : c)) });
    const step = (threshold: number) => [person(0, { criteria: [{ id: 'performance', passed: true, value: 90, threshold: 15, rank: 1, cutoff: 20, groupSize: 120 }, { id: 'coaching', passed: true, value: 4.8, threshold }] })];
    const props = { count: 1, fetchRows: vi.fn(async () => []), onExplain: vi.fn(), label: '候选人' };
    const { rerender } = render(<PeopleTable evaluation={1} first={step(4.5)} profile={coachingAt(4.5)} {...props} />);
    await act(async () => {});
    const titles = () => Array.from(document.querySelectorAll('.badge')).map((b) => b.getAttribute('title'));
    const before = titles();
    rerender(<PeopleTable evaluation={2} first={step(4.6)} profile={coachingAt(4.6)} {...props} />);
    await act(async () => {});
    const after = titles();
    expect(after[0]).toBe(before[0]);
    expect(before[1]).toContain('4.5');
    expect(after[1]).toContain('4.6');
    expect(after[1]).not.toContain('4.5');
  });

  it('says what a near-miss lacks, rank included, in English when the reader reads English', async () => {
    setLanguage('en');
    const row = person(3, {
      criteria: [
        { id: 'performance', passed: false, value: 70, threshold: 15, rank: 25, cutoff: 20, groupSize: 120 },
        { id: 'coaching', passed: true, value: 4.8, threshold: 4.5 },
      ],
      failed: ['performance'],
    });
    render(<PeopleTable evaluation={9} first={[row]} count={1} fetchRows={vi.fn(async () => [])} profile={SEED_PROFILE} onExplain={vi.fn()} label="Near misses" nearMiss />);
    // The criterion's label is the profile's own words; the sentence around it is the reader's.
    const text = (await screen.findByText(/rank 25; top 20 pass/)).textContent!;
    expect(text).not.toContain('第25名');
  });
});
