// The officer's side of panel review: review packets issued from selection entries (one per
// reviewer, with the conflict-of-interest rule), kept with their secrets so that the score
// files that come back can be verified and read; and the tally of a round.

import { conflictKey, panelConflicts, type PanelMember } from '../../../../shared/domain/review/panel.ts';
import { DEFAULT_RUBRIC, type Rubric } from '../../../../shared/domain/review/rubric.ts';
import { canonicalJson } from '../../../../shared/bundle/encoding.ts';
import { FailureError, failure } from '../../../../shared/domain/failure.ts';
import { fromBase64, toBase64 } from '../../../../shared/bundle/encoding.ts';
import type { XinhuoDb } from '../db/db.ts';
import type { Actor, ReviewPacketRecord, TrainerGrade } from '../db/types.ts';
import { isFinal, moveStage } from '../../../../shared/domain/pipeline/stages.ts';
import { change, recordStore } from './change.ts';

export interface IssueInput {
  /** The selection round the packets belong to; a new id when the panel is not tied to one. */
  roundId?: string;
  roundName: string;
  entryIds: string[];
  reviewers: PanelMember[];
  /** `${reviewer index}|${candidate id}` → why the officer assigns a reviewer a candidate of their own department. */
  overrides: Record<string, string>;
  rubric?: Rubric;
}

const bundles = () => import('../../../../shared/bundle/review.ts');

export async function issuePackets(db: XinhuoDb, actor: Actor, input: IssueInput): Promise<{ roundId: string; files: { name: string; bytes: Uint8Array }[] }> {
  const { ensureOwnKeys, readTrust } = await import('../../../../shared/bundle/trust.ts');
  const { randomBytes } = await import('../../../../shared/bundle/keys.ts');
  const store = recordStore(db);
  const keys = await ensureOwnKeys(store, actor);
  const trust = await readTrust(store);
  const entries = (await db.pipeline.bulkGet(input.entryIds)).filter((e): e is NonNullable<typeof e> => !!e && !e.deleted);
  const candidates = entries.map((e) => ({ candidateId: e.employeeId, name: e.name, department: e.department, topic: e.topic ?? null, session: e.session ?? null }));
  const unresolved = panelConflicts(input.reviewers, candidates).filter((c) => !input.overrides[conflictKey(c)]?.trim());
  if (unresolved.length) throw new FailureError(failure('review.conflict', { reviewer: input.reviewers[unresolved[0].reviewer].name, candidate: unresolved[0].candidateId, count: unresolved.length }));
  const roundId = input.roundId ?? crypto.randomUUID();
  const rubric = input.rubric ?? DEFAULT_RUBRIC;
  const secrets = input.reviewers.map(() => randomBytes(32));
  const now = new Date();
  const records = await change(db, actor, 'pipeline.move', ['reviewPacket'], async (ctx) => {
    // The round's rubric is frozen once its first packets are out: every reviewer of a round
    // scores on the same criteria, weights and scale, or the tally would mix two rubrics.
    const issued = (await ctx.all('reviewPacket')).find((p) => p.roundId === roundId && !p.deleted);
    if (issued && canonicalJson(issued.rubric) !== canonicalJson(rubric)) throw new FailureError(failure('review.rubricFrozen', { round: input.roundName, rubric: `${issued.rubric.name} v${issued.rubric.version}` }));
    const out: ReviewPacketRecord[] = [];
    for (const [i, r] of input.reviewers.entries()) {
      const overrides = Object.fromEntries(Object.entries(input.overrides).filter(([k, v]) => k.startsWith(`${i}|`) && v.trim()).map(([k, v]) => [k.slice(k.indexOf('|') + 1), v.trim()]));
      const packetId = crypto.randomUUID();
      const [rec] = await ctx.put('reviewPacket', { packetId, roundId, roundName: input.roundName, reviewer: { id: `R${String(i + 1).padStart(2, '0')}`, name: r.name, role: r.role, department: r.department }, rubric, candidates, issuedAt: now.toISOString(), issuedBy: actor.userName, secret: toBase64(secrets[i]), ...(Object.keys(overrides).length ? { overrides } : {}) });
      out.push(rec);
      for (const [candidateId, reason] of Object.entries(overrides)) ctx.audit('review.conflictOverridden', 'reviewPacket', packetId, { reviewer: r.name, candidate: candidateId, reason });
    }
    ctx.audit('review.packetsIssued', 'round', roundId, { round: input.roundName, reviewers: input.reviewers.length, candidates: candidates.length });
    return out;
  });
  const { writeReviewPacket } = await bundles();
  const files = [];
  for (const [i, rec] of records.entries()) {
    const written = await writeReviewPacket({ orgId: trust.org?.orgId ?? 'local', origin: rec.origin, keys }, rec, now, secrets[i]);
    files.push({ name: written.fileName, bytes: written.bytes });
  }
  return { roundId, files };
}

export interface StoredRound {
  roundId: string;
  roundName: string;
  issuedAt: string;
  reviewers: string[];
  candidates: number;
}

export async function storedRounds(db: XinhuoDb): Promise<StoredRound[]> {
  const rounds = new Map<string, StoredRound>();
  for (const p of await db.reviewPackets.toArray()) {
    if (p.deleted || !p.secret) continue;
    const r = rounds.get(p.roundId) ?? { roundId: p.roundId, roundName: p.roundName, issuedAt: p.issuedAt, reviewers: [], candidates: p.candidates.length };
    r.reviewers.push(p.reviewer.name);
    rounds.set(p.roundId, r);
  }
  return [...rounds.values()].sort((a, b) => b.issuedAt.localeCompare(a.issuedAt));
}

/** The packets of a stored round, as the tally reads them: each with its secret. */
export async function roundPackets(db: XinhuoDb, roundId: string) {
  const packets = await db.reviewPackets.where('roundId').equals(roundId).toArray();
  return packets.filter((p) => !p.deleted && p.secret).map((p) => ({ packet: p, secret: fromBase64(p.secret!) }));
}

export interface Certification {
  employeeId: string;
  grade: TrainerGrade;
  domain: string;
  score: number | null;
}

/**
 * The round's decision: each person chosen becomes a trainer (their selection entry moves to
 * 入选, through 评审完成 when they had their trial lecture), everyone else reviewed in the round
 * moves to 未入选; every move records who, when and why. People elsewhere in the pipeline are
 * left where they are and reported.
 */
export async function decideRound(db: XinhuoDb, actor: Actor, round: { roundId: string; roundName: string; reviewed: string[] }, chosen: Certification[], reason: string): Promise<{ certified: string[]; notSelected: string[]; skipped: string[] }> {
  return change(db, actor, 'pipeline.move', ['pipeline', 'trainer'], async (ctx) => {
    const now = new Date().toISOString();
    const out = { certified: [] as string[], notSelected: [] as string[], skipped: [] as string[] };
    const picked = new Map(chosen.map((c) => [c.employeeId, c]));
    for (const employeeId of round.reviewed) {
      const [entry] = (await ctx.byIndex('pipeline', 'employeeId', employeeId)).filter((e) => !e.deleted && !isFinal(e.stage));
      if (!entry || (entry.stage !== 'trialScheduled' && entry.stage !== 'reviewed')) {
        out.skipped.push(employeeId);
        continue;
      }
      let e = entry.stage === 'trialScheduled' ? moveStage(entry, 'reviewed', actor, now, round.roundName) : entry;
      const c = picked.get(employeeId);
      e = moveStage(e, c ? 'selected' : 'rejected', actor, now, reason || round.roundName);
      await ctx.put('pipeline', { ...e, updatedAt: now });
      if (c) {
        await ctx.put('trainer', { employeeId, name: entry.name, department: entry.department, grade: c.grade, domain: c.domain, roundId: round.roundId, roundName: round.roundName, score: c.score, certifiedAt: now, userName: actor.userName });
        ctx.audit('review.trainerCertified', 'employee', employeeId, { name: entry.name, grade: c.grade, domain: c.domain, round: round.roundName });
        out.certified.push(employeeId);
      } else out.notSelected.push(employeeId);
    }
    ctx.audit('review.decided', 'round', round.roundId, { round: round.roundName, certified: out.certified.length, notSelected: out.notSelected.length, reason });
    return out;
  });
}
