// The panel's rubric and the arithmetic of its scores (the selection issue, DESIGN.md §7):
// weighted criteria on a scale; a reviewer's total, and per candidate the mean, the trimmed
// mean, the spread and the flags an officer looks at before deciding. Pure: the app, the
// review packets and `xinhuo review tally` all use it.
//
// Weights are normalised to sum to 1. A reviewer's total = Σ weight × score over the
// criteria, present only when the reviewer scored every criterion. Mean = average of the
// totals present. Trimmed mean (five totals or more) = average after dropping one highest and
// one lowest. Spread = max − min of the totals.

import { z } from 'zod';

export const rubricCriterionSchema = z.object({
  id: z.string().min(1).max(40),
  name: z.string().min(1).max(100),
  description: z.string().max(1000).default(''),
  weight: z.number().positive().max(1000),
});

export const rubricSchema = z
  .object({
    id: z.string().min(1).max(64),
    version: z.number().int().min(1),
    name: z.string().min(1).max(100),
    scale: z.object({ min: z.number().int(), max: z.number().int() }).refine((s) => s.max > s.min, 'the scale needs a range'),
    criteria: z.array(rubricCriterionSchema).min(1).max(20),
  })
  .refine((r) => new Set(r.criteria.map((c) => c.id)).size === r.criteria.length, 'criterion ids must differ');
export type Rubric = z.output<typeof rubricSchema>;

/** The domain article's rubric: topic relevance 40%, delivery 30%, authenticity of the cases 30%, scored 1–10. */
export const DEFAULT_RUBRIC: Rubric = {
  id: 'default',
  version: 1,
  name: '试讲评审（默认）',
  scale: { min: 1, max: 10 },
  criteria: [
    { id: 'relevance', name: '选题相关性', description: '选题是否对准业务痛点，能否解决实际问题', weight: 40 },
    { id: 'delivery', name: '表达能力', description: '15 分钟内讲清楚：结构、语言、节奏、互动', weight: 30 },
    { id: 'authenticity', name: '案例真实性', description: '案例是否来自本岗位的真实工作', weight: 30 },
  ],
};

/** The scales an officer chooses from: 1–10 (the domain article's) or 1–5. */
export const RUBRIC_SCALES = [{ min: 1, max: 10 }, { min: 1, max: 5 }] as const;

export type RubricProblem = 'name' | 'criteria' | 'criterionName' | 'weight' | 'duplicate' | 'scale';

/** What keeps a rubric an officer edited from being used, as a code (null: usable). */
export function rubricProblem(r: Pick<Rubric, 'name' | 'criteria' | 'scale'>): RubricProblem | null {
  if (!r.name.trim()) return 'name';
  if (r.criteria.length === 0 || r.criteria.length > 20) return 'criteria';
  if (r.criteria.some((c) => !c.name.trim())) return 'criterionName';
  if (r.criteria.some((c) => !(c.weight > 0 && c.weight <= 1000))) return 'weight';
  if (new Set(r.criteria.map((c) => c.name.trim())).size !== r.criteria.length) return 'duplicate';
  if (!(Number.isInteger(r.scale.min) && Number.isInteger(r.scale.max) && r.scale.max > r.scale.min)) return 'scale';
  return null;
}

/** Weights summing to 1, in criterion order. */
export function normalisedWeights(rubric: Pick<Rubric, 'criteria'>): Map<string, number> {
  const sum = rubric.criteria.reduce((n, c) => n + c.weight, 0);
  return new Map(rubric.criteria.map((c) => [c.id, c.weight / sum]));
}

export interface Score {
  reviewer: string;
  candidateId: string;
  criterion: string;
  score: number;
}

export type TallyFlag = 'largeSpread' | 'missingScores' | 'outlierReviewer';

export interface CandidateTally {
  candidateId: string;
  /** Each reviewer's weighted total; a reviewer who left a criterion unscored has none. */
  reviewerTotals: Record<string, number>;
  /** Reviewers assigned who have no total for this candidate. */
  missing: string[];
  mean: number | null;
  trimmedMean: number | null;
  spread: number | null;
  flags: TallyFlag[];
  /** Reviewers whose totals here sit far from the panel's (the outlier flag's reason). */
  outliers: string[];
}

export interface TallyOptions {
  /** A spread at least this large (in the scale's points) is flagged. Default: a quarter of the scale's range. */
  spreadLimit?: number;
  /** A reviewer whose mean z-score across candidates is at least this far from 0 is flagged. Default 1.5. */
  outlierZ?: number;
  /** Every reviewer assigned to each candidate (missing scores are reported against them). */
  assigned?: Record<string, readonly string[]>;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export function reviewerTotal(rubric: Pick<Rubric, 'criteria'>, scores: ReadonlyMap<string, number>): number | null {
  const weights = normalisedWeights(rubric);
  let total = 0;
  for (const [id, w] of weights) {
    const s = scores.get(id);
    if (s === undefined) return null;
    total += w * s;
  }
  return round(total);
}

/**
 * Totals per candidate and reviewer, then the panel's figures. A reviewer is an outlier when,
 * over the candidates they scored, their totals' z-scores within each candidate's panel
 * average at least `outlierZ` away from zero: they score systematically high or low.
 */
export function tally(rubric: Rubric, scores: readonly Score[], options: TallyOptions = {}): CandidateTally[] {
  const spreadLimit = options.spreadLimit ?? (rubric.scale.max - rubric.scale.min) / 4;
  const outlierZ = options.outlierZ ?? 1.5;
  const byPair = new Map<string, Map<string, Map<string, number>>>();
  for (const s of scores) {
    let c = byPair.get(s.candidateId);
    if (!c) byPair.set(s.candidateId, (c = new Map()));
    let r = c.get(s.reviewer);
    if (!r) c.set(s.reviewer, (r = new Map()));
    r.set(s.criterion, s.score);
  }
  const candidates = [...new Set([...byPair.keys(), ...Object.keys(options.assigned ?? {})])].sort();
  const out: CandidateTally[] = candidates.map((candidateId) => {
    const reviewerTotals: Record<string, number> = {};
    for (const [reviewer, crit] of [...(byPair.get(candidateId) ?? new Map<string, Map<string, number>>())].sort(([a], [b]) => a.localeCompare(b))) {
      const total = reviewerTotal(rubric, crit);
      if (total !== null) reviewerTotals[reviewer] = total;
    }
    const totals = Object.values(reviewerTotals);
    const assigned = options.assigned?.[candidateId] ?? [...(byPair.get(candidateId)?.keys() ?? [])];
    const missing = assigned.filter((r) => !(r in reviewerTotals)).sort();
    const sorted = [...totals].sort((a, b) => a - b);
    const m = totals.length ? round(mean(totals)) : null;
    const trimmed = totals.length >= 5 ? round(mean(sorted.slice(1, -1))) : null;
    const spread = totals.length ? round(sorted.at(-1)! - sorted[0]) : null;
    const flags: TallyFlag[] = [];
    if (spread !== null && totals.length >= 2 && spread >= spreadLimit) flags.push('largeSpread');
    if (missing.length) flags.push('missingScores');
    return { candidateId, reviewerTotals, missing, mean: m, trimmedMean: trimmed, spread, flags, outliers: [] };
  });
  // Systematic distance from the panel: each reviewer's z-scores within each candidate's panel.
  const zs = new Map<string, number[]>();
  for (const c of out) {
    const entries = Object.entries(c.reviewerTotals);
    if (entries.length < 3) continue;
    const values = entries.map(([, v]) => v);
    const mu = mean(values);
    const sd = Math.sqrt(mean(values.map((v) => (v - mu) ** 2)));
    if (sd === 0) continue;
    for (const [r, v] of entries) {
      let list = zs.get(r);
      if (!list) zs.set(r, (list = []));
      list.push((v - mu) / sd);
    }
  }
  const outlying = new Set([...zs].filter(([, list]) => list.length >= 2 && Math.abs(mean(list)) >= outlierZ).map(([r]) => r));
  for (const c of out) {
    c.outliers = Object.keys(c.reviewerTotals).filter((r) => outlying.has(r)).sort();
    if (c.outliers.length) c.flags.push('outlierReviewer');
  }
  return out;
}
