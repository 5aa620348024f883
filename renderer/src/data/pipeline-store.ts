// The selection pipeline's records: a saved screening run handed over becomes one entry per
// person at 数据初选; later stage moves follow the state machine of shared/domain/pipeline.

import { isFinal, moveStage, STAGE_ZH, type Stage } from '../../../shared/domain/pipeline/stages.ts';
import { change } from './change.ts';
import type { XinhuoDb } from './db.ts';
import type { Actor, PipelineRecord } from './types.ts';

export interface HandOffResult {
  added: number;
  /** People already in the pipeline at an open stage: not added twice. */
  alreadyInPipeline: number;
}

/**
 * Hands a saved run to the pipeline: every candidate, plus the near-misses the officer picked
 * (the hidden experts worth a second look). One transaction: all entries or none.
 */
export async function handOffRun(db: XinhuoDb, actor: Actor, runId: string, nearMissIds: readonly string[] = []): Promise<HandOffResult> {
  return change(db, actor, [db.screeningRuns, db.pipeline], async (ctx) => {
    const run = await db.screeningRuns.get(runId);
    if (!run || run.deleted) throw new Error(`screening run ${runId} not found`);
    const picked = new Set(nearMissIds);
    const unknown = [...picked].filter((id) => !run.nearMisses.some((x) => x.employeeId === id));
    if (unknown.length) throw new Error(`not near-misses of this run: ${unknown.join(', ')}`);
    const people = [...run.candidates.map((p) => ({ ...p, source: 'candidate' as const })), ...run.nearMisses.filter((p) => picked.has(p.employeeId)).map((p) => ({ ...p, source: 'nearMiss' as const }))];
    const existing = await db.pipeline.where('employeeId').anyOf(people.map((p) => p.employeeId)).toArray();
    const open = new Set(existing.filter((x) => !x.deleted && !isFinal(x.stage)).map((x) => x.employeeId));
    const now = new Date().toISOString();
    const added: PipelineRecord[] = people
      .filter((p) => !open.has(p.employeeId))
      .map((p) => ({
        ...ctx.stamp(),
        employeeId: p.employeeId,
        name: p.name,
        department: p.department,
        stage: 'shortlisted',
        history: [{ from: null, to: 'shortlisted', at: now, userId: actor.userId, userName: actor.userName, note: `${run.profileName}（第${run.profileVersion}版），截至 ${run.asOf}` }],
        runId,
        source: p.source,
        profileName: run.profileName,
        profileVersion: run.profileVersion,
        asOf: run.asOf,
        createdAt: now,
        updatedAt: now,
      }));
    await db.pipeline.bulkAdd(added);
    const result = { added: added.length, alreadyInPipeline: people.length - added.length };
    // The run is marked as handed off where this installation owns it (single writer).
    if (run.partition === ctx.partition) await db.screeningRuns.put({ ...run, ...ctx.stamp(run.partition, run.id), handedOff: { at: now, userName: actor.userName, ...result } });
    ctx.audit('pipeline.handoff', 'screeningRun', runId, `${run.profileName}（第${run.profileVersion}版，截至 ${run.asOf}）加入选拔流程：新增 ${result.added} 人${result.alreadyInPipeline ? `，${result.alreadyInPipeline} 人已在流程中` : ''}`);
    return result;
  });
}

/** Moves an entry to another stage, as the state machine allows; refuses anything else. */
export async function moveEntry(db: XinhuoDb, actor: Actor, entryId: string, to: Stage, note?: string): Promise<PipelineRecord> {
  return change(db, actor, [db.pipeline], async (ctx) => {
    const entry = await db.pipeline.get(entryId);
    if (!entry || entry.deleted) throw new Error(`pipeline entry ${entryId} not found`);
    const now = new Date().toISOString();
    const moved = { ...moveStage(entry, to, actor, now, note), ...ctx.stamp(entry.partition, entry.id), updatedAt: now };
    await db.pipeline.put(moved);
    ctx.audit('pipeline.move', 'pipeline', entry.id, `${entry.name}（${entry.employeeId}）：${STAGE_ZH[entry.stage]} → ${STAGE_ZH[to]}${note ? `（${note}）` : ''}`);
    return moved;
  });
}
