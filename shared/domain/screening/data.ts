// The screening snapshot: facts rearranged once per data snapshot into typed arrays grouped
// by employee (compressed rows), so that any profile evaluates in one pass per criterion.

import { encodeDictionary, splitList, type ColumnSet, type Dictionary, type StringColumn } from '../facts/columns.ts';
import type { EmploymentStatus } from '../employee.ts';
import { parsePeriod } from '../periods.ts';

/** Dictionary-encoded strings (shared with the people list's index). */
export type Codes = Dictionary;

/** Rows of one dataset grouped by employee: rows of employee e are start[e] .. start[e+1]-1. */
export interface Grouped {
  start: Int32Array;
  /** Day number (days since 1970-01-01) the row counts on; NO_DAY when it has none. */
  day: Int32Array;
  /** Index of the row in the source column set, for explanations. */
  source: Int32Array;
}

export interface ScreeningData {
  n: number;
  ids: string[];
  names: string[];
  rowOf: Map<string, number>;
  plant: Codes;
  department: Codes;
  position: Codes;
  hireDay: Int32Array;
  leaveDay: Int32Array;
  status: (EmploymentStatus | null)[];
  certificates: Set<string>[];
  perf: Grouped & { metrics: Record<string, Float64Array>; periods: StringColumn };
  /** Within an employee, ratings are ordered by dimension: rows of employee e in dimension c are
   *  byDimension[e·D + c] .. byDimension[e·D + c + 1] - 1, with D = dimensions.length. */
  ratings: Grouped & { dimension: Int32Array; dimensions: string[]; score: Float64Array; byDimension: Int32Array };
  activities: Grouped & { type: Int32Array; types: string[] };
  /** The source sets, for explanations. */
  sources: { performance: ColumnSet; ratings: ColumnSet; activities: ColumnSet; certificates: ColumnSet | null };
  /** Latest performance period end, ISO, or null. */
  latestPerformanceEnd: string | null;
}

export const NO_DAY = -2147483648;

export function dayNumber(iso: string | null | undefined): number {
  if (!iso || iso.length < 10) return NO_DAY;
  return Math.round(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000);
}

const codes = (values: StringColumn): Codes => encodeDictionary(values);

/** Groups rows by employee with a counting sort; rows of unknown employees are dropped. */
function group(n: number, ids: StringColumn, rowOf: Map<string, number>, dayOf: (row: number) => number): Grouped & { owner: Int32Array } {
  const owner = new Int32Array(ids.length);
  const count = new Int32Array(n + 1);
  for (let r = 0; r < ids.length; r++) {
    const e = ids[r] === null ? undefined : rowOf.get(ids[r]!);
    owner[r] = e ?? -1;
    if (e !== undefined) count[e + 1]++;
  }
  const start = new Int32Array(n + 1);
  for (let e = 0; e < n; e++) start[e + 1] = start[e] + count[e + 1];
  const fill = start.slice(0, n);
  const total = start[n];
  const day = new Int32Array(total);
  const source = new Int32Array(total);
  for (let r = 0; r < ids.length; r++) {
    const e = owner[r];
    if (e < 0) continue;
    const at = fill[e]++;
    day[at] = dayOf(r);
    source[at] = r;
  }
  return { start, day, source, owner };
}

const periodEnds = new Map<string, number>();
function periodEndDay(label: string | null): number {
  if (!label) return NO_DAY;
  let d = periodEnds.get(label);
  if (d === undefined) {
    const p = parsePeriod(label);
    d = p ? dayNumber(p.end) : NO_DAY;
    periodEnds.set(label, d);
  }
  return d;
}

export interface ScreeningSources {
  roster: ColumnSet;
  performance: ColumnSet;
  ratings: ColumnSet;
  activities: ColumnSet;
  certificates?: ColumnSet | null;
}

export function buildScreeningData(src: ScreeningSources): ScreeningData {
  const r = src.roster;
  const ids = (r.columns.employeeId as StringColumn).map((x) => x ?? '');
  const n = r.length;
  const rowOf = new Map<string, number>();
  ids.forEach((id, i) => rowOf.set(id, i));
  const hireDay = new Int32Array(n);
  const leaveDay = new Int32Array(n);
  const hire = r.columns.hireDate as StringColumn;
  const leave = r.columns.leaveDate as StringColumn;
  for (let i = 0; i < n; i++) {
    hireDay[i] = dayNumber(hire[i]);
    leaveDay[i] = dayNumber(leave[i]);
  }
  const certificates = Array.from({ length: n }, () => new Set<string>());
  const rosterCerts = r.columns.certificates as StringColumn | undefined;
  if (rosterCerts) for (let i = 0; i < n; i++) for (const c of splitList(rosterCerts[i])) certificates[i].add(c);
  if (src.certificates) {
    const cid = src.certificates.columns.employeeId as StringColumn;
    const cname = src.certificates.columns.certificate as StringColumn;
    for (let k = 0; k < src.certificates.length; k++) {
      const e = cid[k] === null ? undefined : rowOf.get(cid[k]!);
      if (e !== undefined && cname[k]) certificates[e].add(cname[k]!);
    }
  }

  // Performance: rows count on the last day of their period.
  const p = src.performance;
  const pPeriods = p.columns.period as StringColumn;
  const pg = group(n, p.columns.employeeId as StringColumn, rowOf, (row) => periodEndDay(pPeriods[row]));
  const metrics: Record<string, Float64Array> = {};
  for (const [name, col] of Object.entries(p.columns)) {
    if (!(col instanceof Float64Array)) continue;
    const out = new Float64Array(pg.source.length);
    for (let k = 0; k < out.length; k++) out[k] = col[pg.source[k]];
    metrics[name] = out;
  }
  let latest = NO_DAY;
  for (let k = 0; k < pg.day.length; k++) if (pg.day[k] > latest) latest = pg.day[k];

  // Ratings count on their date, else the last day of their period.
  const rt = src.ratings;
  const rDates = rt.columns.date as StringColumn;
  const rPeriods = rt.columns.period as StringColumn;
  const rg = group(n, rt.columns.employeeId as StringColumn, rowOf, (row) => (rDates[row] ? dayNumber(rDates[row]) : periodEndDay(rPeriods[row])));
  const dims = codes(rt.columns.dimension as StringColumn);
  const rScore = rt.columns.score as Float64Array;
  // A stable counting sort of the employee-grouped rows by (employee, dimension), so that a
  // rating criterion reads only its own dimension's rows.
  const D = Math.max(1, dims.labels.length);
  const rows = rg.source.length;
  const byDimension = new Int32Array(n * D + 1);
  for (let e = 0; e < n; e++) for (let k = rg.start[e]; k < rg.start[e + 1]; k++) byDimension[e * D + dims.codes[rg.source[k]] + 1]++;
  for (let key = 0; key < n * D; key++) byDimension[key + 1] += byDimension[key];
  const next = byDimension.slice(0, n * D);
  const dimension = new Int32Array(rows);
  const score = new Float64Array(rows);
  const rDay = new Int32Array(rows);
  const rSource = new Int32Array(rows);
  for (let e = 0; e < n; e++) {
    for (let k = rg.start[e]; k < rg.start[e + 1]; k++) {
      const c = dims.codes[rg.source[k]];
      const at = next[e * D + c]++;
      dimension[at] = c;
      score[at] = rScore[rg.source[k]];
      rDay[at] = rg.day[k];
      rSource[at] = rg.source[k];
    }
  }

  const a = src.activities;
  const aDates = a.columns.date as StringColumn;
  const ag = group(n, a.columns.employeeId as StringColumn, rowOf, (row) => dayNumber(aDates[row]));
  const types = codes(a.columns.type as StringColumn);
  const type = new Int32Array(ag.source.length);
  for (let k = 0; k < ag.source.length; k++) type[k] = types.codes[ag.source[k]];

  return {
    n,
    ids,
    names: (r.columns.name as StringColumn).map((x) => x ?? ''),
    rowOf,
    plant: codes(r.columns.plant as StringColumn),
    department: codes(r.columns.department as StringColumn),
    position: codes(r.columns.position as StringColumn),
    hireDay,
    leaveDay,
    status: r.columns.status as (EmploymentStatus | null)[],
    certificates,
    perf: { start: pg.start, day: pg.day, source: pg.source, metrics, periods: pPeriods },
    ratings: { start: rg.start, day: rDay, source: rSource, dimension, dimensions: dims.labels, score, byDimension },
    activities: { start: ag.start, day: ag.day, source: ag.source, type, types: types.labels },
    sources: { performance: p, ratings: rt, activities: a, certificates: src.certificates ?? null },
    latestPerformanceEnd: latest === NO_DAY ? null : new Date(latest * 86_400_000).toISOString().slice(0, 10),
  };
}
