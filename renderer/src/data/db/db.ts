// The Dexie database of one installation.

import Dexie, { type Table } from 'dexie';
import { atRestMiddleware } from './at-rest.ts';
import { applyMigrations } from './migrations/index.ts';
import type { DerivedRow, AuditEntry, ConflictRecord, ReviewPacketRecord, ScoreSheetRecord, TrainerRecord, RoundRecord, RubricTemplateRecord, TopicThemeRecord, FactBatchRecord, FactBlockRecord, PipelineRecord, ProfileRecord, ScreeningRunRecord, SettingRow, UserRecord } from './types.ts';

export class XinhuoDb extends Dexie {
  settings!: Table<SettingRow, string>;
  users!: Table<UserRecord, string>;
  audit!: Table<AuditEntry, string>;
  factBatches!: Table<FactBatchRecord, string>;
  factBlocks!: Table<FactBlockRecord, string>;
  profiles!: Table<ProfileRecord, string>;
  screeningRuns!: Table<ScreeningRunRecord, string>;
  pipeline!: Table<PipelineRecord, string>;
  conflicts!: Table<ConflictRecord, string>;
  reviewPackets!: Table<ReviewPacketRecord, string>;
  scoreSheets!: Table<ScoreSheetRecord, string>;
  trainers!: Table<TrainerRecord, string>;
  rounds!: Table<RoundRecord, string>;
  rubricTemplates!: Table<RubricTemplateRecord, string>;
  topicThemes!: Table<TopicThemeRecord, string>;
  /** Rebuildable data kept to start faster (migrations/v11.ts). */
  derived!: Table<DerivedRow, string>;

  constructor(name = 'xinhuo') {
    super(name);
    applyMigrations(this);
    // Rows of the tables holding personal data are sealed before IndexedDB stores them.
    this.use(atRestMiddleware(name));
  }
}

let current: XinhuoDb | null = null;

/** The database of this installation; opened lazily so tests and workers can choose the name. */
export function getDb(): XinhuoDb {
  current ??= new XinhuoDb();
  return current;
}

export function useDatabase(db: XinhuoDb): void {
  current = db;
}
