// Stored record shapes. Records carry the sync envelope; settings are local to one
// installation and never leave it.

import type { Envelope } from '../../../shared/domain/sync/envelope.ts';
import type { Column } from '../../../shared/domain/facts/columns.ts';
import type { DatasetName } from '../../../shared/domain/facts/datasets.ts';
import type { Criterion, Profile } from '../../../shared/domain/screening/profile.ts';
import type { Stage, StageMove } from '../../../shared/domain/pipeline/stages.ts';

export type Role = 'admin' | 'officer' | 'deptHead' | 'reviewer' | 'analyst';

export interface PasswordHash {
  algorithm: 'PBKDF2-SHA-256';
  iterations: number;
  salt: string;
  hash: string;
}

export interface UserRecord extends Envelope {
  userName: string;
  displayName: string;
  role: Role;
  department: string | null;
  password: PasswordHash;
  createdAt: string;
  /** A disabled account cannot sign in; it stays for the audit trail. */
  disabled?: boolean;
}

export interface AuditEntry extends Envelope {
  at: string;
  userId: string;
  userName: string;
  action: string;
  entity: string;
  entityId: string | null;
  summary: string;
  details?: Record<string, unknown>;
}

export type ImportMode = 'insert' | 'upsert' | 'replacePeriod' | 'demo';

export interface FactBatchRecord extends Envelope {
  dataset: DatasetName;
  /** HLC of the batch: later batches win per key. */
  order: string;
  fileName: string;
  sha256: string | null;
  mapping: Record<string, string> | null;
  mode: ImportMode;
  counts: { rows: number; added: number; updated: number; unchanged: number; refused: number; removed?: number };
  tombstones: string[];
  /** The fields the batch carries, when the file had only some columns (absent = all). */
  fields?: string[];
  userId: string;
  userName: string;
  createdAt: string;
  blockCount: number;
}

export interface FactBlockRecord extends Envelope {
  dataset: DatasetName;
  batch: string;
  index: number;
  rowCount: number;
  columns: Record<string, Column>;
  meta: { plant: string | null; periodMin: string | null; periodMax: string | null };
}

export interface Installation {
  orgName: string;
  role: 'plant' | 'hq';
  plant: { code: string; name: string; region: string } | null;
  originId: string;
  createdAt: string;
}

export interface Identity {
  algorithm: 'Ed25519' | null;
  publicKey: string | null;
  /** Non-extractable where the platform allows; null when Ed25519 is unavailable. */
  privateKey: CryptoKey | null;
  extractable: boolean;
}

export interface Clock {
  seq: number;
  millis: number;
  counter: number;
}

export type SettingRow =
  | { key: 'installation'; value: Installation }
  | { key: 'identity'; value: Identity }
  | { key: 'clock'; value: Clock }
  | { key: 'importMappings'; value: Record<string, SavedMapping> };

/** A column mapping remembered for a source, keyed by its header signature. */
export interface SavedMapping {
  dataset: DatasetName;
  fields: Record<string, string>;
  savedAt: string;
}

export interface Actor {
  userId: string;
  userName: string;
}

export interface ProfileRecord extends Envelope {
  profileId: string;
  version: number;
  name: string;
  criteria: Criterion[];
  createdAt: string;
  userName: string;
}

export interface ScreeningRunRecord extends Envelope {
  profileId: string;
  profileVersion: number;
  profileName: string;
  profile: Profile;
  asOf: string;
  /** The import batches the run saw: the data snapshot. */
  batches: string[];
  population: number;
  candidates: { employeeId: string; name: string; department: string; criteria: { id: string; passed: boolean; value: number | null }[] }[];
  nearMisses: { employeeId: string; name: string; department: string; failed: string[] }[];
  excludedCount: number;
  createdAt: string;
  userName: string;
  /** Set when the run was handed to the selection pipeline. */
  handedOff?: { at: string; userName: string; added: number; alreadyInPipeline: number };
}

export interface PipelineRecord extends Envelope {
  employeeId: string;
  name: string;
  department: string;
  stage: Stage;
  history: StageMove[];
  /** The saved screening run that put this person in the pipeline, and how they came out of it. */
  runId: string;
  source: 'candidate' | 'nearMiss';
  profileName: string;
  profileVersion: number;
  asOf: string;
  createdAt: string;
  updatedAt: string;
}
