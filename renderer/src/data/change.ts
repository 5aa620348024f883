// Every write goes through change(): one Dexie transaction that stamps each new record with
// its sync envelope (origin, per-origin seq, HLC) and appends the audit entries of the
// signed-in user. Inside the transaction only Dexie calls run.

import type { Table } from 'dexie';
import { encodeHlc, hlcTick, newId, type Envelope } from '../../../shared/domain/sync/envelope.ts';
import type { XinhuoDb } from './db.ts';
import type { Actor, AuditEntry, Clock, Installation } from './types.ts';

export interface ChangeContext {
  readonly actor: Actor;
  readonly installation: Installation;
  /** The partition this installation owns. */
  readonly partition: string;
  /** A fresh envelope for a new record. */
  stamp(partition?: string, id?: string): Envelope;
  audit(action: string, entity: string, entityId: string | null, summary: string, details?: Record<string, unknown>): void;
}

export function ownPartition(installation: Installation): string {
  return installation.role === 'hq' ? 'hq' : `plant:${installation.plant?.code ?? 'unknown'}`;
}

export async function change<T>(db: XinhuoDb, actor: Actor, tables: Table[], work: (ctx: ChangeContext) => Promise<T>): Promise<T> {
  return db.transaction('rw', [db.settings, db.audit, ...tables], async () => {
    const installationRow = await db.settings.get('installation');
    if (!installationRow || installationRow.key !== 'installation') throw new Error('installation is not set up');
    const installation = installationRow.value;
    const clockRow = await db.settings.get('clock');
    const clock: Clock = clockRow?.key === 'clock' ? { ...clockRow.value } : { seq: 0, millis: 0, counter: 0 };
    const partition = ownPartition(installation);
    const pending: AuditEntry[] = [];
    const stamp = (p = partition, id = newId()): Envelope => {
      const next = hlcTick(clock, Date.now());
      clock.millis = next.millis;
      clock.counter = next.counter;
      clock.seq += 1;
      return { id, partition: p, origin: installation.originId, seq: clock.seq, hlc: encodeHlc(next, installation.originId), deleted: false };
    };
    const ctx: ChangeContext = {
      actor,
      installation,
      partition,
      stamp,
      audit: (action, entity, entityId, summary, details) => {
        pending.push({ ...stamp(), at: new Date().toISOString(), userId: actor.userId, userName: actor.userName, action, entity, entityId, summary, details });
      },
    };
    const result = await work(ctx);
    if (pending.length) await db.audit.bulkAdd(pending);
    await db.settings.put({ key: 'clock', value: clock });
    return result;
  });
}
