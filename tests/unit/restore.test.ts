// Records that come from a file or a bundle go through one tolerant, versioned restore.
import { describe, expect, it } from 'vitest';
import { restoreRecord, recordVersion } from '../../shared/records/restore.ts';
import { RECORD_KIND_NAMES, travellingUser } from '../../shared/records/schemas.ts';

const envelope = { id: 'r1', partition: 'plant:P01', origin: 'o1', seq: 3, hlc: '0000000001-00000-o1', deleted: false };
const pipelineEntry = {
  ...envelope,
  employeeId: '000123',
  name: '张伟',
  department: '设备维修部',
  stage: 'invited',
  history: [{ from: null, to: 'shortlisted', at: '2026-10-01T00:00:00Z', userId: 'u1', userName: 'admin' }, { from: 'shortlisted', to: 'invited', at: '2026-10-02T00:00:00Z', userId: 'u1', userName: 'admin', note: '电话确认' }],
  runId: 'run1',
  source: 'candidate',
  profileName: '内训师画像',
  profileVersion: 2,
  asOf: '2026-09-30',
  createdAt: '2026-10-01T00:00:00Z',
  updatedAt: '2026-10-02T00:00:00Z',
};

describe('restoreRecord', () => {
  it('accepts a current record as it is', () => {
    const r = restoreRecord('pipeline', pipelineEntry, recordVersion('pipeline'));
    expect(r).toEqual({ ok: true, record: pipelineEntry, extra: null });
  });

  it('keeps fields it does not know aside instead of dropping them or failing', () => {
    const r = restoreRecord('pipeline', { ...pipelineEntry, interviewRoom: 'B-204', score: 8.5 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.extra).toEqual({ interviewRoom: 'B-204', score: 8.5 });
    expect(r.record).not.toHaveProperty('interviewRoom');
  });

  it('defaults missing optional fields', () => {
    const { deleted: _d, ...noDeleted } = pipelineEntry;
    const r = restoreRecord('pipeline', noDeleted);
    expect(r.ok && r.record.deleted).toBe(false);
    const noDepartment = { ...envelope, userName: 'li', displayName: '李', role: 'officer', createdAt: 'x', password: { algorithm: 'PBKDF2-SHA-256', iterations: 600000, salt: 's', hash: 'h' } };
    const u = restoreRecord('user', noDepartment);
    expect(u.ok && u.record.department).toBeNull();
  });

  it('refuses a record from a newer schema with an upgrade code', () => {
    const r = restoreRecord('pipeline', pipelineEntry, recordVersion('pipeline') + 1);
    expect(r).toEqual({ ok: false, failure: { code: 'record.newerVersion', params: { kind: 'pipeline', version: recordVersion('pipeline') + 1, supported: recordVersion('pipeline') } } });
  });

  it('names the field that is wrong', () => {
    const r = restoreRecord('pipeline', { ...pipelineEntry, stage: 'promoted' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.failure.code).toBe('record.invalid');
    expect(r.failure.params).toMatchObject({ kind: 'pipeline', field: 'stage' });
    expect(restoreRecord('pipeline', 'not a record')).toMatchObject({ ok: false, failure: { code: 'record.notObject' } });
    expect(restoreRecord('pipeline', [pipelineEntry])).toMatchObject({ ok: false, failure: { code: 'record.notObject' } });
  });

  it('upgrades a v1 audit entry: its prose becomes the fallback and its details the parameters', () => {
    const v1 = { ...envelope, at: '2026-10-01T08:00:00Z', userId: 'u1', userName: 'admin', action: 'import.batch', entity: 'dataset', entityId: 'roster', summary: '员工档案：roster.xlsx（300 行）', details: { batch: 'b1', rows: 300, nested: { no: 1 } } };
    const r = restoreRecord('audit', v1, 1);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.record).toMatchObject({ action: 'import.batch', params: { batch: 'b1', rows: 300 }, legacySummary: '员工档案：roster.xlsx（300 行）' });
    expect(r.record).not.toHaveProperty('summary');
    expect(r.extra).toBeNull();
  });

  it('lets no password hash travel with a user', () => {
    const stored = { ...envelope, userName: 'li', displayName: '李', role: 'officer' as const, department: null, createdAt: 'x', password: { algorithm: 'PBKDF2-SHA-256' as const, iterations: 600000, salt: 's', hash: 'h' } };
    expect(travellingUser(stored)).not.toHaveProperty('password');
  });

  it('has a schema and a version for every kind', () => {
    for (const kind of RECORD_KIND_NAMES) expect(recordVersion(kind)).toBeGreaterThanOrEqual(1);
    expect(restoreRecord('nonsense' as never, {})).toMatchObject({ ok: false, failure: { code: 'record.unknownKind' } });
  });
});
