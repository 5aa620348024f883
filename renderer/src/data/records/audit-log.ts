// The audit log: queries, and recording an event that changes no record (an export, a
// language switch). Entries are codes and parameters; the screens render them.

import type { AuditParams } from '../../../../shared/records/schemas.ts';
import { change } from './change.ts';
import type { XinhuoDb } from '../db/db.ts';
import type { Actor, AuditEntry } from '../db/types.ts';

export interface AuditFilter {
  userName: string | null;
  action: string | null;
  text: string;
  from: string | null;
  to: string | null;
  entityId?: string | null;
}

/** The text an entry can be found by: its parameter values and, for old entries, their prose. */
export function auditSearchText(e: AuditEntry): string {
  return [e.userName, e.legacySummary ?? '', ...Object.values(e.params ?? {}).map((v) => (v === null ? '' : String(v)))].join('\u0000').toLowerCase();
}

export async function queryAudit(db: XinhuoDb, f: AuditFilter, limit = 2000): Promise<AuditEntry[]> {
  const text = f.text.trim().toLowerCase();
  const lower = f.from ?? '';
  const upper = f.to ? `${f.to}\uffff` : '\uffff';
  return db.audit
    .where('at')
    .between(lower, upper, true, true)
    .reverse()
    .filter((e) => (!f.userName || e.userName === f.userName) && (!f.action || e.action === f.action) && (!f.entityId || e.entityId === f.entityId) && (!text || auditSearchText(e).includes(text)))
    .limit(limit)
    .toArray();
}

/** Records an event that writes no record, such as an export leaving the application. */
export async function recordAudit(db: XinhuoDb, actor: Actor, action: string, entity: string, entityId: string | null, params: AuditParams = {}): Promise<void> {
  await change(db, actor, null, [], async (ctx) => ctx.audit(action, entity, entityId, params));
}
