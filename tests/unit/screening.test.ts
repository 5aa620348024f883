import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ColumnSetBuilder, type ColumnSet } from '../../shared/domain/facts/columns.ts';
import { buildScreeningData } from '../../shared/domain/screening/data.ts';
import { Screener, type Evaluation } from '../../shared/domain/screening/engine.ts';
import { parseProfile, SEED_PROFILE, type Criterion, type Profile } from '../../shared/domain/screening/profile.ts';
import { buildReport, reportRows } from '../../shared/domain/screening/report.ts';
import { naiveEvaluate, type NaiveWorld } from './screening-reference.ts';

const D = '2024-12-31';

interface Person {
  id: string;
  plant?: string;
  department?: string;
  position?: string;
  hireDate?: string | null;
  leaveDate?: string | null;
  status?: string;
  certificates?: string;
}

function world(people: Person[], perf: [string, string, number, number?][] = [], ratings: [string, string, number, string][] = [], acts: [string, string, string][] = []) {
  const roster = new ColumnSetBuilder('roster');
  for (const p of people) roster.push({ employeeId: p.id, name: `人${p.id}`, department: p.department ?? '质量部', position: p.position ?? '检验员', plant: p.plant ?? '一厂', hireDate: p.hireDate === undefined ? '2010-01-01' : p.hireDate, leaveDate: p.leaveDate ?? null, status: p.status ?? 'active', certificates: p.certificates ?? null });
  const performance = new ColumnSetBuilder('performance');
  for (const [employeeId, period, score, subordinateImprovement] of perf) performance.push({ employeeId, period, score, subordinateImprovement });
  const rt = new ColumnSetBuilder('ratings');
  for (const [employeeId, dimension, score, date] of ratings) rt.push({ employeeId, dimension, score, date });
  const activities = new ColumnSetBuilder('activities');
  for (const [employeeId, type, date] of acts) activities.push({ employeeId, type, date, title: `${type}${date}` });
  const sources = { roster: roster.build(), performance: performance.build(), ratings: rt.build(), activities: activities.build() };
  return { screener: new Screener(buildScreeningData(sources)), sources };
}

const profile = (...criteria: Criterion[]): Profile => ({ id: 'p', name: 'p', version: 1, criteria });
const outcome = (ev: Evaluation, id: string, e: number) => {
  const o = ev.outcomes.find((x) => x.id === id)!;
  const r = o.rankOf?.(e);
  return { passed: o.passed[e] === 1, value: o.value[e], rank: r?.rank, cutoff: r?.cutoff };
};
const pct = (topPercent: number, scope: 'company' | 'department' = 'company', years = 2): Criterion => ({ id: 'pct', kind: 'percentile', metric: 'score', topPercent, years, scope });

describe('performance percentile', () => {
  it('uses only periods that end inside (D − N years, D]', () => {
    const { screener } = world([{ id: 'a' }, { id: 'b' }], [['a', '2022Q4', 100], ['a', '2023Q1', 60], ['b', '2023Q1', 70]]);
    const ev = screener.evaluate(profile(pct(50)), D);
    expect(outcome(ev, 'pct', 0).value).toBe(60); // 2022Q4 ends on 2022-12-31: outside
    expect(outcome(ev, 'pct', 1)).toMatchObject({ passed: true, rank: 1, cutoff: 1 });
  });

  it('ranks as 1 + number strictly higher and lets ties at the cut-off all pass', () => {
    const people = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));
    const { screener } = world(people, [['a', '2024Q1', 90], ['b', '2024Q1', 80], ['c', '2024Q1', 80], ['d', '2024Q1', 70], ['e', '2024Q1', 60]]);
    const ev = screener.evaluate(profile(pct(40)), D); // ceil(40 × 5 / 100) = 2
    expect([0, 1, 2, 3, 4].map((e) => outcome(ev, 'pct', e).rank)).toEqual([1, 2, 2, 4, 5]);
    expect([0, 1, 2, 3, 4].map((e) => outcome(ev, 'pct', e).passed)).toEqual([true, true, true, false, false]);
  });

  it('rounds a non-integer share of n up', () => {
    const people = Array.from({ length: 7 }, (_, i) => ({ id: `p${i}` }));
    const { screener } = world(people, people.map((p, i) => [p.id, '2024Q2', 50 + i] as [string, string, number]));
    const ev = screener.evaluate(profile(pct(15)), D); // 15% of 7 = 1.05 → 2
    expect(ev.outcomes[0].passCount).toBe(2);
    expect(outcome(ev, 'pct', 6)).toMatchObject({ rank: 1, cutoff: 2, passed: true });
  });

  it('ranks within the scope and leaves inactive people and people without scores out of the population', () => {
    const { screener } = world(
      [{ id: 'a', department: '甲' }, { id: 'b', department: '甲' }, { id: 'c', department: '乙' }, { id: 'x', department: '甲', status: 'departed' }, { id: 'y', department: '甲' }],
      [['a', '2024Q1', 70], ['b', '2024Q1', 60], ['c', '2024Q1', 10], ['x', '2024Q1', 99]],
    );
    const ev = screener.evaluate(profile(pct(50, 'department')), D);
    expect(outcome(ev, 'pct', 0)).toMatchObject({ rank: 1, cutoff: 1, passed: true });
    expect(outcome(ev, 'pct', 2)).toMatchObject({ rank: 1, cutoff: 1, passed: true });
    expect(outcome(ev, 'pct', 4).passed).toBe(false); // no data
    expect(Number.isNaN(outcome(ev, 'pct', 4).value)).toBe(true);
  });
});

describe('thresholds, activities and other criteria', () => {
  const improvement = (value: number): Criterion => ({ id: 'imp', kind: 'threshold', source: 'performance', metric: 'subordinateImprovement', aggregate: 'latest', op: '>=', value, years: 2 });
  const coaching = (value: number): Criterion => ({ id: 'coach', kind: 'threshold', source: 'rating', metric: '带教能力', aggregate: 'mean', op: '>=', value, years: 2 });
  const sharing = (min: number): Criterion => ({ id: 'share', kind: 'activityCount', types: ['知识分享会', '部门知识分享会', '分享会'], min, years: 2 });

  it('takes the latest period with a value for subordinate improvement; exactly 20% passes', () => {
    const { screener } = world([{ id: 'a' }, { id: 'b' }], [['a', '2024Q3', 80, 0.2], ['a', '2024Q4', 80], ['b', '2024Q3', 80, 0.3], ['b', '2024Q4', 80, 0.19]]);
    const ev = screener.evaluate(profile(improvement(0.2)), D);
    expect(outcome(ev, 'imp', 0)).toMatchObject({ passed: true, value: 0.2 });
    expect(outcome(ev, 'imp', 1)).toMatchObject({ passed: false, value: 0.19 });
  });

  it('averages every rating in the window; exactly 4.5 passes, and no ratings means no data', () => {
    const { screener } = world([{ id: 'a' }, { id: 'b' }, { id: 'c' }], [], [['a', '带教能力', 4.6, '2024-06-30'], ['a', '带教能力', 4.4, '2023-06-30'], ['a', '带教能力', 1, '2022-06-30'], ['b', '带教能力', 4.49, '2024-01-01'], ['b', '沟通能力', 5, '2024-01-01']]);
    const ev = screener.evaluate(profile(coaching(4.5)), D);
    expect(outcome(ev, 'coach', 0)).toMatchObject({ passed: true });
    expect(outcome(ev, 'coach', 0).value).toBeCloseTo(4.5);
    expect(outcome(ev, 'coach', 1).passed).toBe(false);
    expect(Number.isNaN(outcome(ev, 'coach', 2).value)).toBe(true);
  });

  it('counts knowledge sharing of all three names inside the window; exactly 3 passes', () => {
    const { screener } = world([{ id: 'a' }, { id: 'b' }], [], [], [['a', '知识分享会', '2024-01-05'], ['a', '部门知识分享会', '2023-02-01'], ['a', '分享会', D], ['a', '师带徒', '2024-03-01'], ['b', '知识分享会', '2024-01-05'], ['b', '知识分享会', '2024-02-05'], ['b', '知识分享会', '2022-12-31']]);
    const ev = screener.evaluate(profile(sharing(3)), D);
    expect(outcome(ev, 'share', 0)).toMatchObject({ passed: true, value: 3 });
    expect(outcome(ev, 'share', 1)).toMatchObject({ passed: false, value: 2 });
  });

  it('checks certificates, tenure and organisation', () => {
    const { screener } = world([{ id: 'a', certificates: '高级工程师、电工证', hireDate: '2014-12-31', department: '设备维修部' }, { id: 'b', certificates: '高级技师', hireDate: '2015-01-01' }]);
    const ev = screener.evaluate(profile({ id: 'cert', kind: 'certificate', anyOf: ['高级工程师'] }, { id: 'ten', kind: 'tenure', minYears: 10 }, { id: 'org', kind: 'organisation', field: 'department', op: 'in', values: ['设备维修部'] }), D);
    expect(ev.candidates.all()).toEqual([0]);
    expect(outcome(ev, 'ten', 1)).toMatchObject({ value: 9, passed: false });
    expect(ev.nearMisses.all()).toEqual([]); // b fails three criteria
  });
});

describe('active at D and the result lists', () => {
  it('excludes people who left before D, hired after D, or departed without a date, and keeps leave and probation', () => {
    const { screener } = world([
      { id: 'left', leaveDate: '2024-06-30', status: 'active' },
      { id: 'late', hireDate: '2025-01-01' },
      { id: 'gone', status: 'departed' },
      { id: 'future', leaveDate: '2025-03-01', status: 'departed' },
      { id: 'leave', status: 'leave' },
      { id: 'new', status: 'probation', hireDate: D },
    ]);
    const ev = screener.evaluate(profile({ id: 'ten', kind: 'tenure', minYears: 0 }), D);
    expect(Array.from(ev.excluded, (e) => [e, ev.reasonOf(e)])).toEqual([[0, 'left'], [1, 'notYetHired'], [2, 'statusLeft']]);
    expect(ev.candidates.all().sort()).toEqual([3, 4, 5]);
    expect(ev.population).toBe(3);
  });

  it('lists near-misses with the one criterion they fail, and a funnel', () => {
    const { screener } = world([{ id: 'a', certificates: 'X' }, { id: 'b' }, { id: 'c', hireDate: '2024-01-01' }]);
    const ev = screener.evaluate(profile({ id: 'cert', kind: 'certificate', anyOf: ['X'] }, { id: 'ten', kind: 'tenure', minYears: 5 }), D);
    expect(ev.candidates.all()).toEqual([0]);
    expect(ev.nearMisses.all().map((e) => ({ e, failed: ev.failedOf(e) }))).toEqual([{ e: 1, failed: ['cert'] }]);
    expect(ev.funnel).toEqual([1, 1]);
  });

  it('parses profile files and refuses bad ones with a reason', () => {
    expect(parseProfile(SEED_PROFILE).ok).toBe(true);
    const bad = parseProfile({ id: 'x', name: 'x', criteria: [{ id: 'a', kind: 'percentile', topPercent: 150, years: 2, scope: 'department' }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toContain('topPercent');
  });
});

// ---- properties on random plants
const DEPTS = ['甲', '乙', '丙'];
const worldArb = fc
  .record({
    people: fc.array(fc.record({ dept: fc.constantFrom(...DEPTS), status: fc.constantFrom('active', 'active', 'active', 'departed', 'leave'), hireYear: fc.integer({ min: 2000, max: 2025 }), leave: fc.option(fc.constantFrom('2023-05-01', '2024-12-31', '2025-02-01'), { nil: null }), cert: fc.boolean() }), { minLength: 1, maxLength: 25 }),
    scores: fc.array(fc.record({ who: fc.nat(), q: fc.constantFrom('2022Q3', '2022Q4', '2023Q1', '2023Q4', '2024Q2', '2024Q4'), score: fc.integer({ min: 60, max: 100 }), imp: fc.option(fc.constantFrom(0.1, 0.2, 0.25, 0.3), { nil: undefined }) }), { maxLength: 80 }),
    ratings: fc.array(fc.record({ who: fc.nat(), dimension: fc.constantFrom('带教能力', '沟通能力'), score: fc.constantFrom(3.8, 4.2, 4.5, 4.8, 5), date: fc.constantFrom('2022-11-01', '2023-06-30', '2024-12-31') }), { maxLength: 40 }),
    acts: fc.array(fc.record({ who: fc.nat(), type: fc.constantFrom('知识分享会', '部门知识分享会', '分享会', '师带徒'), date: fc.constantFrom('2022-12-31', '2023-01-01', '2024-07-01') }), { maxLength: 60 }),
  })
  .map((w) => {
    const ids = w.people.map((_, i) => `e${String(i).padStart(3, '0')}`);
    const pick = (k: number) => ids[k % ids.length];
    const scoreRows = new Map<string, [string, string, number, number?]>();
    for (const s of w.scores) scoreRows.set(`${pick(s.who)}|${s.q}`, [pick(s.who), s.q, s.score, s.imp]);
    const nw: NaiveWorld = {
      people: w.people.map((p, i) => ({ id: ids[i], department: p.dept, hireDate: `${p.hireYear}-03-01`, leaveDate: p.leave, status: p.status as never, certificates: p.cert ? ['高级技师'] : [] })),
      scores: [...scoreRows.values()].map(([id, period, score, improvement]) => ({ id, period, score, improvement: improvement ?? null })),
      ratings: w.ratings.map((r) => ({ id: pick(r.who), dimension: r.dimension, score: r.score, date: r.date })),
      activities: w.acts.map((a) => ({ id: pick(a.who), type: a.type, date: a.date })),
    };
    return nw;
  });

function toScreener(w: NaiveWorld) {
  return world(
    w.people.map((p) => ({ id: p.id, department: p.department, hireDate: p.hireDate, leaveDate: p.leaveDate, status: p.status ?? 'active', certificates: p.certificates.join('、') })),
    w.scores.map((s) => [s.id, s.period, s.score, s.improvement ?? undefined]),
    w.ratings.map((r) => [r.id, r.dimension, r.score, r.date]),
    w.activities.map((a) => [a.id, a.type, a.date]),
  ).screener;
}

const criterionArb: fc.Arbitrary<Criterion> = fc.oneof(
  fc.record({ id: fc.constant('pct'), kind: fc.constant('percentile' as const), metric: fc.constant('score'), topPercent: fc.constantFrom(10, 15, 33, 50, 100), years: fc.constantFrom(1, 2), scope: fc.constantFrom('company' as const, 'department' as const) }),
  fc.record({ id: fc.constant('imp'), kind: fc.constant('threshold' as const), source: fc.constant('performance' as const), metric: fc.constant('subordinateImprovement'), aggregate: fc.constantFrom('latest' as const, 'mean' as const, 'max' as const), op: fc.constant('>=' as const), value: fc.constantFrom(0.1, 0.2, 0.25), years: fc.constantFrom(1, 2) }),
  fc.record({ id: fc.constant('coach'), kind: fc.constant('threshold' as const), source: fc.constant('rating' as const), metric: fc.constant('带教能力'), aggregate: fc.constantFrom('mean' as const, 'min' as const), op: fc.constantFrom('>=' as const, '>' as const), value: fc.constantFrom(4.2, 4.5), years: fc.constantFrom(1, 2) }),
  fc.record({ id: fc.constant('share'), kind: fc.constant('activityCount' as const), types: fc.constant<string[]>(['知识分享会', '部门知识分享会', '分享会']), min: fc.integer({ min: 0, max: 3 }), years: fc.constantFrom(1, 2) }),
  fc.record({ id: fc.constant('cert'), kind: fc.constant('certificate' as const), anyOf: fc.constant<string[]>(['高级技师']) }),
  fc.record({ id: fc.constant('ten'), kind: fc.constant('tenure' as const), minYears: fc.integer({ min: 0, max: 15 }) }),
);
const criteriaArb = fc.uniqueArray(criterionArb, { selector: (c) => c.id, minLength: 1, maxLength: 5 });

describe('report', () => {
  const people = Array.from({ length: 30 }, (_, i) => ({ id: `r${String(i).padStart(2, '0')}`, department: i % 3 ? '一车间' : '质量部', plant: i < 20 ? '一厂' : '二厂', leaveDate: i === 29 ? '2020-01-01' : null }));
  const ratings = people.map((p, i) => [p.id, '带教能力', 3 + (i % 5) * 0.5, '2024-06-30'] as [string, string, number, string]);
  const coach = (value: number): Criterion => ({ id: 'coach', kind: 'threshold', source: 'rating', metric: '带教能力', aggregate: 'mean', op: '>=', value, years: 2 });
  const certificate: Criterion = { id: 'cert', kind: 'certificate', anyOf: ['高级技师'] };

  it('counts per department and plant, and pages through the lists as the whole report lists them', () => {
    const { screener } = world(people, [], ratings);
    const ev = screener.evaluate(profile(coach(4), certificate), D);
    const data = screener.data;
    const full = buildReport(data, ev);
    expect(full.candidateCount).toBe(0);
    expect(full.nearMissCount).toBe(full.nearMisses.length);
    expect(full.excluded).toEqual([{ employeeId: 'r29', name: '人r29', department: '一车间', reason: 'left' }]);
    const first = buildReport(data, ev, 5);
    expect(first.nearMisses).toEqual(full.nearMisses.slice(0, 5));
    expect(first.nearMissCount).toBe(full.nearMissCount);
    expect([...reportRows(data, ev, 'nearMisses', 0, 5), ...reportRows(data, ev, 'nearMisses', 5, 100)]).toEqual(full.nearMisses);
    expect(full.nearMisses[0].failed).toEqual(['cert']);
    expect(full.byPlant).toEqual([
      { plant: '一厂', active: 20, candidates: 0, nearMisses: full.nearMisses.filter((r) => Number(r.employeeId.slice(1)) < 20).length },
      { plant: '二厂', active: 9, candidates: 0, nearMisses: full.nearMisses.filter((r) => Number(r.employeeId.slice(1)) >= 20).length },
    ]);
    expect(full.byDepartment.reduce((n, d) => n + d.active, 0)).toBe(29);
  });

  it('recomputes the histogram of a criterion whose threshold moved, and keeps the others', () => {
    const { screener } = world(people, [], ratings);
    const data = screener.data;
    const a = buildReport(data, screener.evaluate(profile(coach(4), certificate), D), 0);
    const b = buildReport(data, screener.evaluate(profile(coach(4.5), certificate), D), 0);
    const passing = (r: typeof a) => r.histograms[0].bins.reduce((n, bin) => n + bin.pass, 0);
    expect(passing(a)).toBeGreaterThan(passing(b));
    expect(b.histograms[1]).toBe(a.histograms[1]);
  });
});

describe('percentile cut on the distribution', () => {
  it('is the lowest passing value when one value separates pass from fail, and absent otherwise', () => {
    const people = Array.from({ length: 10 }, (_, i) => ({ id: `c${i}`, department: i < 5 ? '一车间' : '二车间' }));
    // 一车间 scores 60..64, 二车间 scores 90..94: company-wide the top 20% are 93 and 94.
    const scores = people.map((p, i) => [p.id, '2024Q2', i < 5 ? 60 + i : 85 + i] as [string, string, number]);
    const { screener } = world(people, scores);
    const company = buildReport(screener.data, screener.evaluate(profile(pct(20, 'company')), D), 0);
    expect(company.histograms[0].cut).toBe(93);
    // Within departments the top 20% are 64 and 94: 64 passes while 90 fails, so no single line.
    const byDepartment = buildReport(screener.data, screener.evaluate(profile(pct(20, 'department')), D), 0);
    expect(byDepartment.histograms[0].cut).toBeUndefined();
    // A department head's view of one department has one cut again.
    const oneDepartment = buildReport(screener.data, screener.evaluate(profile(pct(20, 'department')), D, { department: '二车间' }), 0);
    expect(oneDepartment.histograms[0].cut).toBe(94);
  });
});

describe('engine caches', () => {
  it('stay bounded over a long session of slider moves and windows, and answer as a fresh engine does', () => {
    const people = Array.from({ length: 40 }, (_, i) => ({ id: `p${i}`, department: i % 2 ? '一车间' : '二车间' }));
    const scores = people.flatMap((p, i) => ['2023Q1', '2024Q2', '2024Q4'].map((q, k) => [p.id, q, 60 + ((i * 7 + k * 13) % 40), 0.1 + ((i + k) % 4) * 0.05] as [string, string, number, number]));
    const ratings = people.map((p, i) => [p.id, '带教能力', 3.5 + (i % 4) * 0.5, '2024-06-30'] as [string, string, number, string]);
    const { screener } = world(people, scores, ratings, []);
    const seedLike = (years: number, value: number) => profile(pct(50, 'department', years), { id: 'coach', kind: 'threshold', source: 'rating', metric: '带教能力', aggregate: 'mean', op: '>=', value, years });
    for (let i = 0; i < 300; i++) screener.evaluate(seedLike(1 + (i % 7), 3 + (i % 50) * 0.05), D);
    const size = screener.cacheSize;
    expect(size.heavy).toBeLessThanOrEqual(Screener.CACHE_LIMITS.heavy);
    expect(size.light).toBeLessThanOrEqual(Screener.CACHE_LIMITS.light);
    const fresh = world(people, scores, ratings, []).screener;
    for (const [years, value] of [[2, 4], [1, 3.5], [6, 4.5]]) expect(screener.evaluate(seedLike(years, value), D).candidates.all()).toEqual(fresh.evaluate(seedLike(years, value), D).candidates.all());
  });

  it('give the report a fresh engine gives, as thresholds move and the view changes', () => {
    const people = Array.from({ length: 40 }, (_, i) => ({ id: `p${i}`, department: ['一车间', '二车间', '三车间'][i % 3] }));
    const scores = people.map((p, i) => [p.id, '2024Q2', 60 + ((i * 7) % 40)] as [string, string, number]);
    const ratings = people.map((p, i) => [p.id, '带教能力', 3 + (i % 5) * 0.5, '2024-06-30'] as [string, string, number, string]);
    const { screener } = world(people, scores, ratings, []);
    const steps: [number, number, string | null][] = [[4, 50, null], [4.5, 50, null], [3.5, 30, null], [4, 30, '二车间'], [4.5, 30, '二车间'], [3, 70, null]];
    for (const [value, share, department] of steps) {
      const p = profile(pct(share, 'company'), { id: 'coach', kind: 'threshold', source: 'rating', metric: '带教能力', aggregate: 'mean', op: '>=', value, years: 2 });
      const view = department ? { department } : {};
      const fresh = world(people, scores, ratings, []).screener;
      expect(buildReport(screener.data, screener.evaluate(p, D, view), 10)).toEqual(buildReport(fresh.data, fresh.evaluate(p, D, view), 10));
    }
  });
});

describe('screening properties', () => {
  it('agrees with a deliberately naive reference implementation', () => {
    fc.assert(
      fc.property(worldArb, criteriaArb, (w, criteria) => {
        const ev = toScreener(w).evaluate(profile(...criteria), D);
        const ref = naiveEvaluate(w, profile(...criteria), D);
        expect(ev.candidates.all().map((e) => w.people[e].id).sort()).toEqual(ref.candidates.sort());
        expect(Object.fromEntries(ev.nearMisses.all().map((e) => [w.people[e].id, ev.failedOf(e)]))).toEqual(ref.nearMisses);
        expect(Array.from(ev.excluded, (e) => w.people[e].id).sort()).toEqual(ref.excluded.sort());
        // Ranks shown for a percentile: 1 + the number strictly higher among active people of
        // the same group with data, and rank ≤ cut-off exactly when the criterion passes.
        const pct = ev.outcomes.find((o) => o.kind === 'percentile');
        const c = criteria.find((x) => x.kind === 'percentile');
        if (pct && c?.kind === 'percentile') {
          const ranked = w.people.map((_, e) => e).filter((e) => ev.active[e] && !Number.isNaN(pct.value[e]));
          for (let e = 0; e < w.people.length; e++) {
            const info = pct.rankOf!(e);
            if (!ranked.includes(e)) {
              expect(info).toBeNull();
              continue;
            }
            const group = ranked.filter((q) => c.scope === 'company' || w.people[q].department === w.people[e].department);
            expect(info!.groupSize).toBe(group.length);
            expect(info!.rank).toBe(1 + group.filter((q) => pct.value[q] > pct.value[e]).length);
            expect(info!.rank <= info!.cutoff).toBe(pct.passed[e] === 1);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never gains candidates when a criterion is added', () => {
    fc.assert(
      fc.property(worldArb, criteriaArb, criterionArb, (w, criteria, extra) => {
        fc.pre(!criteria.some((c) => c.id === extra.id));
        const s = toScreener(w);
        const before = new Set(s.evaluate(profile(...criteria), D).candidates.all());
        const after = s.evaluate(profile(...criteria, extra), D).candidates.all();
        expect(after.every((e) => before.has(e))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('never gains candidates when a threshold is raised', () => {
    fc.assert(
      fc.property(worldArb, fc.constantFrom(3.8, 4.2, 4.5), fc.constantFrom(0.1, 0.3, 0.6), (w, value, raise) => {
        const s = toScreener(w);
        const c = (v: number): Criterion => ({ id: 'coach', kind: 'threshold', source: 'rating', metric: '带教能力', aggregate: 'mean', op: '>=', value: v, years: 2 });
        const before = new Set(s.evaluate(profile(c(value)), D).candidates.all());
        const after = s.evaluate(profile(c(value + raise)), D).candidates.all();
        expect(after.every((e) => before.has(e))).toBe(true);
        const pctBefore = new Set(s.evaluate(profile(pct(50)), D).candidates.all());
        expect(s.evaluate(profile(pct(50 - raise * 50)), D).candidates.all().every((e) => pctBefore.has(e))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('finds the demo-like seed candidates only among people who pass everything', () => {
    const { screener } = world([{ id: 'a' }], [['a', '2024Q4', 90, 0.3]], [['a', '带教能力', 4.8, '2024-06-01']], [['a', '分享会', '2024-01-01'], ['a', '分享会', '2024-02-01'], ['a', '分享会', '2024-03-01']]);
    expect(screener.evaluate(SEED_PROFILE, D).candidates.all()).toEqual([0]);
  });
});

export type { ColumnSet };
