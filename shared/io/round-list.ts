// A selection round's people as a workbook (选拔批次名单): one row per person with stage,
// where they came from, their topic and trial lecture. 工号 as text so that leading zeros stay.

import * as XLSX from 'xlsx';
import { STAGE_EN, STAGE_ZH, type Stage } from '../domain/pipeline/stages.ts';

/** What the list shows of a selection entry (shared/records/schemas.ts pipelineRecordSchema). */
export interface RoundListRow {
  employeeId: string;
  name: string;
  department: string;
  stage: Stage;
  source: 'candidate' | 'nearMiss' | 'manual';
  reason?: string;
  topic?: { title: string } | undefined;
  session?: { date: string; time: string; room: string } | undefined;
  updatedAt: string;
}

const WORDS = {
  'zh-CN': {
    sheet: '选拔批次名单',
    headers: ['工号', '姓名', '部门', '阶段', '来源', '选题', '试讲', '最后变动'],
    source: { candidate: '筛选候选人', nearMiss: '差一项（补充）', manual: '手动加入' },
    stage: STAGE_ZH,
  },
  en: {
    sheet: 'Selection round',
    headers: ['Employee ID', 'Name', 'Department', 'Stage', 'Source', 'Topic', 'Trial lecture', 'Last change'],
    source: { candidate: 'Screening candidate', nearMiss: 'Near-miss (added)', manual: 'Added by hand' },
    stage: STAGE_EN,
  },
} as const;

export function roundListWorkbook(entries: readonly RoundListRow[], language: 'zh-CN' | 'en' = 'zh-CN'): Uint8Array {
  const w = WORDS[language];
  const rows: XLSX.CellObject[][] = [w.headers.map((h) => ({ t: 's', v: h }))];
  for (const e of entries) {
    const source = w.source[e.source] + (e.reason ? `：${e.reason}` : '');
    rows.push([
      { t: 's', v: e.employeeId },
      { t: 's', v: e.name },
      { t: 's', v: e.department },
      { t: 's', v: w.stage[e.stage] },
      { t: 's', v: source },
      e.topic ? { t: 's', v: e.topic.title } : { t: 'z' },
      e.session ? { t: 's', v: `${e.session.date} ${e.session.time} ${e.session.room}`.trim() } : { t: 'z' },
      { t: 's', v: e.updatedAt.slice(0, 10) },
    ]);
  }
  const sheet = XLSX.utils.aoa_to_sheet([]);
  XLSX.utils.sheet_add_aoa(sheet, rows);
  sheet['!cols'] = [{ wch: 10 }, { wch: 10 }, { wch: 16 }, { wch: 12 }, { wch: 24 }, { wch: 30 }, { wch: 24 }, { wch: 18 }];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, sheet, w.sheet);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}
