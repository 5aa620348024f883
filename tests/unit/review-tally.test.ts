// The panel's arithmetic on hand-computed cases (weights 40/30/30 normalised; totals, mean,
// trimmed mean, spread, flags).
import { describe, expect, it } from 'vitest';
import { DEFAULT_RUBRIC, normalisedWeights, reviewerTotal, tally, type Score } from '../../shared/domain/review/rubric.ts';

const scores = (reviewer: string, candidateId: string, relevance: number, delivery: number, authenticity: number): Score[] => [
  { reviewer, candidateId, criterion: 'relevance', score: relevance },
  { reviewer, candidateId, criterion: 'delivery', score: delivery },
  { reviewer, candidateId, criterion: 'authenticity', score: authenticity },
];

describe('rubric arithmetic', () => {
  it('normalises weights to sum to 1 and weighs each criterion', () => {
    expect([...normalisedWeights(DEFAULT_RUBRIC).values()]).toEqual([0.4, 0.3, 0.3]);
    expect([...normalisedWeights({ criteria: [{ id: 'a', name: 'a', description: '', weight: 2 }, { id: 'b', name: 'b', description: '', weight: 6 }] }).values()]).toEqual([0.25, 0.75]);
    // 0.4 × 8 + 0.3 × 6 + 0.3 × 9 = 3.2 + 1.8 + 2.7 = 7.7
    expect(reviewerTotal(DEFAULT_RUBRIC, new Map([['relevance', 8], ['delivery', 6], ['authenticity', 9]]))).toBe(7.7);
    expect(reviewerTotal(DEFAULT_RUBRIC, new Map([['relevance', 8], ['delivery', 6]]))).toBeNull();
  });

  it('takes the mean of the totals, and with five or more drops one highest and one lowest', () => {
    // Totals: A 7.7, B 0.4×5+0.3×5+0.3×5 = 5, C 0.4×9+0.3×9+0.3×9 = 9, D 0.4×7+0.3×8+0.3×6 = 2.8+2.4+1.8 = 7, E 0.4×10+0.3×10+0.3×10 = 10
    const all = [...scores('A', 'c1', 8, 6, 9), ...scores('B', 'c1', 5, 5, 5), ...scores('C', 'c1', 9, 9, 9), ...scores('D', 'c1', 7, 8, 6), ...scores('E', 'c1', 10, 10, 10)];
    const [c] = tally(DEFAULT_RUBRIC, all, { spreadLimit: 100 });
    expect(c.reviewerTotals).toEqual({ A: 7.7, B: 5, C: 9, D: 7, E: 10 });
    // (7.7 + 5 + 9 + 7 + 10) / 5 = 38.7 / 5 = 7.74; trimmed: drop 10 and 5 → (7.7 + 9 + 7) / 3 = 7.9
    expect(c.mean).toBe(7.74);
    expect(c.trimmedMean).toBe(7.9);
    expect(c.spread).toBe(5);
    const four = tally(DEFAULT_RUBRIC, all.filter((s) => s.reviewer !== 'E'))[0];
    expect(four.trimmedMean).toBeNull();
    expect(four.mean).toBe(7.175);
  });

  it('flags a large spread and missing scores', () => {
    const all = [...scores('A', 'c1', 9, 9, 9), ...scores('B', 'c1', 3, 3, 3), ...scores('A', 'c2', 8, 8, 8), { reviewer: 'B', candidateId: 'c2', criterion: 'relevance', score: 8 }];
    const [c1, c2] = tally(DEFAULT_RUBRIC, all, { assigned: { c1: ['A', 'B'], c2: ['A', 'B', 'C'] } });
    expect(c1).toMatchObject({ spread: 6, flags: ['largeSpread'], missing: [] });
    expect(c2).toMatchObject({ reviewerTotals: { A: 8 }, missing: ['B', 'C'], flags: ['missingScores'] });
  });

  it('flags a reviewer who scores systematically far from the panel', () => {
    const all: Score[] = [];
    for (const [k, c] of ['c1', 'c2', 'c3'].entries()) {
      for (const [r, s] of [['A', 7 + k * 0.5], ['B', 7.5 + k * 0.5], ['C', 7 + k * 0.5], ['D', 7.5 + k * 0.5], ['Z', 2]] as const) all.push(...scores(r, c, s, s, s));
    }
    const out = tally(DEFAULT_RUBRIC, all, { spreadLimit: 100 });
    expect(out.every((c) => c.outliers.join() === 'Z' && c.flags.includes('outlierReviewer'))).toBe(true);
  });
});
