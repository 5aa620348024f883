// The final trainer list of a round as a workbook (培训师名单): one row per certified trainer,
// 工号 as text so that leading zeros stay, and the date as a real date cell.

import * as XLSX from 'xlsx';
import { isoToSerial } from './excel-dates.ts';

/** What the list shows of a trainer record (shared/records/schemas.ts trainerSchema). */
export interface TrainerRow {
  employeeId: string;
  name: string;
  department: string;
  grade: 'junior' | 'intermediate' | 'senior';
  domain: string;
  score: number | null;
  roundName: string;
  certifiedAt: string;
}

export const GRADE_ZH: Record<TrainerRow['grade'], string> = { junior: '初级培训师', intermediate: '中级培训师', senior: '高级培训师' };

export const TRAINER_LIST_HEADERS = ['工号', '姓名', '部门', '等级', '专业领域', '评审得分', '选拔批次', '认定日期'] as const;

export function trainerListWorkbook(trainers: readonly TrainerRow[]): Uint8Array {
  const rows: XLSX.CellObject[][] = [TRAINER_LIST_HEADERS.map((h) => ({ t: 's', v: h }))];
  for (const t of trainers) {
    rows.push([
      { t: 's', v: t.employeeId },
      { t: 's', v: t.name },
      { t: 's', v: t.department },
      { t: 's', v: GRADE_ZH[t.grade] },
      { t: 's', v: t.domain },
      t.score === null ? { t: 'z' } : { t: 'n', v: t.score, z: '0.00' },
      { t: 's', v: t.roundName },
      { t: 'n', v: isoToSerial(t.certifiedAt.slice(0, 10)), z: 'yyyy-mm-dd' },
    ]);
  }
  const sheet = XLSX.utils.aoa_to_sheet([]);
  XLSX.utils.sheet_add_aoa(sheet, rows);
  sheet['!cols'] = [{ wch: 10 }, { wch: 10 }, { wch: 16 }, { wch: 12 }, { wch: 16 }, { wch: 10 }, { wch: 24 }, { wch: 12 }];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, sheet, '培训师名单');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}
