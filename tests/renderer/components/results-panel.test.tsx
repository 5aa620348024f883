// @vitest-environment jsdom
// The officer switches from the candidates to the near-misses while moving sliders: the
// evaluation brought only the candidates' first page, and the near-misses arrive when shown.
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SEED_PROFILE } from '../../../shared/domain/screening/profile.ts';
import type { PersonRow, ScreeningReport } from '../../../shared/domain/screening/report.ts';
import { ResultsPanel } from '../../../renderer/src/features/screening/results-panel.tsx';
import { createResultSource } from '../../../renderer/src/features/screening/use-screening.ts';
import { withScrollBoxes } from './setup.ts';

const person = (k: number): PersonRow => ({ e: k, employeeId: String(200000 + k), name: `员工${k}`, department: '质量部', position: '技术员', criteria: [{ id: 'coaching', passed: k === 0, value: 4.8, threshold: 4.5 }], failed: k === 0 ? [] : ['coaching'] });

const report = (over: Partial<ScreeningReport>): ScreeningReport => ({ asOf: '2026-09-30', population: 3, candidates: [], nearMisses: [], excluded: [], candidateCount: 0, nearMissCount: 0, excludedCount: 0, byDepartment: [], byPlant: [], funnel: [], passCounts: [], histograms: [], ...over });

withScrollBoxes();

describe('the result tabs', () => {
  it('tell the session which part is on screen, and fetch a list when it did not come with the evaluation', async () => {
    const results = createResultSource();
    results.setState({ result: { evaluation: 4, report: report({ candidates: [person(0)], candidateCount: 1, nearMissCount: 1 }), warnings: [], ms: 3, profile: SEED_PROFILE, asOf: '2026-09-30' } });
    const fetchRows = vi.fn(async () => [person(1)]);
    const onShown = vi.fn();
    render(<ResultsPanel results={results} fetchRows={fetchRows} onExplain={vi.fn()} onShown={onShown} language="zh-CN" />);
    await act(async () => {});
    expect(screen.getByText('200000')).toBeTruthy();
    expect(fetchRows).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('tab-nearMisses'));
    expect(onShown).toHaveBeenLastCalledWith('nearMisses');
    expect(await screen.findByText('200001')).toBeTruthy();
    expect(fetchRows).toHaveBeenCalledWith(4, 'nearMisses', 0, 200);
    fireEvent.click(screen.getByTestId('tab-distribution'));
    expect(onShown).toHaveBeenLastCalledWith('distribution');
  });
});
