// The selection pipeline's records: a saved screening run handed over becomes one entry per
// person at 数据初选; later stage moves follow the state machine of shared/domain/pipeline.

import { isFinal, moveStage, type Stage } from '../../../../shared/domain/pipeline/stages.ts';
import { change } from './change.ts';
import type { XinhuoDb } from '../db/db.ts';
import type { Actor, PipelineRecord } from '../db/types.ts';

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
  return change(db, actor, 'screening.handoff', ['screeningRun', 'pipeline'], async (ctx) => {
    const run = await ctx.get('screeningRun', runId);
    if (!run || run.deleted) throw new Error(`screening run ${runId} not found`);
    const picked = new Set(nearMissIds);
    const unknown = [...picked].filter((id) => !run.nearMisses.some((x) => x.employeeId === id));
    if (unknown.length) throw new Error(`not near-misses of this run: ${unknown.join(', ')}`);
    const people = [...run.candidates.map((p) => ({ ...p, source: 'candidate' as const })), ...run.nearMisses.filter((p) => picked.has(p.employeeId)).map((p) => ({ ...p, source: 'nearMiss' as const }))];
    const wanted = new Set(people.map((p) => p.employeeId));
    const existing = (await ctx.all('pipeline')).filter((x) => wanted.has(x.employeeId));
    const open = new Set(existing.filter((x) => !x.deleted && !isFinal(x.stage)).map((x) => x.employeeId));
    const now = new Date().toISOString();
    const added = await ctx.put(
      'pipeline',
      ...people
      .filter((p) => !open.has(p.employeeId))
      .map((p) => ({
        employeeId: p.employeeId,
        name: p.name,
        department: p.department,
        stage: 'shortlisted' as const,
        history: [{ from: null, to: 'shortlisted' as const, at: now, userId: actor.userId, userName: actor.userName, note: `${run.profileName}（第${run.profileVersion}版），截至 ${run.asOf}` }],
        runId,
        source: p.source,
        profileName: run.profileName,
        profileVersion: run.profileVersion,
        asOf: run.asOf,
        createdAt: now,
        updatedAt: now,
      })),
    );
    const result = { added: added.length, alreadyInPipeline: people.length - added.length };
    // The run is marked as handed off where this installation owns it (single writer).
    if (run.partition === ctx.partition) await ctx.put('screeningRun', { ...run, handedOff: { at: now, userName: actor.userName, ...result } });
    ctx.audit('pipeline.handoff', 'screeningRun', runId, { name: run.profileName, version: run.profileVersion, asOf: run.asOf, added: result.added, already: result.alreadyInPipeline });
    return result;
  });
}

/** Moves an entry to another stage, as the state machine allows; refuses anything else. */
export async function moveEntry(db: XinhuoDb, actor: Actor, entryId: string, to: Stage, note?: string, details: Pick<PipelineRecord, 'topic' | 'session'> = {}): Promise<PipelineRecord> {
  return change(db, actor, 'pipeline.move', ['pipeline'], async (ctx) => {
    const entry = await ctx.get('pipeline', entryId);
    if (!entry || entry.deleted) throw new Error(`pipeline entry ${entryId} not found`);
    const now = new Date().toISOString();
    // A topic comes with 已提交选题, a trial lecture with 已安排试讲: what the stage stands for is kept on the entry.
    const [moved] = await ctx.put('pipeline', { ...moveStage(entry, to, actor, now, note), ...details, updatedAt: now });
    ctx.audit('pipeline.move', 'pipeline', entry.id, { name: entry.name, employeeId: entry.employeeId, from: entry.stage, to, note: note ?? null });
    return moved;
  });
}
