// Audit entries are stored as codes and shown in the reader's language.
import { describe, expect, it } from 'vitest';
import { installedDb, shownAudit } from './helpers.ts';
import { createUser } from '../../renderer/src/data/records/users-store.ts';
import { queryAudit } from '../../renderer/src/data/records/audit-log.ts';

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

describe('audit entries as codes', () => {
  it('shows the same entry in Chinese and in English, with only data in Chinese', async () => {
    const { db, actor } = await installedDb();
    await createUser(db, actor, { userName: 'li.na', displayName: 'Li Na', role: 'deptHead', department: 'QA', password: 'a long password 1' }, 1000);
    const entries = await queryAudit(db, { userName: null, action: null, text: '', from: null, to: null });
    const byAction = Object.fromEntries(entries.map((e) => [e.action, e]));
    expect(shownAudit(byAction['user.create'] && entries.find((e) => e.params.userName === 'li.na'))).toBe('Li Na（li.na），部门负责人：QA');
    expect(shownAudit(entries.find((e) => e.params.userName === 'li.na'), 'en')).toBe('Li Na (li.na), Department head: QA');
    // The setup entry names the organisation (data) and the installation's role (a code).
    expect(shownAudit(byAction.setup)).toBe('华东能源集团（厂区 P01 华东第一制造厂）');
    expect(shownAudit(byAction.setup, 'en')).toBe('华东能源集团 (A plant P01 华东第一制造厂)');
    for (const e of entries) {
      const en = shownAudit(e, 'en');
      const data = Object.values(e.params).filter((v) => typeof v === 'string' && CJK.test(v)) as string[];
      let rest = en;
      for (const d of data) rest = rest.split(d).join('');
      expect(rest, `${e.action}: ${en}`).not.toMatch(CJK);
    }
    db.close();
  });

  it('finds entries by the values in them', async () => {
    const { db, actor } = await installedDb();
    await createUser(db, actor, { userName: 'zhang.q', displayName: '张强', role: 'officer', department: null, password: 'a long password 1' }, 1000);
    const found = await queryAudit(db, { userName: null, action: null, text: '张强', from: null, to: null });
    expect(found.map((e) => e.action)).toEqual(['user.create']);
    db.close();
  });
});
