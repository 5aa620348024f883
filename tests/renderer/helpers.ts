// Test helpers for the data layer: a fresh database per test (fake-indexeddb, see
// tests/setup-indexeddb.ts), and a set-up
// installation with a fast password hash (the real iteration count is tested separately).
import { XinhuoDb } from '../../renderer/src/data/db/db.ts';
import { setUp, signIn as signInAt, type SetupInput } from '../../renderer/src/data/records/installation.ts';
import type { PersonRow, ScreeningReport } from '../../shared/domain/screening/report.ts';
import i18next, { type TFunction } from 'i18next';
import type { AuditEntry } from '../../shared/records/schemas.ts';
import { auditSummary } from '../../renderer/src/i18n/audit-summary.ts';
import { FEATURE_MESSAGES } from '../../renderer/src/shell/registry.ts';
import { catalogues } from '../../renderer/src/i18n/index.ts';

let counter = 0;

export function freshDb(): XinhuoDb {
  return new XinhuoDb(`test-${process.pid}-${++counter}-${Math.random().toString(36).slice(2)}`);
}

export const PLANT_SETUP: SetupInput = {
  orgName: '华东能源集团',
  role: 'plant',
  plant: { code: 'P01', name: '华东第一制造厂', region: '江苏省' },
  admin: { userName: 'admin', displayName: '王培训', password: 'correct horse 1' },
};

/** Tests hash passwords with 1,000 rounds; they sign in with that as the floor. */
export const TEST_ITERATIONS = 1000;

export const signIn = (db: XinhuoDb, userName: string, password: string, now?: () => number) => signInAt(db, userName, password, now, { minIterations: TEST_ITERATIONS });

export async function installedDb() {
  const db = freshDb();
  const { installation, admin } = await setUp(db, PLANT_SETUP, 1000);
  return { db, installation, admin, actor: { userId: admin.id, userName: admin.userName } };
}

/** A screening report with these rows and empty charts, as the worker would send it in full. */
export function screeningReport(candidates: PersonRow[], nearMisses: PersonRow[]): ScreeningReport {
  return { asOf: '2026-09-30', population: 10, candidates, nearMisses, excluded: [], candidateCount: candidates.length, nearMissCount: nearMisses.length, excludedCount: 0, byDepartment: [], byPlant: [], funnel: [], passCounts: [], histograms: [] };
}

/** An audit entry as the audit screen shows it, in zh-CN unless told otherwise. */
export function shownAudit(entry: AuditEntry | undefined, language: 'zh-CN' | 'en' = 'zh-CN'): string {
  if (!entry) throw new Error('no audit entry');
  return auditSummary(entry, catalogue(language));
}

const tFunctions = new Map<string, TFunction>();

/** The app's catalogue as an i18next t function, without the DOM set-up of initI18n. */
export function catalogue(language: 'zh-CN' | 'en'): TFunction {
  let t = tFunctions.get(language);
  if (!t) {
    const instance = i18next.createInstance();
    void instance.init({ resources: catalogues(FEATURE_MESSAGES), lng: language, fallbackLng: 'zh-CN', interpolation: { escapeValue: false }, initAsync: false });
    t = instance.t;
    tFunctions.set(language, t);
  }
  return t;
}
