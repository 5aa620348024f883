// Local shapes of the renderer's database. Record shapes live in shared/records/schemas.ts;
// settings are local to one installation and never leave it.

import type { DatasetName } from '../../../../shared/domain/facts/datasets.ts';
import type { Clock, Installation, UserRecord } from '../../../../shared/records/schemas.ts';
import type { HeldBundle, SyncState, TrustState } from '../../../../shared/records/sync-state.ts';
import type { AtRestKeys, SessionPolicy } from '../../../../shared/records/store.ts';

export type { Actor, AuditEntry, Clock, ConflictRecord, ReviewPacketRecord, ScoreSheetRecord, TrainerGrade, TrainerRecord, RoundRecord, RubricTemplateRecord, TopicThemeRecord, FactBatchRecord, FactBlockRecord, ImportMode, Installation, PipelineRecord, ProfileRecord, Role, ScreeningRunRecord, UserRecord } from '../../../../shared/records/schemas.ts';

export type PasswordHash = UserRecord['password'];

export interface Identity {
  algorithm: 'Ed25519' | null;
  publicKey: string | null;
  /** Non-extractable where the platform allows; null when Ed25519 is unavailable. */
  privateKey: CryptoKey | null;
  extractable: boolean;
}

export type SettingRow =
  | { key: 'installation'; value: Installation }
  | { key: 'identity'; value: Identity }
  | { key: 'clock'; value: Clock }
  | { key: 'importMappings'; value: Record<string, SavedMapping> }
  | { key: 'sync'; value: SyncState }
  | { key: 'held'; value: HeldBundle[] }
  | { key: 'trust'; value: TrustState }
  | { key: 'auditChain'; value: { origin: string; last: string } }
  | { key: 'session'; value: SessionPolicy }
  | { key: 'atRest'; value: AtRestKeys };

/** A row of the derived table: rebuildable from the records, valid while its signature matches. */
export interface DerivedRow {
  id: string;
  signature: string;
  [field: string]: unknown;
}

/** A column mapping remembered for a source, keyed by its header signature. */
export interface SavedMapping {
  dataset: DatasetName;
  fields: Record<string, string>;
  savedAt: string;
}

