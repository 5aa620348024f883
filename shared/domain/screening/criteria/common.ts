// What every criterion kind shares: field schemas, comparison, the shape of an outcome and of
// the records that explain it, and how a kind declares itself to the registry (kinds.ts).

import { z } from 'zod';
import { DATASETS } from '../../facts/datasets.ts';
import { addYears } from '../../periods.ts';
import { dayNumber, type ScreeningData } from '../data.ts';
import type { Screener } from '../engine.ts';
import type { RankInfo } from '../ranking.ts';

export const SCOPES = ['company', 'plant', 'department', 'position'] as const;
export const AGGREGATES = ['latest', 'mean', 'min', 'max', 'sum'] as const;
export const OPS = ['>=', '>', '<=', '<', '='] as const;
export type Scope = (typeof SCOPES)[number];
export type Aggregate = (typeof AGGREGATES)[number];
export type Op = (typeof OPS)[number];

export const idField = z.string().min(1).max(64);
export const yearsField = z.number().positive().max(20);
export const labelField = z.string().optional();

export function compare(value: number, op: Op, threshold: number): boolean {
  switch (op) {
    case '>=':
      return value >= threshold;
    case '>':
      return value > threshold;
    case '<=':
      return value <= threshold;
    case '<':
      return value < threshold;
    case '=':
      return Math.abs(value - threshold) < 1e-9;
  }
}

/**
 * What a criterion's values are, for showing them: a percentage (30.6%), a plain number
 * (ratings to two decimals), a count, years, or a yes/no. Decided by the dataset field the
 * value comes from, never by a metric's name.
 */
export type ValueKind = 'percent' | 'number' | 'count' | 'years' | 'flag';

/** The value kind of a performance metric, from the performance dataset's field types. */
export function performanceValueKind(metric: string): ValueKind {
  const field = DATASETS.performance.fields.find((f) => f.name === metric);
  return field?.type === 'percent' ? 'percent' : 'number';
}

/** A threshold someone set, as they typed it: ≥20%, ≥4.5 (no padding digits). */
export function formatCriterionThreshold(kind: ValueKind, v: number): string {
  return kind === 'percent' ? `${Math.round(v * 1000) / 10}%` : String(Math.round(v * 100) / 100);
}

/** A value as shown in badges, the drawer and the export: 30.6%, 4.27, 6. */
export function formatCriterionValue(kind: ValueKind, v: number): string {
  switch (kind) {
    // The same digits as the workbook's number formats (0.0% and 0.00): 30.6%, 4.70.
    case 'percent':
      return `${(v * 100).toFixed(1)}%`;
    case 'number':
      return v.toFixed(2);
    default:
      return String(Math.round(v * 100) / 100);
  }
}

export interface CriterionOutcome {
  id: string;
  kind: string;
  /** 1 when passed. */
  passed: Uint8Array;
  /** The employee's value (NaN = no data). */
  value: Float64Array;
  /** What the value is compared with, as shown to the officer. */
  threshold: number | string;
  /** Percentile criteria: the rank within the group, the group's cut-off and size; null when the
   *  employee is not ranked (inactive, or no data). Computed on demand, for the rows shown. */
  rankOf?: (e: number) => RankInfo | null;
  /** How many active employees in view pass. */
  passCount: number;
}

export type Outcome = Omit<CriterionOutcome, 'passCount'>;

/**
 * One record behind a criterion, as data: `what` is what the file said (a rating dimension, an
 * activity type, a certificate), or, with `metric`, the performance field's code, named in the
 * reader's language where it is shown.
 */
export interface ExplainedRecord {
  when: string;
  what: string;
  metric?: string;
  rater?: string;
  value: string;
  counted: boolean;
}

/** The window of a criterion over N years before the as-of date, as day numbers: (lo, hi]. */
export function windowDays(asOf: string, years: number): { lo: number; hi: number; inWindow: (d: number) => boolean } {
  const lo = dayNumber(addYears(asOf, -years));
  const hi = dayNumber(asOf);
  return { lo, hi, inWindow: (d) => d > lo && d <= hi };
}

export const METRIC_ZH: Record<string, string> = Object.fromEntries(DATASETS.performance.fields.filter((f) => f.type === 'number' || f.type === 'percent').map((f) => [f.name, f.zh]));
export const METRIC_EN: Record<string, string> = Object.fromEntries(DATASETS.performance.fields.filter((f) => f.type === 'number' || f.type === 'percent').map((f) => [f.name, f.en]));
export const years = (n: number) => (n === 1 ? '1 year' : `${n} years`);

/** One criterion kind: its schema, how it evaluates and explains, and how it reads in words. */
export interface CriterionKind<C extends { kind: string; id: string }> {
  kind: C['kind'];
  schema: z.ZodObject<z.ZodRawShape>;
  evaluate(screener: Screener, c: C, asOf: string): Outcome;
  explain(data: ScreeningData, c: C, e: number, asOf: string): ExplainedRecord[];
  /** The criterion in words, in Chinese: 近2年绩效得分平均排名前15%（部门内）. */
  describe(c: C): string;
  /** The same in English: Top 15% by mean Score over 2 years (within department). */
  describeEn(c: C): string;
  valueKind(c: C): ValueKind;
}
