// The only door for records that come from a file or a bundle (and for rows an older schema
// stored): a versioned, tolerant restore per kind, in the manner of Excalidraw's
// data/restore.ts. A record from an older version is upgraded step by step; missing optional
// fields get their defaults; fields this version does not know are kept aside, never lost;
// a record from a newer version is refused with an "upgrade Xinhuo" code.

import type { z } from 'zod';
import { failure, type Failure } from '../domain/failure.ts';
import { RECORD_KINDS, type RecordKind, type RecordOf } from './schemas.ts';

export type RestoreCode = 'record.notObject' | 'record.unknownKind' | 'record.newerVersion' | 'record.invalid';

export type Restored<K extends RecordKind> =
  | { ok: true; record: RecordOf[K]; /** Fields this version does not know, kept for a newer one. */ extra: Record<string, unknown> | null }
  | { ok: false; failure: Failure<RestoreCode> };

type Upgrade = (raw: Record<string, unknown>) => Record<string, unknown>;

/** UPGRADES[kind][n] turns a record of version n + 1 into version n + 2. */
const UPGRADES: { [K in RecordKind]: readonly Upgrade[] } = {
  user: [],
  // v1 → v2: prose summaries became codes. The prose stays as the fallback to show.
  audit: [
    ({ summary, details, ...rest }) => ({
      ...rest,
      params: paramsFrom(details),
      ...(typeof summary === 'string' ? { legacySummary: summary } : {}),
    }),
  ],
  profile: [],
  screeningRun: [],
  pipeline: [],
  // v1 → v2: batches say which fields they carry; a v1 batch carried them all.
  factBatch: [(raw) => raw],
  factBlock: [],
  conflict: [],
  reviewPacket: [],
  scoreSheet: [],
  trainer: [],
  round: [],
  rubricTemplate: [],
  topicTheme: [],
};

function paramsFrom(details: unknown): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  if (!details || typeof details !== 'object') return out;
  for (const [k, v] of Object.entries(details)) if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) out[k] = v as string | number | boolean | null;
  return out;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v);

const fieldsOf = new Map<RecordKind, ReadonlySet<string>>();
/** A kind's field names, worked out once: a bundle restores 100,000 records of one kind. */
function knownFields(kind: RecordKind, schema: z.ZodObject<z.ZodRawShape>): ReadonlySet<string> {
  let known = fieldsOf.get(kind);
  if (!known) fieldsOf.set(kind, (known = new Set(Object.keys(schema.shape))));
  return known;
}

/** Restores one record of `kind` written by schema `version` of that kind. */
export function restoreRecord<K extends RecordKind>(kind: K, raw: unknown, version = 1): Restored<K> {
  const def = RECORD_KINDS[kind] as (typeof RECORD_KINDS)[RecordKind] | undefined;
  if (!def) return { ok: false, failure: failure('record.unknownKind', { kind: String(kind) }) };
  if (!isPlainObject(raw)) return { ok: false, failure: failure('record.notObject', { kind }) };
  if (!Number.isInteger(version) || version < 1) return { ok: false, failure: failure('record.invalid', { kind, field: 'version', problem: String(version) }) };
  if (version > def.version) return { ok: false, failure: failure('record.newerVersion', { kind, version, supported: def.version }) };
  // Upgrades work on a copy; a record already at this version is only read (parsing builds the output).
  let current = raw as Record<string, unknown>;
  if (version < def.version) {
    current = { ...raw };
    for (let v = version; v < def.version; v++) current = UPGRADES[kind][v - 1](current);
  }
  const schema = def.schema as unknown as z.ZodObject<z.ZodRawShape>;
  const known = knownFields(kind, schema);
  let extra: Record<string, unknown> | null = null;
  for (const k in current) {
    if (!Object.prototype.hasOwnProperty.call(current, k) || known.has(k)) continue;
    (extra ??= {})[k] = current[k];
  }
  const parsed = schema.safeParse(current);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, failure: failure('record.invalid', { kind, field: issue.path.join('.') || '(record)', problem: issue.message }) };
  }
  return { ok: true, record: parsed.data as unknown as RecordOf[K], extra };
}

/** The schema version this Xinhuo writes for a kind. */
export const recordVersion = (kind: RecordKind): number => RECORD_KINDS[kind].version;
