// Panel members are chosen from the roster or typed in: what the name field suggests.
import { describe, expect, it } from 'vitest';
import { rosterMatches } from '../../../renderer/src/features/review/issue-card.tsx';
import type { PeopleIndex } from '../../../renderer/src/data/index.ts';

const names = ['周建国', '吴秀英', '张周', '周建华', '李四'];
const people = {
  length: names.length,
  ids: names.map((_, i) => String(i + 1).padStart(6, '0')),
  names,
  department: { codes: Int32Array.from([0, 1, 0, 2, 1]), labels: ['质量部', '设备维修部', '技术部'] },
} as unknown as PeopleIndex;

describe('reviewers from the roster', () => {
  it('suggests names that start with what was typed first, then names that hold it, with their department', () => {
    expect(rosterMatches(people, '周').map((p) => p.name)).toEqual(['周建国', '周建华', '张周']);
    expect(rosterMatches(people, ' 周建国 ')).toEqual([{ id: '000001', name: '周建国', department: '质量部' }]);
    expect(rosterMatches(people, '周', 2)).toHaveLength(2);
    expect(rosterMatches(people, '')).toEqual([]);
    expect(rosterMatches(null, '周')).toEqual([]);
  });
});
