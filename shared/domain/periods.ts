// Periods are closed date intervals with a canonical label (2024, 2024H1, 2024Q1, 2024-03).
// Everything time-based works on these values, never on the raw strings from a sheet.

export type PeriodKind = 'year' | 'half' | 'quarter' | 'month';

export interface Period {
  kind: PeriodKind;
  label: string;
  /** First day, ISO YYYY-MM-DD. */
  start: string;
  /** Last day, ISO YYYY-MM-DD (inclusive). */
  end: string;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Days in a month of the proleptic Gregorian calendar, month 1..12. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthSpan(kind: PeriodKind, label: string, year: number, firstMonth: number, months: number): Period {
  const lastMonth = firstMonth + months - 1;
  return {
    kind,
    label,
    start: `${year}-${pad2(firstMonth)}-01`,
    end: `${year}-${pad2(lastMonth)}-${pad2(daysInMonth(year, lastMonth))}`,
  };
}

export function yearPeriod(year: number): Period {
  return monthSpan('year', String(year), year, 1, 12);
}
export function halfPeriod(year: number, half: 1 | 2): Period {
  return monthSpan('half', `${year}H${half}`, year, half === 1 ? 1 : 7, 6);
}
export function quarterPeriod(year: number, quarter: number): Period {
  if (quarter < 1 || quarter > 4) throw new RangeError(`quarter ${quarter}`);
  return monthSpan('quarter', `${year}Q${quarter}`, year, (quarter - 1) * 3 + 1, 3);
}
export function monthPeriod(year: number, month: number): Period {
  if (month < 1 || month > 12) throw new RangeError(`month ${month}`);
  return monthSpan('month', `${year}-${pad2(month)}`, year, month, 1);
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };

function smallNumber(text: string): number | null {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  return CN_DIGITS[text] ?? null;
}

/**
 * Parses a period label in canonical or common Chinese form:
 * 2024, 2024年, 2024H1, 2024上半年, 2024Q1, 2024-Q1, 2024年第1季度, 2024年第一季度, 2024-03, 2024年3月, 2024.03, 202403.
 * Returns null when the text is not a period.
 */
export function parsePeriod(raw: string): Period | null {
  const text = raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  let m = /^(\d{4})年?(度)?$/.exec(text);
  if (m) return yearPeriod(Number(m[1]));
  m = /^(\d{4})年?(?:-|_)?(?:H([12])|([上下])半年)$/.exec(text);
  if (m) return halfPeriod(Number(m[1]), m[2] ? (Number(m[2]) as 1 | 2) : m[3] === '上' ? 1 : 2);
  m = /^(\d{4})年?(?:-|_)?(?:Q([1-4])|第?([1-4一二三四])季度?)$/.exec(text);
  if (m) return quarterPeriod(Number(m[1]), m[2] ? Number(m[2]) : smallNumber(m[3])!);
  m = /^(\d{4})(?:年|-|\.|\/)(\d{1,2}|[一二三四五六七八九十]{1,2})月?$/.exec(text);
  if (m) {
    const month = smallNumber(m[2]);
    if (month !== null && month >= 1 && month <= 12) return monthPeriod(Number(m[1]), month);
    return null;
  }
  m = /^(\d{4})(\d{2})$/.exec(text);
  if (m) {
    const month = Number(m[2]);
    if (month >= 1 && month <= 12) return monthPeriod(Number(m[1]), month);
  }
  return null;
}

/** The quarter containing an ISO date. */
export function quarterOf(isoDate: string): Period {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return quarterPeriod(year, Math.floor((month - 1) / 3) + 1);
}

/** The quarter before the given one. */
export function previousQuarter(p: Period): Period {
  const year = Number(p.label.slice(0, 4));
  const q = Number(p.label.slice(5));
  return q === 1 ? quarterPeriod(year - 1, 4) : quarterPeriod(year, q - 1);
}

/** The last quarter that ended on or before the given date. */
export function lastCompleteQuarter(isoDate: string): Period {
  const q = quarterOf(isoDate);
  return q.end === isoDate ? q : previousQuarter(q);
}

/** `count` consecutive quarters ending with `last`, oldest first. */
export function quartersEndingWith(last: Period, count: number): Period[] {
  const out: Period[] = [last];
  while (out.length < count) out.unshift(previousQuarter(out[0]));
  return out;
}

/** Shift an ISO date by whole years, clamping 29 Feb to 28 Feb. */
export function addYears(isoDate: string, years: number): string {
  const y = Number(isoDate.slice(0, 4)) + years;
  const m = Number(isoDate.slice(5, 7));
  const d = Math.min(Number(isoDate.slice(8, 10)), daysInMonth(y, m));
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** Add days to an ISO date (UTC arithmetic, no time-zone shifts). */
export function addDays(isoDate: string, days: number): string {
  const t = Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10)));
  return new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days between two ISO dates (b − a). */
export function daysBetween(a: string, b: string): number {
  const t = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
  return Math.round((t(b) - t(a)) / 86_400_000);
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const m = Number(text.slice(5, 7));
  const d = Number(text.slice(8, 10));
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(Number(text.slice(0, 4)), m);
}

/** The way a Chinese appraisal system labels a period: 2024年第1季度, 2024年上半年, 2024年3月, 2024年度. */
export function periodLabelZh(p: Period): string {
  const year = p.label.slice(0, 4);
  switch (p.kind) {
    case 'year':
      return `${year}年度`;
    case 'half':
      return `${year}年${p.label.endsWith('1') ? '上' : '下'}半年`;
    case 'quarter':
      return `${year}年第${p.label.slice(5)}季度`;
    case 'month':
      return `${year}年${Number(p.label.slice(5))}月`;
  }
}
