// How screening results read: criterion labels, values as their kind shows them, thresholds,
// what a near-miss lacks, chart labels, and the starting values of a criterion added by hand.
// Pure functions, shared by the panels and their tests.

import { METRIC_EN, METRIC_ZH } from '../../../../shared/domain/screening/criteria/common.ts';
import { criterionThresholdText, criterionValueText } from '../../../../shared/domain/screening/criteria/kinds.ts';
import { KNOWLEDGE_SHARING, SEED_PROFILE, type Criterion, type Profile } from '../../../../shared/domain/screening/profile.ts';
import { describeCriterion, type CriterionCell, type Histogram, type PersonRow } from '../../../../shared/domain/screening/report.ts';
import type { SnapshotInfo } from '../../data/index.ts';

/** Today's date where the officer is (not in UTC: before 08:00 in China that is yesterday). */
export const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
/**
 * A criterion's title. A label someone typed is theirs and shows as typed; the built-in
 * profile's own labels are Chinese, so an English reader sees the criterion described in
 * English (from its current values) instead.
 */
export function criterionTitle(c: Criterion, language = 'zh-CN'): string {
  if (language.startsWith('zh')) return c.label ?? describeCriterion(c);
  const builtIn = SEED_PROFILE.criteria.find((s) => s.id === c.id)?.label;
  return !c.label || c.label === builtIn ? describeCriterion(c, 'en') : c.label;
}

/** A performance field's name (绩效得分, Performance score) in the reader's language. */
export const metricName = (metric: string, language = 'zh-CN') => ((language.startsWith('zh') ? METRIC_ZH : METRIC_EN)[metric] ?? metric);

export const labelOf = (profile: Profile, id: string, language = 'zh-CN') => {
  const c = profile.criteria.find((x) => x.id === id);
  return c ? criterionTitle(c, language) : id;
};

/** A value as its criterion's kind shows it (30.6% for a percentage field), the same in badge, drawer and export. */
export function formatValue(c: Criterion | undefined, v: number | null, noData: string): string {
  if (v === null) return noData;
  return c ? criterionValueText(c, v) : String(Math.round(v * 100) / 100);
}

/** The words a badge names its criteria with, in the reader's language (screening.badgeName). */
export type BadgeNames = Record<'score' | 'subordinateImprovement' | 'teamScore' | 'innovationScore' | 'sharing' | 'activities' | 'tenure' | 'certificate' | 'plant' | 'department' | 'position', string>;

/**
 * A criterion's short name on its badge: 业绩 97.8 · 提升率 30.6% · 带教 4.7 · 分享 6. A rating
 * dimension is data (the appraisal system's own name), shown as it is, without a trailing 能力.
 */
export function badgeName(c: Criterion | undefined, names: BadgeNames, language: string): string {
  if (!c) return '';
  switch (c.kind) {
    case 'percentile':
      return names[c.metric as keyof BadgeNames] ?? c.metric;
    case 'threshold':
      if (c.source === 'rating') return language.startsWith('zh') && c.metric.length > 3 && c.metric.endsWith('能力') ? c.metric.slice(0, -2) : c.metric;
      return names[c.metric as keyof BadgeNames] ?? c.metric;
    case 'activityCount':
      return c.types.length === KNOWLEDGE_SHARING.length && c.types.every((x) => KNOWLEDGE_SHARING.includes(x)) ? names.sharing : names.activities;
    case 'tenure':
      return names.tenure;
    case 'certificate':
      return names.certificate;
    case 'organisation':
      return names[c.field];
    default:
      return '';
  }
}

/** A long chart label on two lines, broken before its bracketed part or in the middle. */
export function twoLines(label: string): string | string[] {
  if (label.length <= 10) return label;
  const at = label.indexOf('（') > 0 ? label.indexOf('（') : Math.ceil(label.length / 2);
  return [label.slice(0, at), label.slice(at)];
}

/** Where a criterion's threshold falls on its histogram's bars, for the marker line. */
export function thresholdMarker(c: Criterion | undefined, h: Histogram, label: (v: string) => string): { at: number; label: string } | undefined {
  const bins = h.bins;
  // A percentile's cut-off is a value only where one value separates passing from failing.
  const value = c?.kind === 'threshold' ? c.value : c?.kind === 'activityCount' ? c.min : c?.kind === 'tenure' ? c.minYears : c?.kind === 'percentile' ? (h.cut ?? null) : null;
  if (value === null || !bins.length) return undefined;
  const width = bins[0].to - bins[0].from || 1;
  return { at: (value - bins[0].from) / width - 0.5, label: label(c ? criterionThresholdText(c, value) : String(value)) };
}

export function formatThreshold(c: Criterion | undefined, cell: CriterionCell): string {
  if (c?.kind === 'threshold') return `${c.op} ${criterionThresholdText(c, c.value)}`;
  if (c?.kind === 'activityCount') return `≥ ${c.min}`;
  if (c?.kind === 'tenure') return `≥ ${c.minYears}`;
  return String(cell.threshold);
}

/** What a near-miss lacks, criterion by criterion, with the reader's words for a rank and a list. */
export function missText(profile: Profile, row: PersonRow, text: { noData: string; rank: (cell: CriterionCell) => string; separator: string; language?: string }): string {
  const { noData } = text;
  return (row.failed ?? [])
    .map((id) => {
      const c = profile.criteria.find((x) => x.id === id);
      const cell = row.criteria.find((x) => x.id === id)!;
      const name = c?.kind === 'threshold' && c.source === 'rating' ? c.metric : labelOf(profile, id, text.language);
      if (cell.rank) return `${name}${text.rank(cell)}`;
      const v = formatValue(c, cell.value, noData);
      const th = formatThreshold(c, cell).replace(/^(>=|≥)/, '<').replace(/^>/, '≤');
      return cell.value === null ? `${name} ${noData}` : `${name} ${v} ${th}`;
    })
    .join(text.separator);
}

export function newCriterion(kind: string, info: SnapshotInfo | null, existing: Criterion[]): Criterion {
  const id = (base: string) => {
    let n = 1;
    while (existing.some((c) => c.id === `${base}${n === 1 ? '' : n}`)) n++;
    return `${base}${n === 1 ? '' : n}`;
  };
  switch (kind) {
    case 'certificate':
      return { id: id('certificate'), kind: 'certificate', anyOf: [info?.certificates.find((c) => c.includes('高级')) ?? '高级工程师'] };
    case 'tenure':
      return { id: id('tenure'), kind: 'tenure', minYears: 5 };
    case 'organisation':
      return { id: id('org'), kind: 'organisation', field: 'department', op: 'in', values: [info?.departments[0] ?? '生产一车间'] };
    case 'rating':
      return { id: id('rating'), kind: 'threshold', source: 'rating', metric: info?.dimensions.find((d) => d !== '带教能力') ?? '沟通能力', aggregate: 'mean', op: '>=', value: 4, years: 2 };
    case 'activity':
      return { id: id('activity'), kind: 'activityCount', types: KNOWLEDGE_SHARING, min: 1, years: 1 };
    default:
      return { id: id('metric'), kind: 'threshold', source: 'performance', metric: 'innovationScore', aggregate: 'mean', op: '>=', value: 80, years: 2 };
  }
}

/** What a near-miss of a saved run lacks, in the criteria's own words: 带教能力评分≥4.5. */
export function lacksText(profile: Profile, failed: readonly string[]): string {
  return failed.map((id) => labelOf(profile, id)).join('、');
}
