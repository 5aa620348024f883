// An audit entry in the reader's language. Entries store an action code and parameters;
// parameters that are codes themselves (a dataset, a role, a stage) are translated here, and
// optional pieces (a department, a note) appear only when the entry has them. Entries from
// before audit codes existed show their stored prose.

import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../../shared/records/schemas.ts';
import { LANGUAGE_NAMES, profileName, type Language } from './index.ts';


/** Parameters whose values are codes, and how each is shown. */
const CODED: Record<string, (t: TFunction, v: string) => string> = {
  dataset: (t, v) => t(`datasets.${v}`, { defaultValue: v }),
  role: (t, v) => t(`accounts.roleNames.${v}`, { defaultValue: v }),
  from: (t, v) => t(`pipeline.stages.${v}`, { defaultValue: v }),
  to: (t, v) => t(`pipeline.stages.${v}`, { defaultValue: v }),
  grade: (t, v) => t(`employee.grades.${v}`, { defaultValue: v }),
  installationRole: (t, v) => t(v === 'hq' ? 'setup.roleHq' : 'setup.rolePlant'),
  language: (_t, v) => LANGUAGE_NAMES[v as Language] ?? v,
  format: (_t, v) => (v === 'csv' ? 'CSV' : 'Excel'),
  name: (t, v) => profileName(v, t),
  profile: (t, v) => profileName(v, t),
};

/** Optional pieces: shown when the parameter they are named after has a value. */
const PARTS: Record<string, string> = { plant: 'plantCode', department: 'department', already: 'already', scope: 'scope', note: 'note' };

export function auditSummary(entry: Pick<AuditEntry, 'action' | 'params' | 'legacySummary'>, t: TFunction): string {
  if (entry.legacySummary !== undefined) return entry.legacySummary;
  const key = `audit.summaries.${entry.action}`;
  const values: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(entry.params ?? {})) values[k] = typeof v === 'string' && CODED[k] ? CODED[k](t, v) : v;
  for (const [part, param] of Object.entries(PARTS)) {
    const v = entry.params?.[param];
    values[`${part}Part`] = v === null || v === undefined || v === '' || v === 0 ? '' : t(`audit.parts.${part}`, values);
  }
  return t(key, { ...values, defaultValue: Object.values(entry.params ?? {}).filter((v) => v !== null && v !== '').join(' · ') });
}
