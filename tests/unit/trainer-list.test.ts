// The final trainer list reads back as written: 工号 as text, grade in words, the date a date.
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { trainerListWorkbook, TRAINER_LIST_HEADERS } from '../../shared/io/trainer-list.ts';

describe('trainer list workbook', () => {
  it('writes one row per trainer that reads back with the same values', () => {
    const bytes = trainerListWorkbook([{ employeeId: '000123', name: '张三', department: '质量部', grade: 'intermediate', domain: '质量管理', roundName: '2026年度内训师选拔', score: 8.25, certifiedAt: '2026-12-01T08:00:00.000Z' }]);
    const wb = XLSX.read(bytes, { cellDates: false });
    const rows = XLSX.utils.sheet_to_json<(string | number)[]>(wb.Sheets['培训师名单'], { header: 1, raw: false });
    expect(rows[0]).toEqual([...TRAINER_LIST_HEADERS]);
    expect(rows[1]).toEqual(['000123', '张三', '质量部', '中级培训师', '质量管理', '8.25', '2026年度内训师选拔', '2026-12-01']);
    expect(wb.Sheets['培训师名单'].A2.t).toBe('s');
  });
});
