// The selection pipeline's records: a saved screening run handed over becomes one entry per
// person at 数据初选; later stage moves follow the state machine of shared/domain/pipeline.

import { isFinal, moveStage, type Stage } from '../../../../shared/domain/pipeline/stages.ts';
import { change } from './change.ts';
import type { XinhuoDb } from '../db/db.ts';
import type { Actor, PipelineRecord, RoundRecord } from '../db/types.ts';
import type { ChangeContext } from '../../../../shared/records/store.ts';

export interface HandOffResult {
  added: number;
  /** People already in the pipeline at an open stage: not added twice. */
  alreadyInPipeline: number;
}

/** What the officer gives a new round; the rest comes from the run and the installation. */
export interface NewRound {
  name: string;
  startsOn: string;
  endsOn: string | null;
  quota: number | null;
}

/** Into which round a hand-off goes: one that exists, or a new one. */
export type RoundChoice = { roundId: string } | { create: NewRound };

async function roundFor(ctx: ChangeContext, actor: Actor, choice: RoundChoice, runId: string | null, now: string): Promise<RoundRecord> {
  if ('roundId' in choice) {
    const round = await ctx.get('round', choice.roundId);
    if (!round || round.deleted) throw new Error(`round ${choice.roundId} not found`);
    return round;
  }
  const { name, startsOn, endsOn, quota } = choice.create;
  const [round] = await ctx.put('round', { name: name.trim(), plant: ctx.installation.plant?.name ?? ctx.installation.orgName, startsOn, endsOn, quota, runId, createdAt: now, createdBy: actor.userName });
  ctx.audit('round.create', 'round', round.id, { name: round.name, quota: quota ?? '—' });
  return round;
}

/**
 * Hands a saved run to a selection round: every candidate, plus the near-misses the officer
 * picked (the hidden experts worth a second look). One transaction: the round, if new, and all
 * entries, or none.
 */
export async function handOffRun(db: XinhuoDb, actor: Actor, runId: string, nearMissIds: readonly string[] = [], choice?: RoundChoice): Promise<HandOffResult & { roundId: string }> {
  return change(db, actor, 'screening.handoff', ['screeningRun', 'pipeline', 'round'], async (ctx) => {
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
    // Without a choice the run starts a round of its own, named after it.
    const round = await roundFor(ctx, actor, choice ?? { create: { name: `${run.profileName} · ${run.asOf}`, startsOn: now.slice(0, 10), endsOn: null, quota: null } }, runId, now);
    const added = await ctx.put(
      'pipeline',
      ...people
      .filter((p) => !open.has(p.employeeId))
      .map((p) => ({
        employeeId: p.employeeId,
        name: p.name,
        department: p.department,
        stage: 'shortlisted' as const,
        history: [{ from: null, to: 'shortlisted' as const, at: now, userId: actor.userId, userName: actor.userName }],
        runId,
        roundId: round.id,
        source: p.source,
        profileName: run.profileName,
        profileVersion: run.profileVersion,
        asOf: run.asOf,
        createdAt: now,
        updatedAt: now,
      })),
    );
    const result = { added: added.length, alreadyInPipeline: people.length - added.length, roundId: round.id };
    // The run is marked as handed off where this installation owns it (single writer).
    if (run.partition === ctx.partition) await ctx.put('screeningRun', { ...run, handedOff: { at: now, userName: actor.userName, added: result.added, alreadyInPipeline: result.alreadyInPipeline } });
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

/**
 * Adds one person to a round by hand (a near-miss the officer knows, someone the run did not
 * reach), with the reason, which stays on the entry and in the audit trail. Refused when the
 * person is already in the round at an open stage.
 */
export async function addToRound(db: XinhuoDb, actor: Actor, roundId: string, person: { employeeId: string; name: string; department: string }, reason: string): Promise<PipelineRecord> {
  const why = reason.trim();
  if (!why) throw new Error('a reason is required to add someone by hand');
  return change(db, actor, 'pipeline.move', ['pipeline', 'round'], async (ctx) => {
    const round = await ctx.get('round', roundId);
    if (!round || round.deleted) throw new Error(`round ${roundId} not found`);
    const open = (await ctx.byIndex('pipeline', 'employeeId', person.employeeId)).find((x) => !x.deleted && !isFinal(x.stage));
    if (open) throw new Error(`${person.employeeId} is already in the pipeline`);
    const now = new Date().toISOString();
    const [entry] = await ctx.put('pipeline', {
      employeeId: person.employeeId,
      name: person.name,
      department: person.department,
      stage: 'shortlisted',
      history: [{ from: null, to: 'shortlisted', at: now, userId: actor.userId, userName: actor.userName, note: why }],
      runId: round.runId ?? '',
      roundId,
      source: 'manual',
      reason: why,
      profileName: '',
      profileVersion: 0,
      asOf: now.slice(0, 10),
      createdAt: now,
      updatedAt: now,
    });
    ctx.audit('round.addByHand', 'pipeline', entry.id, { round: round.name, employeeId: person.employeeId, name: person.name, reason: why });
    return entry;
  });
}

/**
 * Entries handed over before rounds existed become the first round (第一批), in one audited
 * change through the write path. Only this installation's own entries (single writer); a no-op
 * once every entry has a round. Run after sign-in.
 */
export async function upgradeToRounds(db: XinhuoDb, actor: Actor): Promise<RoundRecord | null> {
  // Index counts only: an entry without a round is missing from the roundId index.
  if ((await db.pipeline.count()) === (await db.pipeline.orderBy('roundId').count())) return null;
  return change(db, actor, 'system', ['pipeline', 'round'], async (ctx) => {
    const entries = (await ctx.all('pipeline')).filter((x) => !x.deleted && !x.roundId && x.partition === ctx.partition);
    if (!entries.length) return null;
    const dates = entries.map((x) => x.createdAt).sort();
    const runs = [...new Set(entries.map((x) => x.runId))];
    const [round] = await ctx.put('round', {
      name: '第一批',
      plant: ctx.installation.plant?.name ?? ctx.installation.orgName,
      startsOn: dates[0].slice(0, 10),
      endsOn: null,
      quota: null,
      runId: runs.length === 1 ? runs[0] : null,
      createdAt: new Date().toISOString(),
      createdBy: actor.userName,
    });
    await ctx.put('pipeline', ...entries.map((x) => ({ ...x, roundId: round.id })));
    ctx.audit('round.upgrade', 'round', round.id, { entries: entries.length });
    return round;
  });
}
