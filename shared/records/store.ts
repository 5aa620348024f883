// The record-store port and the one write path (DESIGN.md §4, §8). A change runs in one
// transaction of a store (Dexie in the app, memory in the CLI and tests): it stamps each
// record it writes with the sync envelope (origin, per-origin seq, HLC, partition), refuses
// writes to partitions this installation does not own (single writer), writes deletes as
// tombstones, and appends audit entries as codes. The same code runs over both stores.

import { FailureError, failure } from '../domain/failure.ts';
import { encodeHlc, hlcTick, newId, type Envelope } from '../domain/sync/envelope.ts';
import { can, type Capability } from './permissions.ts';
import type { Actor, AuditParams, Clock, Installation, RecordKind, RecordOf } from './schemas.ts';
import type { HeldBundle, SyncState, TrustState } from './sync-state.ts';
import { chainLink } from './audit-chain.ts';

/** Fields a kind can be looked up by, besides its id. */
export const RECORD_INDEXES = {
  user: ['userName'],
  audit: ['action', 'entityId', 'userId'],
  profile: ['profileId'],
  screeningRun: ['profileId'],
  pipeline: ['employeeId', 'runId', 'stage', 'roundId'],
  factBatch: ['dataset'],
  factBlock: ['batch'],
  conflict: ['recordId'],
  reviewPacket: ['packetId', 'roundId'],
  scoreSheet: ['packetId', 'candidateId'],
  trainer: ['employeeId'],
  round: [],
  rubricTemplate: [],
  topicTheme: [],
} as const satisfies { [K in RecordKind]: readonly (keyof RecordOf[K] & string)[] };

export type IndexOf<K extends RecordKind> = (typeof RECORD_INDEXES)[K][number];

export interface StoreSettings {
  installation: Installation;
  clock: Clock;
  /** What this installation sent, received and acknowledged (shared/bundle/replica.ts). */
  sync: SyncState;
  /** Bundles kept until a gap is filled or an officer decides. */
  held: HeldBundle[];
  /** Keys, the org file, certificates and revocations. */
  trust: TrustState;
  /** The last link of this origin's audit chain. */
  auditChain: { origin: string; last: string };
  /** Sign-in sessions: minutes without input after which a session ends (set by an administrator). */
  session: SessionPolicy;
  /** The database key, wrapped for each account by a key derived from its password. */
  atRest: AtRestKeys;
}

/** A database key wrapped with AES-256-GCM under a PBKDF2-SHA-256 key of one account's password (base64 fields). */
export interface WrappedKey {
  salt: string;
  iterations: number;
  nonce: string;
  wrapped: string;
  /** The wrap is sealed again to the operating-system user (desktop safeStorage). */
  os?: true;
}

export interface AtRestKeys {
  version: 1;
  /** By user id. */
  keys: Record<string, WrappedKey>;
}

export interface SessionPolicy {
  idleMinutes: number;
}

/** Sessions end after 30 minutes without input unless an administrator sets otherwise. */
export const DEFAULT_SESSION: SessionPolicy = { idleMinutes: 30 };

/** What a transaction may read. */
export interface StoreReader {
  get<K extends RecordKind>(kind: K, id: string): Promise<RecordOf[K] | undefined>;
  /** Several records by id, in the order asked (undefined where absent). */
  getMany<K extends RecordKind>(kind: K, ids: readonly string[]): Promise<(RecordOf[K] | undefined)[]>;
  byIndex<K extends RecordKind>(kind: K, index: IndexOf<K>, value: string): Promise<RecordOf[K][]>;
  all<K extends RecordKind>(kind: K): Promise<RecordOf[K][]>;
  setting<S extends keyof StoreSettings>(key: S): Promise<StoreSettings[S] | undefined>;
}

/** A transaction: reads, raw writes and physical removal. Only the write path uses it directly. */
export interface StoreTx extends StoreReader {
  /** Stores the records. `handedOver`: the caller gives them up (nothing keeps or changes them
   *  afterwards), so a store that would copy them for isolation may keep them as they are. */
  bulkPut<K extends RecordKind>(kind: K, records: readonly RecordOf[K][], handedOver?: boolean): Promise<void>;
  /** Physically removes rows: only for content a tombstone already stands for (a batch's blocks). */
  purge(kind: RecordKind, ids: readonly string[]): Promise<void>;
  putSetting<S extends keyof StoreSettings>(key: S, value: StoreSettings[S]): Promise<void>;
}

export interface RecordStore {
  /** Runs `work` in one transaction over `kinds` (audit and settings are always included): all of it or none. */
  transaction<T>(kinds: readonly RecordKind[], work: (tx: StoreTx) => Promise<T>): Promise<T>;
  /**
   * Optional: does the costly part of writing these records before the transaction that may
   * apply them (the app's store seals them at rest with WebCrypto, which cannot run inside an
   * IndexedDB transaction). Outside any transaction; the records must not change afterwards.
   */
  prepareRemote?(kind: RecordKind, records: readonly object[]): Promise<void>;
}

/** A record's data without its envelope: what a caller hands to put(). */
export type Draft<K extends RecordKind> = Omit<RecordOf[K], keyof Envelope> & Partial<Envelope>;

export interface ChangeContext extends StoreReader {
  readonly actor: Actor;
  readonly installation: Installation;
  /** The partition this installation owns. */
  readonly partition: string;
  /** A fresh envelope (for records built in bulk, such as fact blocks). */
  stamp(partition?: string, id?: string): Envelope;
  /** Writes records, each stamped anew: a new seq and HLC; id and partition kept when given. */
  put<K extends RecordKind>(kind: K, ...drafts: Draft<K>[]): Promise<RecordOf[K][]>;
  /** Writes records whose envelopes stamp() made in this change (records built in bulk). */
  putStamped<K extends RecordKind>(kind: K, records: readonly RecordOf[K][]): Promise<void>;
  /** Deletes a record as a tombstone: it stays, marked deleted, so that the delete can travel. */
  remove<K extends RecordKind>(kind: K, id: string): Promise<RecordOf[K] | undefined>;
  /** Physically removes rows that a tombstone already stands for. */
  purge(kind: RecordKind, ids: readonly string[]): Promise<void>;
  /**
   * Writes records of other partitions exactly as they came, envelopes kept: only for records
   * from a verified bundle (shared/bundle/replica.ts). This installation's own partition is refused.
   * The records are handed over to the store: the caller neither keeps nor changes them.
   */
  applyRemote<K extends RecordKind>(kind: K, records: readonly RecordOf[K][]): Promise<void>;
  /** Writes this installation's sync bookkeeping. */
  putSetting<S extends 'sync' | 'held' | 'trust' | 'session' | 'atRest'>(key: S, value: StoreSettings[S]): Promise<void>;
  /** Appends an audit entry: an action code and parameters, rendered in the reader's language. */
  audit(action: string, entity: string, entityId: string | null, params?: AuditParams): void;
}

export type ChangeCode = 'change.notSetUp' | 'change.foreignPartition' | 'change.ownPartition' | 'access.denied';

/**
 * What a change needs of the signed-in user, checked inside its transaction against the user
 * as the store holds them (never as the page says): a capability; null = any enabled account;
 * 'setup' = none (first-run setup creates the first account in the same change); 'system' =
 * none (sign-in bookkeeping, written before anyone is signed in).
 */
export type Needs = Capability | null | 'setup' | 'system';

export function ownPartition(installation: Pick<Installation, 'role' | 'plant'>): string {
  return installation.role === 'hq' ? HQ_PARTITION : `plant:${installation.plant?.code ?? 'unknown'}`;
}

/** Head office's partition: what it writes, and sends down as configuration. */
export const HQ_PARTITION = 'hq';

/** At a plant, whether a record is head office's: sent down, and read-only here (总部下发). */
export function sentDownByHq(installation: Pick<Installation, 'role'> | null | undefined, partition: string): boolean {
  return installation?.role === 'plant' && partition === HQ_PARTITION;
}

/** The one write path: see the module comment. */
export async function runChange<T>(store: RecordStore, claimed: Actor, needs: Needs, kinds: readonly RecordKind[], work: (ctx: ChangeContext) => Promise<T>, now: () => number = Date.now): Promise<T> {
  // 'system': the installation itself writes with nobody signed in (sign-in bookkeeping).
  const unchecked = needs === 'setup' || needs === 'system';
  return store.transaction(unchecked ? kinds : [...new Set<RecordKind>([...kinds, 'user'])], async (tx) => {
    const installation = await tx.setting('installation');
    if (!installation) throw new FailureError(failure('change.notSetUp'));
    let actor = claimed;
    if (!unchecked) {
      // A disabled or unknown account writes nothing, whatever identity the page sends.
      const user = await tx.get('user', claimed.userId);
      if (!user || user.deleted || user.disabled) throw new FailureError(failure('access.denied', { userId: claimed.userId }));
      if (needs !== null && !can(user, needs)) throw new FailureError(failure('access.denied', { userId: claimed.userId, needs }));
      actor = { userId: user.id, userName: user.userName };
    }
    const saved = await tx.setting('clock');
    const clock: Clock = saved ? { ...saved } : { seq: 0, millis: 0, counter: 0 };
    const partition = ownPartition(installation);
    const pending: RecordOf['audit'][] = [];
    const stamp = (p = partition, id = newId()): Envelope => {
      const next = hlcTick(clock, now());
      clock.millis = next.millis;
      clock.counter = next.counter;
      clock.seq += 1;
      return { id, partition: p, origin: installation.originId, seq: clock.seq, hlc: encodeHlc(next, installation.originId), deleted: false };
    };
    const owned = (kind: RecordKind, p: string) => {
      if (p !== partition) throw new FailureError(failure('change.foreignPartition', { kind, partition: p, own: partition }));
    };
    const ctx: ChangeContext = {
      actor,
      installation,
      partition,
      stamp,
      get: (kind, id) => tx.get(kind, id),
      getMany: (kind, ids) => tx.getMany(kind, ids),
      byIndex: (kind, index, value) => tx.byIndex(kind, index, value),
      all: (kind) => tx.all(kind),
      setting: (key) => tx.setting(key),
      // The writes hand back the store's own promises rather than wrapping them in async
      // functions: fewer native hops inside an IndexedDB transaction.
      put: (kind, ...drafts) => {
        const records = drafts.map((d) => {
          const p = d.partition ?? partition;
          owned(kind, p);
          return { ...d, ...stamp(p, d.id ?? newId()) } as RecordOf[typeof kind];
        });
        return tx.bulkPut(kind, records).then(() => records);
      },
      putStamped: (kind, records) => {
        for (const r of records) {
          owned(kind, r.partition);
          if (r.origin !== installation.originId || r.seq > clock.seq) throw new Error(`${kind} ${r.id} was not stamped in this change`);
        }
        return tx.bulkPut(kind, records);
      },
      remove: (kind, id) =>
        tx.get(kind, id).then((existing) => {
          if (!existing) return undefined;
          owned(kind, existing.partition);
          const tombstone = { ...existing, ...stamp(existing.partition, existing.id), deleted: true };
          return tx.bulkPut(kind, [tombstone]).then(() => tombstone);
        }),
      purge: (kind, ids) => tx.purge(kind, ids),
      applyRemote: (kind, records) => {
        for (const r of records) if (r.partition === partition) throw new FailureError(failure('change.ownPartition', { kind, partition }));
        return tx.bulkPut(kind, records, true);
      },
      putSetting: (key, value) => tx.putSetting(key, value),
      audit: (action, entity, entityId, params = {}) => {
        pending.push({ ...stamp(), at: new Date(now()).toISOString(), userId: actor.userId, userName: actor.userName, action, entity, entityId, params });
      },
    };
    const result = await work(ctx);
    if (pending.length) {
      // Each entry links to the one before it of this origin: editing or removing one later breaks the chain.
      const saved = await tx.setting('auditChain');
      let previous = saved?.origin === installation.originId ? saved.last : '';
      for (const entry of pending) previous = entry.chain = chainLink(previous, entry);
      await tx.bulkPut('audit', pending);
      await tx.putSetting('auditChain', { origin: installation.originId, last: previous });
    }
    await tx.putSetting('clock', clock);
    return result;
  });
}
