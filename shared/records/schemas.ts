// Record schemas (DESIGN.md §4): the shape of every record kind that can leave an
// installation, with its schema version. Stored records, bundles and files are checked
// against these; the TypeScript types of the app derive from them.

import { z } from 'zod';
import { DATASET_NAMES } from '../domain/facts/datasets.ts';
import { STAGES } from '../domain/pipeline/stages.ts';
import { rubricSchema } from '../domain/review/rubric.ts';
import { criterionSchema, profileSchema } from '../domain/screening/profile.ts';

export const envelopeSchema = z.object({
  id: z.string().min(1).max(64),
  partition: z.string().min(1).max(200),
  origin: z.string().min(1).max(64),
  seq: z.number().int().min(0),
  hlc: z.string().min(1).max(120),
  deleted: z.boolean().default(false),
});

export const ROLE_NAMES = ['admin', 'officer', 'deptHead', 'reviewer', 'analyst'] as const;

const passwordHashSchema = z.object({
  algorithm: z.literal('PBKDF2-SHA-256'),
  iterations: z.number().int().min(1),
  salt: z.string(),
  hash: z.string(),
});

/** A user as it may travel: never with a password hash. */
export const userSchema = envelopeSchema.extend({
  userName: z.string().min(1).max(64),
  displayName: z.string().max(100),
  role: z.enum(ROLE_NAMES),
  department: z.string().max(200).nullable().default(null),
  createdAt: z.string(),
  /** A disabled account cannot sign in; it stays for the audit trail. */
  disabled: z.boolean().optional(),
});

/** Sign-in bookkeeping of a stored account: failures in a row, when it may try again, and a lock. */
const signInStateSchema = z.object({
  failedSignIns: z.number().int().min(0).optional(),
  /** ISO time before which a sign-in is refused (back-off after a failure). */
  retryAt: z.string().optional(),
  /** Set after too many failures in a row; an administrator's password reset clears it. */
  lockedAt: z.string().optional(),
});

/** A user as this installation stores it. */
export const storedUserSchema = userSchema.extend({ password: passwordHashSchema }).extend(signInStateSchema.shape);

/** Audit parameters are codes and plain values, rendered in the reader's language when shown. */
export const auditParamsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

export const auditEntrySchema = envelopeSchema.extend({
  at: z.string(),
  userId: z.string(),
  userName: z.string(),
  action: z.string().min(1).max(64),
  entity: z.string().max(64),
  entityId: z.string().nullable().default(null),
  params: auditParamsSchema.default({}),
  /** Entries written before audit codes existed keep their Chinese prose here. */
  legacySummary: z.string().optional(),
  /** The hash-chain link of this origin's trail (shared/records/audit-chain.ts). */
  chain: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});

export const profileRecordSchema = envelopeSchema.extend({
  profileId: z.string().min(1),
  version: z.number().int().min(1),
  name: z.string().min(1),
  criteria: z.array(criterionSchema),
  createdAt: z.string(),
  userName: z.string(),
});

const criterionResultSchema = z.object({ id: z.string(), passed: z.boolean(), value: z.number().nullable() });

export const screeningRunSchema = envelopeSchema.extend({
  profileId: z.string(),
  profileVersion: z.number().int(),
  profileName: z.string(),
  profile: profileSchema,
  asOf: z.string(),
  /** The import batches the run saw: the data snapshot. */
  batches: z.array(z.string()),
  population: z.number().int().min(0),
  candidates: z.array(z.object({ employeeId: z.string(), name: z.string(), department: z.string(), criteria: z.array(criterionResultSchema) })),
  nearMisses: z.array(z.object({ employeeId: z.string(), name: z.string(), department: z.string(), failed: z.array(z.string()) })),
  excludedCount: z.number().int().min(0),
  createdAt: z.string(),
  userName: z.string(),
  /** Set when the run was handed to the selection pipeline. */
  handedOff: z.object({ at: z.string(), userName: z.string(), added: z.number().int(), alreadyInPipeline: z.number().int() }).optional(),
});

const stageMoveSchema = z.object({
  from: z.enum(STAGES).nullable(),
  to: z.enum(STAGES),
  at: z.string(),
  userId: z.string(),
  userName: z.string(),
  note: z.string().optional(),
});

/** A candidate's micro-course topic (微课选题), in the template 问题-案例-解决方法; linked to a topic-list theme when there is one. */
export const candidateTopicSchema = z.object({
  title: z.string().min(1).max(200),
  painPoint: z.string().max(2000),
  audience: z.string().max(200),
  outline: z.string().max(4000),
  /** The topic-list theme it answers (a need from the survey), or null. */
  theme: z.string().max(200).nullable().default(null),
});

/** A 15-minute trial lecture (试讲) by default. */
export const trialSessionSchema = z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), time: z.string().regex(/^\d{2}:\d{2}$/), room: z.string().max(100), minutes: z.number().int().min(1).max(240) });

export const pipelineRecordSchema = envelopeSchema.extend({
  employeeId: z.string(),
  name: z.string(),
  department: z.string(),
  stage: z.enum(STAGES),
  history: z.array(stageMoveSchema),
  runId: z.string(),
  /** The selection round (选拔批次) the person is in; entries from before rounds have none until upgraded. */
  roundId: z.string().optional(),
  /** candidate / nearMiss: from the run; manual: added by the officer, with `reason`. */
  source: z.enum(['candidate', 'nearMiss', 'manual']),
  reason: z.string().max(500).optional(),
  profileName: z.string(),
  profileVersion: z.number().int(),
  asOf: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  topic: candidateTopicSchema.optional(),
  session: trialSessionSchema.optional(),
});

/** A selection round (选拔批次): from a saved screening run to the trainers it certifies. */
export const roundSchema = envelopeSchema.extend({
  name: z.string().min(1).max(200),
  /** The plant the round runs at (its name), as this installation calls it. */
  plant: z.string().max(200),
  startsOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  endsOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  /** How many trainers the round means to certify, if set. */
  quota: z.number().int().min(1).max(10_000).nullable(),
  /** The saved screening run it started from (null: the round made on upgrade from entries of several runs). */
  runId: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
});

/**
 * A rubric template (评审量表模板): criteria, weights and scale an officer starts a round's
 * rubric from. One record per template, its rubric's version counting the edits. Head office's
 * templates travel down to every plant, where they are read-only (总部下发).
 */
export const rubricTemplateSchema = envelopeSchema.extend({
  rubric: rubricSchema,
  updatedAt: z.string(),
  updatedBy: z.string().max(100),
});

/**
 * An entry of the topic list (微课主题清单): a theme micro-courses should cover, the business
 * pain point behind it, who asked for it. Typed in by an officer or taken from the imported
 * training-needs survey (with how many asked). Head office's entries travel down to every
 * plant, read-only there.
 */
export const topicThemeSchema = envelopeSchema.extend({
  theme: z.string().min(1).max(200),
  painPoint: z.string().max(2000).default(''),
  department: z.string().max(200).nullable(),
  skill: z.string().max(200).nullable(),
  asked: z.number().int().min(0).nullable(),
  source: z.enum(['typed', 'needs']),
  createdAt: z.string(),
  createdBy: z.string().max(100),
});

export const IMPORT_MODES = ['insert', 'upsert', 'replacePeriod', 'demo'] as const;

export const factBatchSchema = envelopeSchema.extend({
  dataset: z.enum(DATASET_NAMES),
  /** HLC of the batch: later batches win per key and field. */
  order: z.string(),
  fileName: z.string(),
  sha256: z.string().nullable(),
  mapping: z.record(z.string(), z.string()).nullable(),
  mode: z.enum(IMPORT_MODES),
  counts: z.object({ rows: z.number().int(), added: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), refused: z.number().int(), removed: z.number().int().optional() }),
  tombstones: z.array(z.string()).default([]),
  /** The fields the batch carries, when the file had only some columns (absent = all). */
  fields: z.array(z.string()).optional(),
  userId: z.string(),
  userName: z.string(),
  createdAt: z.string(),
  blockCount: z.number().int().min(0),
});

const stringColumn = z.array(z.string().nullable());
const numberColumn = z.custom<Float64Array>((v) => v instanceof Float64Array, 'expected a Float64Array');

export const factBlockSchema = envelopeSchema.extend({
  dataset: z.enum(DATASET_NAMES),
  batch: z.string(),
  index: z.number().int().min(0),
  rowCount: z.number().int().min(0),
  columns: z.record(z.string(), z.union([numberColumn, stringColumn])),
  meta: z.object({ plant: z.string().nullable(), periodMin: z.string().nullable(), periodMax: z.string().nullable() }),
});

/**
 * A losing version kept when two lineages of one partition (a database and its restored or
 * cloned copy) wrote the same record: never dropped, shown to the officer. One per record and
 * lineage, the newest of that lineage; the envelope is the loser's, under its own id.
 */
export const conflictSchema = envelopeSchema.extend({
  kind: z.string(),
  recordId: z.string(),
  lineage: z.string(),
  record: z.record(z.string(), z.unknown()),
});

const topicSchema = z.object({ title: z.string().max(200), painPoint: z.string().max(2000), audience: z.string().max(200), outline: z.string().max(4000), theme: z.string().max(200).nullable().optional() });

/**
 * A review packet (评审包): what one reviewer needs to score one round — candidates' display
 * names, departments, topics and session times, and the rubric. No performance data, no other
 * reviewer's scores.
 */
export const reviewPacketSchema = envelopeSchema.extend({
  packetId: z.string().min(1).max(64),
  roundId: z.string().min(1).max(64),
  roundName: z.string().max(200),
  reviewer: z.object({ id: z.string().min(1).max(64), name: z.string().max(100), role: z.enum(['training', 'business', 'employee']), department: z.string().max(200).nullable() }),
  rubric: rubricSchema,
  candidates: z
    .array(z.object({ candidateId: z.string().min(1).max(64), name: z.string().max(100), department: z.string().max(200), topic: topicSchema.nullable(), session: z.object({ date: z.string(), time: z.string(), room: z.string().max(100), minutes: z.number().int().min(1).max(240) }).nullable() }))
    .max(500),
  issuedAt: z.string(),
  issuedBy: z.string().max(100),
  /** The issuer's copy keeps the packet secret (base64), to read the score files that come back; the packet file carries its own. */
  secret: z.string().optional(),
  /** Conflicts of interest the officer overrode for this reviewer: candidate id → the reason given. */
  overrides: z.record(z.string(), z.string().max(500)).optional(),
});

/** One reviewer's scores of one candidate, from a score file or typed in from paper. */
export const scoreSheetSchema = envelopeSchema.extend({
  packetId: z.string().min(1).max(64),
  reviewerId: z.string().min(1).max(64),
  candidateId: z.string().min(1).max(64),
  rubricId: z.string(),
  rubricVersion: z.number().int().min(1),
  scores: z.record(z.string(), z.number()),
  comment: z.string().max(4000).default(''),
  /** Typed in by the officer from a paper score sheet. */
  paper: z.boolean().default(false),
  savedAt: z.string(),
});

export const TRAINER_GRADES = ['junior', 'intermediate', 'senior'] as const;

/** A certified internal trainer (内训师): who, at which grade and in which domain, from which round. */
export const trainerSchema = envelopeSchema.extend({
  employeeId: z.string().min(1).max(64),
  name: z.string().max(100),
  department: z.string().max(200),
  grade: z.enum(TRAINER_GRADES),
  domain: z.string().min(1).max(100),
  roundId: z.string().nullable(),
  roundName: z.string().max(200),
  /** The panel's score the decision used (trimmed mean where there was one), if any. */
  score: z.number().nullable(),
  certifiedAt: z.string(),
  userName: z.string(),
});

/** This installation: a plant or head office of an organisation. Local; a bundle names it. */
export const installationSchema = z.object({
  orgName: z.string().min(1),
  role: z.enum(['plant', 'hq']),
  plant: z.object({ code: z.string().min(1), name: z.string().min(1), region: z.string() }).nullable(),
  originId: z.string().min(1),
  createdAt: z.string(),
  /** Earlier origin ids of this database: a restore starts a new one, so that seqs cannot collide. */
  previousOrigins: z.array(z.string()).optional(),
});
export type Installation = z.output<typeof installationSchema>;

/** The per-origin write counter and hybrid logical clock of this installation. */
export interface Clock {
  seq: number;
  millis: number;
  counter: number;
}

/** Who makes a change: the signed-in user. */
export interface Actor {
  userId: string;
  userName: string;
}

/**
 * Every record kind, its current schema version and its schema. A kind's version goes up
 * when its shape changes in a way an older Xinhuo could not read; restore refuses records
 * from a newer version.
 */
export const RECORD_KINDS = {
  user: { version: 1, schema: storedUserSchema },
  audit: { version: 2, schema: auditEntrySchema },
  profile: { version: 1, schema: profileRecordSchema },
  screeningRun: { version: 1, schema: screeningRunSchema },
  pipeline: { version: 1, schema: pipelineRecordSchema },
  factBatch: { version: 2, schema: factBatchSchema },
  factBlock: { version: 1, schema: factBlockSchema },
  conflict: { version: 1, schema: conflictSchema },
  reviewPacket: { version: 1, schema: reviewPacketSchema },
  scoreSheet: { version: 1, schema: scoreSheetSchema },
  trainer: { version: 1, schema: trainerSchema },
  round: { version: 1, schema: roundSchema },
  rubricTemplate: { version: 1, schema: rubricTemplateSchema },
  topicTheme: { version: 1, schema: topicThemeSchema },
} as const;

export type RecordKind = keyof typeof RECORD_KINDS;
export const RECORD_KIND_NAMES = Object.keys(RECORD_KINDS) as RecordKind[];

export type Role = (typeof ROLE_NAMES)[number];
export type UserRecord = z.output<typeof storedUserSchema>;
export type TravellingUser = z.output<typeof userSchema>;
export type AuditParams = z.output<typeof auditParamsSchema>;
export type AuditEntry = z.output<typeof auditEntrySchema>;
export type ProfileRecord = z.output<typeof profileRecordSchema>;
export type ScreeningRunRecord = z.output<typeof screeningRunSchema>;
export type PipelineRecord = z.output<typeof pipelineRecordSchema>;
export type ImportMode = (typeof IMPORT_MODES)[number];
export type FactBatchRecord = z.output<typeof factBatchSchema>;
export type FactBlockRecord = z.output<typeof factBlockSchema>;
export type ConflictRecord = z.output<typeof conflictSchema>;
export type ReviewPacketRecord = z.output<typeof reviewPacketSchema>;
export type ScoreSheetRecord = z.output<typeof scoreSheetSchema>;
export type TrainerRecord = z.output<typeof trainerSchema>;
export type RoundRecord = z.output<typeof roundSchema>;
export type RubricTemplateRecord = z.output<typeof rubricTemplateSchema>;
export type TopicThemeRecord = z.output<typeof topicThemeSchema>;
export type TrainerGrade = (typeof TRAINER_GRADES)[number];

export interface RecordOf {
  user: UserRecord;
  audit: AuditEntry;
  profile: ProfileRecord;
  screeningRun: ScreeningRunRecord;
  pipeline: PipelineRecord;
  factBatch: FactBatchRecord;
  factBlock: FactBlockRecord;
  conflict: ConflictRecord;
  reviewPacket: ReviewPacketRecord;
  scoreSheet: ScoreSheetRecord;
  trainer: TrainerRecord;
  round: RoundRecord;
  rubricTemplate: RubricTemplateRecord;
  topicTheme: TopicThemeRecord;
}

/** A user without the password hash: the only form in which a user leaves the installation. */
export function travellingUser(user: UserRecord): TravellingUser {
  const { password: _password, ...rest } = user;
  return rest;
}
