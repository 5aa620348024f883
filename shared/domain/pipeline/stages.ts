// The selection pipeline's stages and the moves between them (DESIGN.md §7). Every move is
// recorded with who and when; a move the state machine does not allow is refused.

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

export class StageMoveError extends Error {
  readonly from: Stage;
  readonly to: Stage;
  constructor(from: Stage, to: Stage) {
    super(`不能从“${STAGE_ZH[from]}”直接变为“${STAGE_ZH[to]}”。`);
    this.from = from;
    this.to = to;
  }
}

/** The entry after a move, with the move appended to its history; refuses moves NEXT does not list. */
export function moveStage<T extends PipelineEntry>(entry: T, to: Stage, by: { userId: string; userName: string }, at: string, note?: string): T {
  if (!NEXT[entry.stage].includes(to)) throw new StageMoveError(entry.stage, to);
  return { ...entry, stage: to, history: [...entry.history, { from: entry.stage, to, at, userId: by.userId, userName: by.userName, ...(note ? { note } : {}) }] };
}
