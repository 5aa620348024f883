// Screening profiles: named, versioned lists of criteria that must all pass (DESIGN.md §6).
// The JSON form is what `xinhuo screen --profile FILE.json` reads and what the app stores.

import { z } from 'zod';

export const SCOPES = ['company', 'plant', 'department', 'position'] as const;
export const AGGREGATES = ['latest', 'mean', 'min', 'max', 'sum'] as const;
export const OPS = ['>=', '>', '<=', '<', '='] as const;

const id = z.string().min(1).max(64);
const years = z.number().positive().max(20);

export const criterionSchema = z.discriminatedUnion('kind', [
  z.object({ id, kind: z.literal('percentile'), label: z.string().optional(), metric: z.string().default('score'), topPercent: z.number().gt(0).max(100), years, scope: z.enum(SCOPES) }),
  z.object({ id, kind: z.literal('threshold'), label: z.string().optional(), source: z.enum(['performance', 'rating']), metric: z.string().min(1), aggregate: z.enum(AGGREGATES), op: z.enum(OPS), value: z.number(), years }),
  z.object({ id, kind: z.literal('activityCount'), label: z.string().optional(), types: z.array(z.string().min(1)).min(1), min: z.number().int().min(0), years }),
  z.object({ id, kind: z.literal('certificate'), label: z.string().optional(), anyOf: z.array(z.string().min(1)).min(1) }),
  z.object({ id, kind: z.literal('tenure'), label: z.string().optional(), minYears: z.number().min(0) }),
  z.object({ id, kind: z.literal('organisation'), label: z.string().optional(), field: z.enum(['plant', 'department', 'position']), op: z.enum(['in', 'notIn']), values: z.array(z.string()).min(1) }),
]);

export const profileSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  version: z.number().int().min(1).default(1),
  criteria: z.array(criterionSchema).max(30).refine((cs) => new Set(cs.map((c) => c.id)).size === cs.length, 'criterion ids must be unique'),
});

export type Criterion = z.output<typeof criterionSchema>;
export type Profile = z.output<typeof profileSchema>;
export type Scope = (typeof SCOPES)[number];
export type Aggregate = (typeof AGGREGATES)[number];
export type Op = (typeof OPS)[number];

/** Activity types that all mean knowledge sharing. */
export const KNOWLEDGE_SHARING = ['知识分享会', '部门知识分享会', '分享会'];

/**
 * The domain article's profile: top 15% of the department by mean score over 2 years,
 * subordinate improvement ≥ 20% (latest period with a value), coaching rated ≥ 4.5 on
 * average, at least 3 knowledge-sharing sessions, and active (always applied).
 */
export const SEED_PROFILE: Profile = {
  id: 'seed',
  name: '内训师画像（示例）',
  version: 1,
  criteria: [
    { id: 'performance', kind: 'percentile', label: '近2年业绩排名前15%（部门内）', metric: 'score', topPercent: 15, years: 2, scope: 'department' },
    { id: 'improvement', kind: 'threshold', label: '下属业绩提升率≥20%', source: 'performance', metric: 'subordinateImprovement', aggregate: 'latest', op: '>=', value: 0.2, years: 2 },
    { id: 'coaching', kind: 'threshold', label: '带教能力评分≥4.5', source: 'rating', metric: '带教能力', aggregate: 'mean', op: '>=', value: 4.5, years: 2 },
    { id: 'sharing', kind: 'activityCount', label: '知识分享会≥3次', types: KNOWLEDGE_SHARING, min: 3, years: 2 },
  ],
};

export function parseProfile(json: unknown): { ok: true; profile: Profile } | { ok: false; message: string } {
  const r = profileSchema.safeParse(json);
  return r.success ? { ok: true, profile: r.data } : { ok: false, message: r.error.issues.map((i) => `${i.path.join('.') || '(profile)'}: ${i.message}`).join('; ') };
}

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
