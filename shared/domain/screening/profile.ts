// Screening profiles: named, versioned lists of criteria that must all pass (DESIGN.md §6).
// The JSON form is what `xinhuo screen --profile FILE.json` reads and what the app stores.

import { z } from 'zod';
import { criterionSchema } from './criteria/kinds.ts';

export { AGGREGATES, compare, OPS, SCOPES, type Aggregate, type Op, type Scope } from './criteria/common.ts';
export { criterionSchema, type Criterion } from './criteria/kinds.ts';

export const profileSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  version: z.number().int().min(1).default(1),
  criteria: z.array(criterionSchema).max(30).refine((cs) => new Set(cs.map((c) => c.id)).size === cs.length, 'criterion ids must be unique'),
});

export type Profile = z.output<typeof profileSchema>;

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
