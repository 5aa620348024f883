// Queries over the audit log.

import type { XinhuoDb } from './db.ts';
import type { AuditEntry } from './types.ts';

export interface AuditFilter {
  userName: string | null;
  action: string | null;
  text: string;
  from: string | null;
  to: string | null;
  entityId?: string | null;
}

export async function queryAudit(db: XinhuoDb, f: AuditFilter, limit = 2000): Promise<AuditEntry[]> {
  const text = f.text.trim().toLowerCase();
  const lower = f.from ?? '';
  const upper = f.to ? `${f.to}\uffff` : '\uffff';
  return db.audit
    .where('at')
    .between(lower, upper, true, true)
    .reverse()
    .filter((e) => (!f.userName || e.userName === f.userName) && (!f.action || e.action === f.action) && (!f.entityId || e.entityId === f.entityId) && (!text || e.summary.toLowerCase().includes(text) || e.userName.toLowerCase().includes(text)))
    .limit(limit)
    .toArray();
}
