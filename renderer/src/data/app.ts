// What features call: the repositories and live queries of this installation's database,
// bound to it. Features never see the database, change() or Dexie (the layering rule refuses
// them); queries a department head can reach apply their scope here or in the workers.

import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { AuditParams } from '../../../shared/records/schemas.ts';
import type { Stage } from '../../../shared/domain/pipeline/stages.ts';
import type { Profile } from '../../../shared/domain/screening/profile.ts';
import type { ScreeningReport } from '../../../shared/domain/screening/report.ts';
import { queryAudit, recordAudit as recordAuditIn, type AuditFilter } from './records/audit-log.ts';
import { getDb } from './db/db.ts';
import { dropKey } from './records/at-rest-keys.ts';
import { liveBatches } from './facts/fact-store.ts';
import type { EmployeeRecords, TopicTheme } from './workers/handlers/records.ts';
import { factsClient } from './workers/facts-client.ts';
import { undoImport as undoImportIn } from './facts/import-store.ts';
import { sessionPolicy, setSessionPolicy as setSessionPolicyIn, setUp as setUpIn, signIn as signInIn, signOut as signOutIn, type SetupInput } from './records/installation.ts';
import { addToRound as addToRoundIn, handOffRun as handOffRunIn, moveEntry as moveEntryIn, type RoundChoice } from './records/pipeline-store.ts';
import { pipelineEntriesFor, selectionEntriesOf, viewerScope } from './records/scope.ts';
import { latestProfiles, saveProfile as saveProfileIn, saveRun as saveRunIn } from './records/screening-store.ts';
import type { Actor, PipelineRecord, ScoreSheetRecord } from './db/types.ts';
import type { Failure } from '../../../shared/domain/failure.ts';
import { change } from './records/change.ts';
import { withCandidateNames } from './reviewer.ts';
import { deleteRubricTemplate, rubricTemplates, saveRubricTemplate } from './records/rubric-store.ts';
import { addTopicTheme, removeTopicTheme, topicList, type TopicInput } from './records/topic-list-store.ts';
import type { Rubric } from '../../../shared/domain/review/rubric.ts';
import { decideRound as decideRoundIn, issuePackets as issuePacketsIn, roundPackets, storedRounds, type Certification, type IssueInput } from './records/review-store.ts';
import { createUser as createUserIn, resetPassword as resetPasswordIn, setUserDepartment as setUserDepartmentIn, setUserDisabled as setUserDisabledIn, type NewUser } from './records/users-store.ts';

/** The database's name, for workers that open it themselves. */
export const databaseName = (): string => getDb().name;

export const setUp = (input: SetupInput) => setUpIn(getDb(), input);
export const signIn = (userName: string, password: string) => signInIn(getDb(), userName, password);
export const signOut = (actor: Actor, reason?: 'user' | 'idle') => signOutIn(getDb(), actor, reason);
/** Forgets the database key in this window (a session that ended elsewhere). */
export const lockDatabase = () => dropKey(getDb());
/** The idle timeout of sessions on this installation. */
export const useSessionPolicy = () => useLiveQuery(() => sessionPolicy(getDb()), []);
export const setSessionPolicy = (actor: Actor, idleMinutes: number) => setSessionPolicyIn(getDb(), actor, { idleMinutes });

export const recordAudit = (actor: Actor, action: string, entity: string, entityId: string | null, params: AuditParams = {}) => recordAuditIn(getDb(), actor, action, entity, entityId, params);
export const useAuditEntries = (filter: AuditFilter) => useLiveQuery(() => queryAudit(getDb(), filter), [filter]);
/** Everything the audit log says about one record (an employee's page shows it). */
export const useEntityHistory = (entityId: string) => useLiveQuery(() => queryAudit(getDb(), { userName: null, action: null, text: '', from: null, to: null, entityId }), [entityId]);

export const useUsers = () => useLiveQuery(() => getDb().users.orderBy('userName').toArray(), []);
export const createUser = (actor: Actor, input: NewUser) => createUserIn(getDb(), actor, input);
export const setUserDisabled = (actor: Actor, userId: string, disabled: boolean) => setUserDisabledIn(getDb(), actor, userId, disabled);
export const resetPassword = (actor: Actor, userId: string, password: string) => resetPasswordIn(getDb(), actor, userId, password);
export const setUserDepartment = (actor: Actor, userId: string, department: string) => setUserDepartmentIn(getDb(), actor, userId, department);

export const useSavedProfiles = () => useLiveQuery(() => latestProfiles(getDb()), []);
export const useRecentRuns = (limit = 20) => useLiveQuery(() => getDb().screeningRuns.orderBy('createdAt').reverse().limit(limit).toArray(), [limit]);
export const saveProfile = (actor: Actor, profile: Profile) => saveProfileIn(getDb(), actor, profile);
export const saveRun = (actor: Actor, profile: Profile, report: ScreeningReport, batches: string[]) => saveRunIn(getDb(), actor, profile, report, batches);

/** The selection entries the signed-in user may see (a department head: their department). */
export const usePipelineEntries = (userId: string) => useLiveQuery(() => pipelineEntriesFor(getDb(), userId), [userId]);
export const handOffRun = (actor: Actor, runId: string, nearMissIds: readonly string[] = [], round?: RoundChoice) => handOffRunIn(getDb(), actor, runId, nearMissIds, round);
/**
 * One employee's selection entries the signed-in user may see, with their round's name: every
 * round they were in, withdrawn and not-selected ones included, newest first.
 */
export const useSelectionHistory = (employeeId: string, userId: string) =>
  useLiveQuery(async () => {
    const db = getDb();
    const entries = await selectionEntriesOf(db, userId, employeeId);
    const rounds = await db.rounds.bulkGet(entries.map((e) => e.roundId ?? ''));
    return entries.map((entry, i) => ({ entry, roundName: rounds[i]?.name ?? null })).sort((a, b) => b.entry.createdAt.localeCompare(a.entry.createdAt));
  }, [employeeId, userId]);
/** The selection rounds (选拔批次), newest first. */
export const useRounds = () => useLiveQuery(async () => (await getDb().rounds.toArray()).filter((r) => !r.deleted).sort((a, b) => b.createdAt.localeCompare(a.createdAt)), []);
export const addToRound = (actor: Actor, roundId: string, person: { employeeId: string; name: string; department: string }, reason: string) => addToRoundIn(getDb(), actor, roundId, person, reason);
/** A round's people as .xlsx, in the order shown (the workbook code loads on first use). */
export async function roundListFile(round: { name: string }, entries: readonly PipelineRecord[], language: 'zh-CN' | 'en'): Promise<{ bytes: Uint8Array; fileName: string }> {
  const { roundListWorkbook } = await import('../../../shared/io/round-list.ts');
  return { bytes: roundListWorkbook(entries, language), fileName: `${language === 'en' ? 'Selection round' : '选拔批次'}-${round.name}.xlsx` };
}
export const moveEntry = (actor: Actor, entryId: string, to: Stage, note?: string, details?: Parameters<typeof moveEntryIn>[5]) => moveEntryIn(getDb(), actor, entryId, to, note, details);

export const useImportBatches = () => useLiveQuery(async () => (await liveBatches(getDb())).reverse(), []);
export const undoImport = (actor: Actor, batchId: string) => undoImportIn(getDb(), actor, batchId);

/**
 * One employee's records (performance, ratings, activities, certificates) from the facts
 * worker, fetched again when the data changes (`version`): undefined while they load, null
 * when the employee is outside the signed-in user's scope.
 */
export function useEmployeeRecords(employeeId: string, userId: string, version: number): EmployeeRecords | null | undefined {
  const key = `${employeeId}|${userId}|${version}`;
  const [state, setState] = useState<{ key: string; records: EmployeeRecords | null } | null>(null);
  useEffect(() => {
    let stale = false;
    void factsClient()
      .call('employeeRecords', { dbName: getDb().name, userId, employeeId })
      .then((records) => {
        if (!stale) setState({ key, records });
      });
    return () => {
      stale = true;
    };
  }, [key, employeeId, userId]);
  return state?.key === key ? state.records : undefined;
}

export type { EmployeeRecords } from './workers/handlers/records.ts';

export const issueReviewPackets = (actor: Actor, input: IssueInput) => issuePacketsIn(getDb(), actor, input);
/** Rubric templates to start a round's rubric from: the built-in one, head office's, this installation's. */
export const useRubricTemplates = () => useLiveQuery(() => rubricTemplates(getDb()), []);
export const saveRubric = (actor: Actor, rubric: Rubric) => saveRubricTemplate(getDb(), actor, rubric);
export const deleteRubric = (actor: Actor, id: string) => deleteRubricTemplate(getDb(), actor, id);
/** The rubric a round's packets went out with (frozen from then on), or null before the first packet. */
export const useIssuedRubric = (roundId: string | null) =>
  useLiveQuery(async () => (roundId ? ((await getDb().reviewPackets.where('roundId').equals(roundId).toArray()).find((p) => !p.deleted)?.rubric ?? null) : null), [roundId]);
export type { RubricChoice } from './records/rubric-store.ts';
/** The topic list (微课主题清单): this installation's entries and head office's. */
export const useTopicList = () => useLiveQuery(() => topicList(getDb()), []);
export const addTopic = (actor: Actor, input: TopicInput) => addTopicTheme(getDb(), actor, input);
export const removeTopic = (actor: Actor, id: string) => removeTopicTheme(getDb(), actor, id);
export { themeKey, type TopicEntry, type TopicInput } from './records/topic-list-store.ts';
export const useStoredRounds = () => useLiveQuery(() => storedRounds(getDb()), []);
/**
 * The tally of a round this installation issued. New score files (or typed paper sheets) are
 * verified against the round's packets and kept with the round: per reviewer the latest
 * export counts, so leaving the screen, or importing a file again, changes nothing.
 */
export async function tallyStoredRound(actor: Actor, roundId: string, scoreFiles: { name: string; bytes: Uint8Array }[]) {
  const db = getDb();
  // A department head reads their department's candidates only; the panel's arithmetic still
  // runs over the whole round (an outlying reviewer is one far from the whole panel).
  const scope = await viewerScope(db, actor.userId);
  const packets = await roundPackets(db, roundId);
  const { readScoreFile } = await import('../../../shared/bundle/review.ts');
  const { tally } = await import('../../../shared/domain/review/rubric.ts');
  const { decodeHlc } = await import('../../../shared/domain/sync/envelope.ts');
  const rubric = packets.map((p) => p.packet.rubric).sort((a, b) => b.version - a.version)[0] ?? null;
  const issued = new Map(packets.map((p) => [p.packet.packetId, { packetId: p.packet.packetId, reviewerId: p.packet.reviewer.id, secret: p.secret, rubric: p.packet.rubric, candidates: p.packet.candidates.map((c) => c.candidateId) }]));
  const rejected: { file: string; failure: Failure }[] = [];
  const stored = (await db.scoreSheets.where('packetId').anyOf([...issued.keys()]).toArray()).filter((x) => !x.deleted);
  const incoming: ScoreSheetRecord[] = [];
  for (const f of scoreFiles) {
    const r = await readScoreFile(f.bytes, issued, rubric?.version ?? 1);
    if (r.ok) incoming.push(...r.value.sheets);
    else rejected.push({ file: f.name, failure: r.failure });
  }
  // An export stamps all its sheets with one clock reading: per packet, the newest export wins.
  const stamp = (x: { hlc: string }) => decodeHlc(x.hlc).millis;
  const latest = new Map<string, number>();
  for (const x of [...stored, ...incoming]) latest.set(x.packetId, Math.max(latest.get(x.packetId) ?? 0, stamp(x)));
  const keep = [...stored, ...incoming].filter((x) => stamp(x) === latest.get(x.packetId));
  const keepIds = new Set(keep.map((x) => x.id));
  if (incoming.length) {
    await change(db, actor, 'pipeline.move', ['scoreSheet'], async (ctx) => {
      const gone = stored.filter((x) => !keepIds.has(x.id) || keep.find((k) => k.id === x.id)?.hlc !== x.hlc).map((x) => x.id);
      if (gone.length) await ctx.purge('scoreSheet', gone);
      await ctx.applyRemote('scoreSheet', keep.filter((x) => !stored.some((st) => st.id === x.id && st.hlc === x.hlc)));
      ctx.audit('review.scoresImported', 'round', roundId, { files: scoreFiles.length - rejected.length, refused: rejected.length, paper: incoming.filter((x) => x.paper).length });
    });
  }
  const scores = keep.flatMap((x) => Object.entries(x.scores).map(([criterion, score]) => ({ reviewer: x.reviewerId, candidateId: x.candidateId, criterion, score })));
  const assigned: Record<string, string[]> = {};
  for (const p of issued.values()) for (const c of p.candidates) (assigned[c] ??= []).push(p.reviewerId);
  const paper = new Set(keep.filter((x) => x.paper).map((x) => x.reviewerId));
  return {
    candidates: withCandidateNames(packets, rubric ? tally(rubric, scores, { assigned }) : []).filter((c) => scope === null || c.department === scope),
    rejected,
    reviewers: packets.map((p) => ({ id: p.packet.reviewer.id, name: p.packet.reviewer.name, paper: paper.has(p.packet.reviewer.id) })),
    rubric,
    returned: new Set(keep.map((x) => x.packetId)).size,
  };
}
export type { IssueInput, StoredRound } from './records/review-store.ts';

export const decideRound = (actor: Actor, round: { roundId: string; roundName: string; reviewed: string[] }, chosen: Certification[], reason: string) => decideRoundIn(getDb(), actor, round, chosen, reason);
/** An employee's trainer certifications (内训师), newest first. */
export const useTrainer = (employeeId: string) => useLiveQuery(async () => (await getDb().trainers.where('employeeId').equals(employeeId).toArray()).filter((t) => !t.deleted).sort((a, b) => b.certifiedAt.localeCompare(a.certifiedAt)), [employeeId]);
export type { Certification } from './records/review-store.ts';
/** The trainers a round certified. */
export const useRoundTrainers = (roundId: string) => useLiveQuery(async () => (await getDb().trainers.toArray()).filter((t) => !t.deleted && t.roundId === roundId).sort((a, b) => (b.score ?? 0) - (a.score ?? 0)), [roundId]);
/** The round's final trainer list as .xlsx (the workbook code loads on first use). */
export async function trainerListFile(roundId: string): Promise<{ bytes: Uint8Array; fileName: string }> {
  const trainers = (await getDb().trainers.toArray()).filter((t) => !t.deleted && t.roundId === roundId).sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
  const { trainerListWorkbook } = await import('../../../shared/io/trainer-list.ts');
  return { bytes: trainerListWorkbook(trainers), fileName: `培训师名单-${trainers[0]?.roundName ?? roundId}.xlsx` };
}

/** Themes for the topic list (微课主题清单), proposed from the imported training-needs survey. */
export function useTopicThemes(version: number): TopicTheme[] | undefined {
  const [state, setState] = useState<{ version: number; themes: TopicTheme[] } | null>(null);
  useEffect(() => {
    let stale = false;
    void factsClient()
      .call('topicThemes', { dbName: getDb().name })
      .then((themes) => {
        if (!stale) setState({ version, themes });
      });
    return () => {
      stale = true;
    };
  }, [version]);
  return state?.version === version ? state.themes : undefined;
}
export type { TopicTheme } from './workers/handlers/records.ts';
/** The packets of a round this installation issued (with what a paper score sheet needs). */
export const useRoundPackets = (roundId: string) => useLiveQuery(async () => (await roundPackets(getDb(), roundId)).map((p) => p.packet), [roundId]);
/** A score file typed in from a reviewer's paper sheet, signed with that packet's key as the reviewer's would be, its sheets marked paper. */
export async function paperScoreFile(roundId: string, packetId: string, scores: Record<string, Record<string, number>>): Promise<{ name: string; bytes: Uint8Array }> {
  const p = (await roundPackets(getDb(), roundId)).find((x) => x.packet.packetId === packetId);
  if (!p) throw new Error(`packet ${packetId} is not in round ${roundId}`);
  const { writeScoreFile } = await import('../../../shared/bundle/review.ts');
  const { encodeHlc } = await import('../../../shared/domain/sync/envelope.ts');
  const now = Date.now();
  const origin = `${p.packet.packetId}:${p.packet.reviewer.id}`;
  const sheets = Object.entries(scores).map(([candidateId, s], i) => ({ id: `${p.packet.packetId}-${candidateId}`, partition: `review:${p.packet.packetId}:${p.packet.reviewer.id}`, origin, seq: i + 1, hlc: encodeHlc({ millis: now, counter: i }, origin), deleted: false, packetId: p.packet.packetId, reviewerId: p.packet.reviewer.id, candidateId, rubricId: p.packet.rubric.id, rubricVersion: p.packet.rubric.version, scores: s, comment: '', paper: true, savedAt: new Date(now).toISOString() }));
  const file = await writeScoreFile(p, sheets, new Date(now));
  return { name: `纸质-${file.fileName}`, bytes: file.bytes };
}
/** Whether this installation's audit chain holds (every entry it wrote, linked by hash). */
export const useAuditChain = () =>
  useLiveQuery(async () => {
    const db = getDb();
    const installation = (await db.settings.get('installation'))?.value as { originId: string } | undefined;
    if (!installation) return null;
    const { checkChain } = await import('../../../shared/records/audit-chain.ts');
    return checkChain((await db.audit.toArray()).filter((e) => e.origin === installation.originId), installation.originId);
  }, []);
