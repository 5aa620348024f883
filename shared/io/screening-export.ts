// The screening result as a workbook: candidates, near-misses and exclusions with one
// column per criterion, and a sheet that states the profile in words.

import * as XLSX from 'xlsx';
import { describeCriterion, describeProfile, type PersonRow, type ScreeningReport } from '../domain/screening/report.ts';
import type { Criterion, Profile } from '../domain/screening/profile.ts';
import type { ValueKind } from '../domain/screening/criteria/common.ts';
import { criterionValueText, valueKindOf } from '../domain/screening/criteria/kinds.ts';

const REASON_ZH = { left: '截止日前已离职/退休', notYetHired: '截止日时尚未入职', statusLeft: '状态为离职或退休' } as const;

/** Number formats by what a criterion's values are: 30.6% stays a number the workbook shows as a percentage. */
const NUMBER_FORMAT: Record<ValueKind, string> = { percent: '0.0%', number: '0.00', count: '0', years: '0', flag: '0' };

/** A criterion's value as a typed cell, formatted as the badge and the drawer show it. */
function valueCell(c: Criterion | undefined, cell: PersonRow['criteria'][number]): unknown {
  if (cell.value === null) return '无数据';
  if (cell.rank) return `${c ? criterionValueText(c, cell.value) : cell.value}（第${cell.rank}名/前${cell.cutoff}名内合格，共${cell.groupSize}人）`;
  const kind = c ? valueKindOf(c) : 'number';
  return { t: 'n', v: cell.value, z: NUMBER_FORMAT[kind] };
}

function peopleSheet(profile: Profile, rows: PersonRow[], withFailed: boolean): XLSX.WorkSheet {
  const head = ['工号', '姓名', '部门', '岗位', ...(withFailed ? ['仅差'] : []), ...profile.criteria.flatMap((c) => [`${c.label ?? describeCriterion(c)}`, '是否满足'])];
  const label = (id: string) => {
    const c = profile.criteria.find((x) => x.id === id);
    return c ? (c.label ?? describeCriterion(c)) : id;
  };
  const byId = new Map(profile.criteria.map((c) => [c.id, c]));
  const body = rows.map((r) => [
    { t: 's', v: r.employeeId },
    { t: 's', v: r.name },
    { t: 's', v: r.department },
    { t: 's', v: r.position },
    ...(withFailed ? [(r.failed ?? []).map(label).join('、')] : []),
    ...r.criteria.flatMap((c) => [valueCell(byId.get(c.id), c), c.passed ? '是' : '否']),
  ]);
  const ws = XLSX.utils.aoa_to_sheet([head, ...body] as unknown[][]);
  ws['!cols'] = head.map((h) => ({ wch: Math.min(40, Math.max(8, h.length * 2)) }));
  return ws;
}

export function screeningWorkbook(profile: Profile, report: ScreeningReport): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, peopleSheet(profile, report.candidates, false), '候选人');
  XLSX.utils.book_append_sheet(wb, peopleSheet(profile, report.nearMisses, true), '差一项');
  const excluded = XLSX.utils.aoa_to_sheet([['工号', '姓名', '部门', '原因'], ...report.excluded.map((x) => [{ t: 's', v: x.employeeId }, { t: 's', v: x.name }, { t: 's', v: x.department }, REASON_ZH[x.reason]])] as unknown[][]);
  XLSX.utils.book_append_sheet(wb, excluded, '排除');
  const words = [...describeProfile(profile, report.asOf), '', `在职人数：${report.population}`, `候选人：${report.candidates.length}`, `差一项：${report.nearMisses.length}`, `排除：${report.excludedCount}`];
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(words.map((w) => [w])), '画像说明');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}
