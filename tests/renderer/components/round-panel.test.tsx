// @vitest-environment jsdom
// The round's progress as the officer reads it: the funnel counts everyone who reached a step,
// withdrawn people included, and the board has a column per stage.
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PipelineRecord, RoundRecord } from '../../../renderer/src/data/index.ts';
import { Board, byDepartment, RoundPanel, roundFunnel } from '../../../renderer/src/features/pipeline/round-panel.tsx';
import './setup.ts';

const at = '2026-12-01T08:00:00.000Z';
const entry = (employeeId: string, department: string, path: PipelineRecord['stage'][]): PipelineRecord =>
  ({
    id: `e${employeeId}`,
    employeeId,
    name: `人${employeeId}`,
    department,
    stage: path.at(-1)!,
    history: path.map((to, i) => ({ from: i ? path[i - 1] : null, to, at, userId: 'u', userName: 'officer' })),
    roundId: 'r1',
    source: 'candidate',
    createdAt: at,
  }) as PipelineRecord;

const entries = [
  entry('000001', '质量部', ['shortlisted']),
  entry('000002', '质量部', ['shortlisted', 'invited', 'topicSubmitted', 'withdrawn']),
  entry('000003', '设备维修部', ['shortlisted', 'invited', 'topicSubmitted', 'trialScheduled', 'reviewed', 'selected']),
  entry('000004', '设备维修部', ['shortlisted', 'invited', 'topicSubmitted', 'trialScheduled', 'reviewed', 'rejected']),
];
const round = { id: 'r1', name: '2026年第一批', plant: '郑州二厂', startsOn: '2026-12-01', endsOn: null, quota: 2 } as RoundRecord;

describe('a round’s progress', () => {
  it('counts each step everyone reached, withdrawn people included', () => {
    expect(roundFunnel(entries)).toEqual({ shortlisted: 4, topic: 3, trial: 2, selected: 1 });
    expect(byDepartment(entries)).toEqual([
      { department: '设备维修部', total: 2, topic: 2, trial: 2, selected: 1 },
      { department: '质量部', total: 2, topic: 1, trial: 0, selected: 0 },
    ]);
  });

  it('shows the round’s facts, quota and funnel', () => {
    render(<RoundPanel round={round} entries={entries} language="zh-CN" />);
    expect(screen.getByTestId('round-facts').textContent).toContain('入选 1 / 名额 2');
    expect(screen.getByTestId('round-funnel').textContent).toBe('数据初选 4提交选题 3试讲 2入选 1');
    expect(screen.getByText('退出 1 人，未入选 1 人（记录保留）')).toBeTruthy();
  });

  it('puts each person in their stage’s column', () => {
    render(<Board entries={entries} stageName={(s) => s} actions={() => null} />);
    expect(within(screen.getByRole('listitem', { name: 'selected 1' })).getByText('人000003')).toBeTruthy();
    expect(within(screen.getByRole('listitem', { name: 'withdrawn 1' })).getByText('人000002')).toBeTruthy();
    expect(screen.getByRole('listitem', { name: 'invited 0' })).toBeTruthy();
  });
});
