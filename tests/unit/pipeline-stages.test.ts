import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFinal, moveStage, nextStages, STAGES, StageMoveError, type PipelineEntry, type Stage } from '../../shared/domain/pipeline/stages.ts';
import { failureText } from '../../shared/domain/messages.ts';

const by = { userId: 'u1', userName: '王培训' };
const start: PipelineEntry = { employeeId: '000123', stage: 'shortlisted', history: [{ from: null, to: 'shortlisted', at: '2026-10-01T00:00:00Z', ...by }] };

describe('pipeline stages', () => {
  it('walks the happy path and records every move with who and when', () => {
    let e = start;
    for (const to of ['invited', 'topicSubmitted', 'trialScheduled', 'reviewed', 'selected'] as const) e = moveStage(e, to, by, `2026-10-0${e.history.length + 1}T00:00:00Z`);
    expect(e.stage).toBe('selected');
    expect(e.history.map((m) => [m.from, m.to])).toEqual([
      [null, 'shortlisted'],
      ['shortlisted', 'invited'],
      ['invited', 'topicSubmitted'],
      ['topicSubmitted', 'trialScheduled'],
      ['trialScheduled', 'reviewed'],
      ['reviewed', 'selected'],
    ]);
    expect(e.history[5]).toMatchObject({ userName: '王培训', at: '2026-10-06T00:00:00Z' });
    expect(start.history).toHaveLength(1); // the original entry is not changed
  });

  it('refuses skipped stages, moves out of a final stage, and withdrawal after review', () => {
    expect(() => moveStage(start, 'trialScheduled', by, 'x')).toThrow(StageMoveError);
    const refused = (() => {
      try {
        moveStage(start, 'trialScheduled', by, 'x');
      } catch (e) {
        return e as StageMoveError;
      }
    })()!;
    // The refusal is a code; each language renders it with the stages' names.
    expect(refused.failure).toEqual({ code: 'pipeline.badMove', params: { from: 'shortlisted', to: 'trialScheduled' } });
    expect(failureText(refused.failure)).toBe('不能从“数据初选”直接变为“已安排试讲”。');
    expect(failureText(refused.failure, 'en')).toBe('Cannot move from “Shortlisted” to “Trial lecture scheduled” directly.');
    const withdrawn = moveStage(start, 'withdrawn', by, 'x', '本人放弃');
    expect(withdrawn.history.at(-1)!.note).toBe('本人放弃');
    expect(() => moveStage(withdrawn, 'invited', by, 'y')).toThrow(StageMoveError);
    const reviewed: PipelineEntry = { ...start, stage: 'reviewed' };
    expect(() => moveStage(reviewed, 'withdrawn', by, 'x')).toThrow(StageMoveError);
  });

  it('ends every sequence of allowed moves in a final stage, never passing one', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 12 }), (choices) => {
        let e = start;
        for (const c of choices) {
          const options = nextStages(e.stage);
          if (!options.length) break;
          e = moveStage(e, options[c % options.length], by, 'x');
        }
        const passedFinal = e.history.slice(0, -1).some((m) => isFinal(m.to));
        expect(passedFinal).toBe(false);
        expect(STAGES).toContain(e.stage as Stage);
      }),
    );
  });
});
