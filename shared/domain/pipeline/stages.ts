// The selection pipeline's stages and the moves between them (DESIGN.md §7). Every move is
// recorded with who and when; a move the state machine does not allow is refused.

import { failure, FailureError } from '../failure.ts';

export const STAGES = ['shortlisted', 'invited', 'topicSubmitted', 'trialScheduled', 'reviewed', 'selected', 'rejected', 'withdrawn'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_ZH: Record<Stage, string> = {
  shortlisted: '数据初选',
  invited: '已邀请',
  topicSubmitted: '已提交选题',
  trialScheduled: '已安排试讲',
  reviewed: '已评审',
  selected: '入选',
  rejected: '未入选',
  withdrawn: '退出',
};

export const STAGE_EN: Record<Stage, string> = {
  shortlisted: 'Shortlisted',
  invited: 'Invited',
  topicSubmitted: 'Topic submitted',
  trialScheduled: 'Trial lecture scheduled',
  reviewed: 'Reviewed',
  selected: 'Selected',
  rejected: 'Not selected',
  withdrawn: 'Withdrawn',
};

const NEXT: Record<Stage, readonly Stage[]> = {
  shortlisted: ['invited', 'withdrawn'],
  invited: ['topicSubmitted', 'withdrawn'],
  topicSubmitted: ['trialScheduled', 'withdrawn'],
  trialScheduled: ['reviewed', 'withdrawn'],
  reviewed: ['selected', 'rejected'],
  selected: [],
  rejected: [],
  withdrawn: [],
};

/** Stages a person leaves the pipeline in. */
export const isFinal = (stage: Stage): boolean => NEXT[stage].length === 0;

export const nextStages = (stage: Stage): readonly Stage[] => NEXT[stage];

export interface StageMove {
  from: Stage | null;
  to: Stage;
  at: string;
  userId: string;
  userName: string;
  note?: string;
}

export interface PipelineEntry {
  employeeId: string;
  stage: Stage;
  history: StageMove[];
}

/** A move the state machine refuses: the failure pipeline.badMove, rendered where it is shown. */
export class StageMoveError extends FailureError<'pipeline.badMove'> {
  readonly from: Stage;
  readonly to: Stage;
  constructor(from: Stage, to: Stage) {
    super(failure('pipeline.badMove', { from, to }));
    this.from = from;
    this.to = to;
  }
}

/** The entry after a move, with the move appended to its history; refuses moves NEXT does not list. */
export function moveStage<T extends PipelineEntry>(entry: T, to: Stage, by: { userId: string; userName: string }, at: string, note?: string): T {
  if (!NEXT[entry.stage].includes(to)) throw new StageMoveError(entry.stage, to);
  return { ...entry, stage: to, history: [...entry.history, { from: entry.stage, to, at, userId: by.userId, userName: by.userName, ...(note ? { note } : {}) }] };
}
