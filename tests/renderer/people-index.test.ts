import { describe, expect, it } from 'vitest';
import { ColumnSetBuilder } from '../../shared/domain/facts/columns.ts';
import { buildPeopleIndex, queryPeople, type PeopleQuery } from '../../renderer/src/data/facts/people-index.ts';
import { loadInitials } from '../../renderer/src/data/facts/pinyin.ts';

const people: [string, string, string, string, string, string][] = [
  ['000103', '张伟', '生产一车间', '操作工', 'active', '2015-03-01'],
  ['000002', '李娜', '质量部', '检验员', 'departed', '2019-07-15'],
  ['000051', '曾国强', '设备维修部', '维修电工', 'active', '2010-01-01'],
  ['001000', '张丽', '生产一车间', '班组长', 'leave', '2012-05-20'],
  ['000777', '王芳', '销售部', '销售代表', 'active', '2021-11-11'],
];

async function index() {
  const b = new ColumnSetBuilder('roster');
  for (const [employeeId, name, department, position, status, hireDate] of people) b.push({ employeeId, name, department, position, status, hireDate, plant: '华东第一制造厂' });
  const set = b.build();
  return await buildPeopleIndex(set, await loadInitials(set.columns.name as string[]));
}

const q = (over: Partial<PeopleQuery>): PeopleQuery => ({ text: '', plant: null, department: null, position: null, status: null, sort: 'employeeId', descending: false, ...over });

describe('people index', () => {
  it('searches by 工号, by name, and by pinyin initials (surnames read as surnames)', async () => {
    const idx = await index();
    const ids = (rows: Uint32Array) => [...rows].map((r) => idx.ids[r]);
    expect(ids(queryPeople(idx, q({ text: '000103' })))).toEqual(['000103']);
    expect(ids(queryPeople(idx, q({ text: '张' })))).toEqual(['000103', '001000']);
    expect(ids(queryPeople(idx, q({ text: 'zw' })))).toEqual(['000103']);
    expect(ids(queryPeople(idx, q({ text: 'ZGQ' })))).toEqual(['000051']); // 曾 as a surname is zeng
    expect(ids(queryPeople(idx, q({ text: '　张丽 ' })))).toEqual(['001000']); // full-width space trimmed
    expect(ids(queryPeople(idx, q({ text: '赵' })))).toEqual([]);
  });

  it('filters by department and status and combines filters with search', async () => {
    const idx = await index();
    const ids = (rows: Uint32Array) => [...rows].map((r) => idx.ids[r]);
    expect(ids(queryPeople(idx, q({ department: '生产一车间' })))).toEqual(['000103', '001000']);
    expect(ids(queryPeople(idx, q({ department: '生产一车间', status: 'leave' })))).toEqual(['001000']);
    expect(ids(queryPeople(idx, q({ department: '不存在的部门' })))).toEqual([]);
    expect(ids(queryPeople(idx, q({ status: 'active', text: 'w' })))).toEqual(['000103', '000777']);
  });

  it('sorts by any column, both ways, keeping leading zeros in id order', async () => {
    const idx = await index();
    const ids = (rows: Uint32Array) => [...rows].map((r) => idx.ids[r]);
    expect(ids(queryPeople(idx, q({})))).toEqual(['000002', '000051', '000103', '000777', '001000']);
    expect(ids(queryPeople(idx, q({ descending: true })))).toEqual(['001000', '000777', '000103', '000051', '000002']);
    expect(ids(queryPeople(idx, q({ sort: 'hireDate' })))).toEqual(['000051', '001000', '000103', '000002', '000777']);
    const byName = ids(queryPeople(idx, q({ sort: 'name' })));
    expect(byName.indexOf('000002')).toBeLessThan(byName.indexOf('000777')); // 李 before 王 in pinyin order
  });
});
