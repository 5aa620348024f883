// Normalisation of cell values into canonical values (DESIGN.md §5), once, at import:
// ids as text with leading zeros, ISO dates, period labels, numbers, fractions, enums.

import { STATUS_ZH, type EmploymentStatus } from '../domain/employee.ts';
import { LIST_SEPARATOR } from '../domain/facts/columns.ts';
import type { ValueType } from '../domain/facts/datasets.ts';
import { isIsoDate, parsePeriod, monthPeriod, yearPeriod } from '../domain/periods.ts';
import { serialToIso } from './excel-dates.ts';
import { CELL_LIMITS } from './limits.ts';
import type { IoMessageCode } from './messages.ts';

/** A cell as SheetJS gives it (dense mode), or a text cell from a CSV. */
export interface CellInput {
  t: 's' | 'n' | 'b' | 'd' | 'e' | 'z';
  v?: unknown;
  w?: string;
  z?: string | number;
  f?: string;
}

export interface ValueNote {
  code: IoMessageCode;
  params: Record<string, string | number>;
}

export type Normalised = { ok: true; value: string | number | null; warning?: ValueNote } | ({ ok: false } & ValueNote);

const ok = (value: string | number | null, warning?: ValueNote): Normalised => ({ ok: true, value, warning });
const fail = (code: IoMessageCode, params: Record<string, string | number> = {}): Normalised => ({ ok: false, code, params });

/** NFKC (full-width digits and letters) and trimming, including U+3000 and U+00A0. */
// Printable ASCII and CJK unified ideographs are already NFKC: most cells skip normalisation.
const ALREADY_CLEAN = /^[\x21-\x7e\u4e00-\u9fff](?:[\x20-\x7e\u4e00-\u9fff]*[\x21-\x7e\u4e00-\u9fff])?$/;

export function cleanText(text: string): string {
  if (ALREADY_CLEAN.test(text)) return text;
  return text.normalize('NFKC').replace(/^[\s\u00a0\u3000\ufeff]+|[\s\u00a0\u3000\ufeff]+$/g, '');
}

/** The text of a cell as the user sees it. */
/** An apostrophe our CSV export put before text that would run as a formula (see escapeFormulaText). */
const ESCAPED_FORMULA = /^'(?=[=+\-@\t\r])/;

/** The text of a cell, without the formula escape a CSV of ours adds. */
export const unescapedText = (text: string): string => text.replace(ESCAPED_FORMULA, '');

export function cellText(cell: CellInput | undefined): string {
  if (!cell || cell.v === undefined || cell.v === null) return '';
  if (cell.t === 's') return cleanText(String(cell.v));
  if (cell.w !== undefined) return cleanText(cell.w);
  return cleanText(String(cell.v));
}

export function isBlank(cell: CellInput | undefined): boolean {
  return !cell || cell.t === 'z' || ((cell.v === undefined || cell.v === null || (cell.t === 's' && cleanText(String(cell.v)) === '')) && cell.t !== 'e' && !cell.f);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

export function parseDateText(text: string): string | null {
  const t = cleanText(text);
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(t);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return null;
  const iso = `${m[1]}-${pad2(Number(m[2]))}-${pad2(Number(m[3]))}`;
  return isIsoDate(iso) ? iso : null;
}

function isDateFormat(z: string | number | undefined): boolean {
  if (typeof z === 'number') return [14, 15, 16, 17, 22, 27, 30, 36, 50, 57].includes(z);
  if (!z) return false;
  const stripped = z.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[ymd]/i.test(stripped) && !/^[#0.,%]+$/.test(stripped);
}

const MAX_SAFE_DIGITS = 15;

function normaliseId(cell: CellInput): Normalised {
  if (cell.t === 'n') {
    const n = cell.v as number;
    if (!Number.isInteger(n) || n < 0) return fail('badId', { value: cellText(cell) });
    const digits = String(n);
    if (digits.length > MAX_SAFE_DIGITS || !Number.isSafeInteger(n)) return fail('idPrecision', { value: cellText(cell) || digits });
    const format = typeof cell.z === 'string' ? cell.z : '';
    if (/^0+$/.test(format) && format.length > digits.length) {
      const padded = digits.padStart(format.length, '0');
      return ok(padded, { code: 'idPadded', params: { value: padded } });
    }
    return ok(digits);
  }
  const text = cellText(cell);
  if (!/^[\p{L}\p{N}_\-.]+$/u.test(text)) return fail('badId', { value: text });
  return ok(text);
}

function normaliseDate(cell: CellInput, date1904: boolean): Normalised {
  if (cell.t === 'n') {
    const serial = cell.v as number;
    if (serial < 1 || serial > 2958465) return fail('badDate', { value: cellText(cell) });
    return ok(serialToIso(serial, date1904));
  }
  if (cell.t === 'd' && cell.v instanceof Date) return ok(cell.v.toISOString().slice(0, 10));
  const iso = parseDateText(cellText(cell));
  return iso ? ok(iso) : fail('badDate', { value: cellText(cell) });
}

function normalisePeriod(cell: CellInput, date1904: boolean): Normalised {
  if (cell.t === 'n') {
    const n = cell.v as number;
    if (isDateFormat(cell.z)) {
      const iso = serialToIso(n, date1904);
      return ok(monthPeriod(Number(iso.slice(0, 4)), Number(iso.slice(5, 7))).label);
    }
    if (Number.isInteger(n) && n >= 1900 && n <= 2200) return ok(yearPeriod(n).label);
    const p = Number.isInteger(n) ? parsePeriod(String(n)) : null;
    return p ? ok(p.label) : fail('badPeriod', { value: cellText(cell) });
  }
  const p = parsePeriod(cellText(cell));
  return p ? ok(p.label) : fail('badPeriod', { value: cellText(cell) });
}

export function parseNumberText(text: string): number | null {
  const t = cleanText(text).replace(/[,\s]/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

function normaliseNumber(cell: CellInput): Normalised {
  if (cell.t === 'n') return ok(cell.v as number);
  const n = parseNumberText(cellText(cell));
  return n === null ? fail('badNumber', { value: cellText(cell) }) : ok(n);
}

const round = (x: number) => Math.round(x * 1e9) / 1e9;

function normalisePercent(cell: CellInput): Normalised {
  const scaled = (n: number, shown: string): Normalised => (Math.abs(n) > 1.5 ? ok(round(n / 100), { code: 'percentScaled', params: { value: shown, fraction: round(n / 100) } }) : ok(n));
  if (cell.t === 'n') {
    const n = cell.v as number;
    const format = typeof cell.z === 'string' ? cell.z : cell.z === 9 || cell.z === 10 ? '%' : '';
    return format.includes('%') ? ok(n) : scaled(n, cellText(cell));
  }
  const text = cellText(cell);
  const m = /^([-+]?[\d.,]+)\s*%$/.exec(text);
  if (m) {
    const n = parseNumberText(m[1]);
    return n === null ? fail('badPercent', { value: text }) : ok(round(n / 100));
  }
  const n = parseNumberText(text);
  return n === null ? fail('badPercent', { value: text }) : scaled(n, text);
}

const STATUS_SYNONYMS: Record<string, EmploymentStatus> = {
  在职: 'active', 在岗: 'active', 正式: 'active', 正式员工: 'active', 在职在岗: 'active', active: 'active',
  离职: 'departed', 已离职: 'departed', 辞职: 'departed', 解除合同: 'departed', 调出: 'departed', departed: 'departed', terminated: 'departed', left: 'departed',
  退休: 'retired', 已退休: 'retired', 内退: 'retired', retired: 'retired',
  停薪留职: 'leave', 长病假: 'leave', 病假: 'leave', 产假: 'leave', 休假: 'leave', 待岗: 'leave', leave: 'leave', onleave: 'leave',
  试用: 'probation', 试用期: 'probation', 试用中: 'probation', probation: 'probation',
};

export const GRADES = ['S', 'A', 'B', 'C', 'D'] as const;
const GRADE_SYNONYMS: Record<string, string> = { s: 'S', a: 'A', b: 'B', c: 'C', d: 'D', 优秀: 'S', 良好: 'A', 合格: 'B', 称职: 'B', 待改进: 'C', 基本合格: 'C', 基本称职: 'C', 不合格: 'D', 不称职: 'D' };
const ROLE_SYNONYMS: Record<string, string> = { 学员: 'learner', 学习者: 'learner', 参训: 'learner', 参训人员: 'learner', learner: 'learner', trainee: 'learner', 讲师: 'lecturer', 授课: 'lecturer', 授课讲师: 'lecturer', 内训师: 'lecturer', lecturer: 'lecturer', trainer: 'lecturer' };

function normaliseEnum(cell: CellInput, table: Record<string, string>, allowed: string): Normalised {
  const text = cellText(cell);
  const key = text.toLowerCase().replace(/\s+/g, '');
  const value = table[key];
  return value ? ok(value) : fail('badEnum', { value: text, allowed });
}

function normaliseList(cell: CellInput): Normalised {
  const parts = cellText(cell)
    .split(/[、,;，；/\n]+/)
    .map(cleanText)
    .filter(Boolean);
  return ok(parts.length ? [...new Set(parts)].join(LIST_SEPARATOR) : null);
}

/** Normalises one non-blank cell for a field type. */
export function normaliseCell(type: ValueType, cell: CellInput, date1904 = false): Normalised {
  if (cell.f && (cell.v === undefined || cell.v === null)) return fail('formulaNoValue');
  if (typeof cell.v === 'string' && cell.v.length > CELL_LIMITS[type]) return fail('cellTooLong', { length: cell.v.length, limit: CELL_LIMITS[type] });
  if (cell.t === 'e') return fail('errorCell', { value: cell.w ?? String(cell.v ?? '#ERROR') });
  switch (type) {
    case 'id':
      return normaliseId(cell);
    case 'date':
      return normaliseDate(cell, date1904);
    case 'period':
      return normalisePeriod(cell, date1904);
    case 'number':
      return normaliseNumber(cell);
    case 'percent':
      return normalisePercent(cell);
    case 'status':
      return normaliseEnum(cell, STATUS_SYNONYMS, Object.values(STATUS_ZH).join('、'));
    case 'grade':
      return normaliseEnum(cell, GRADE_SYNONYMS, `${GRADES.join('/')}、优秀/良好/合格/待改进/不合格`);
    case 'role':
      return normaliseEnum(cell, ROLE_SYNONYMS, '学员、讲师');
    case 'list':
      return normaliseList(cell);
    case 'text': {
      const text = unescapedText(cellText(cell));
      return ok(text === '' ? null : text);
    }
  }
}
