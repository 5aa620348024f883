// The demo plant: a seeded, deterministic generator of a realistic manufacturing plant —
// roster with reporting lines and departures, three years of quarterly performance,
// coaching/communication ratings, knowledge-sharing activities and certificates. Not uniform
// noise: a few genuine stars, hidden experts who miss exactly one trainer criterion, and
// improving and declining people.

import { ColumnSetBuilder, type ColumnSet } from '../facts/columns.ts';
import type { DatasetName } from '../facts/datasets.ts';
import { addDays, parsePeriod, quartersEndingWith, type Period } from '../periods.ts';
import type { EmploymentStatus } from '../employee.ts';
import { Random } from './random.ts';
import { DEPARTMENTS, GIVEN_CHARS, KNOWLEDGE_SHARING_TYPES, OTHER_ACTIVITY_TYPES, RATING_DIMENSIONS, SHARING_TOPICS, SURNAMES } from './catalog.ts';

export interface PlantInfo {
  code: string;
  name: string;
  region: string;
}

export interface DemoOptions {
  employees: number;
  seed: string;
  /** Last quarter with performance data, e.g. "2026Q3". */
  endQuarter: string;
  plant: PlantInfo;
  /** Reports progress in [0, 1]. */
  onProgress?: (fraction: number) => void;
}

/** The datasets an HR system exports for the demo plant. */
export const DEMO_DATASETS = ['roster', 'performance', 'ratings', 'activities', 'certificates'] as const satisfies readonly DatasetName[];
export type DemoDataset = (typeof DEMO_DATASETS)[number];

export type Archetype = 'star' | 'hidden' | 'improving' | 'declining' | 'steady';
export type HiddenGap = 'performance' | 'improvement' | 'coaching' | 'sharing';

export interface DemoPlant {
  asOf: string;
  plant: PlantInfo;
  quarters: string[];
  datasets: Record<DemoDataset, ColumnSet>;
  /** Who is what, for tests and for the demo's own explanation; not stored as facts. */
  archetypes: Map<string, { archetype: Archetype; gap?: HiddenGap }>;
}

interface Person {
  id: string;
  name: string;
  dept: number;
  position: string;
  role: 'head' | 'leader' | 'staff' | 'director';
  managerIndex: number;
  hireDate: string;
  leaveDate: string | null;
  status: EmploymentStatus;
  ability: number;
  trend: number;
  archetype: Archetype;
  gap?: HiddenGap;
}

// `|| 0` turns -0 into 0, which a spreadsheet cannot tell apart anyway.
const round1 = (x: number) => Math.round(x * 10) / 10 || 0;
const round3 = (x: number) => Math.round(x * 1000) / 1000 || 0;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Exact integer counts per department by largest remainder, so shares hold for any size. */
function departmentSizes(total: number): number[] {
  const raw = DEPARTMENTS.map((d) => d.share * total);
  const sizes = raw.map(Math.floor);
  let left = total - sizes.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) sizes[order[k][1]]++;
  return sizes;
}

function gradeOf(score: number): string {
  if (score >= 95) return 'S';
  if (score >= 88) return 'A';
  if (score >= 75) return 'B';
  if (score >= 60) return 'C';
  return 'D';
}

const STATUS_LABEL: Record<EmploymentStatus, string> = { active: 'active', probation: 'probation', leave: 'leave', departed: 'departed', retired: 'retired' };

export function generateDemoPlant(options: DemoOptions): DemoPlant {
  const { employees: total, seed, plant } = options;
  if (!Number.isInteger(total) || total < 20) throw new RangeError('employees must be an integer ≥ 20');
  const endQuarter = parsePeriod(options.endQuarter);
  if (!endQuarter || endQuarter.kind !== 'quarter') throw new RangeError(`endQuarter must be a quarter label: ${options.endQuarter}`);
  const rnd = new Random(`xinhuo-demo:${seed}`);
  const asOf = endQuarter.end;
  const quarters: Period[] = quartersEndingWith(endQuarter, 12);
  const windowStart = quarters[0].start;
  const idWidth = Math.max(6, String(total).length + 1);
  const progress = options.onProgress ?? (() => {});

  // ---- people and reporting lines
  const people: Person[] = [];
  const sizes = departmentSizes(total - 1);
  const newPerson = (dept: number, role: Person['role'], position: string, managerIndex: number): Person => {
    const surname = rnd.weighted(SURNAMES);
    const given = rnd.chance(0.7) ? rnd.pick([...GIVEN_CHARS]) + rnd.pick([...GIVEN_CHARS]) : rnd.pick([...GIVEN_CHARS]);
    // Tenure: many recent hires, a long tail of veterans; managers have served longer.
    const minYears = role === 'staff' ? 0 : role === 'leader' ? 4 : 8;
    const tenureDays = Math.floor((minYears + -Math.log(1 - rnd.next()) * 8) * 365.25);
    const hireDate = addDays(asOf, -Math.min(tenureDays, 38 * 365) - rnd.int(0, 200));
    const p: Person = {
      id: String(people.length + 1).padStart(idWidth, '0'),
      name: surname + given,
      dept,
      position,
      role,
      managerIndex,
      hireDate,
      leaveDate: null,
      status: 'active',
      ability: rnd.normal() + (role === 'staff' ? 0 : 0.3),
      trend: 0,
      archetype: 'steady',
    };
    people.push(p);
    return p;
  };
  newPerson(DEPARTMENTS.findIndex((d) => d.name === '行政部'), 'director', '厂长', -1);
  DEPARTMENTS.forEach((spec, dept) => {
    const size = sizes[dept];
    if (size === 0) return;
    const headIndex = people.length;
    newPerson(dept, 'head', spec.head, 0);
    const leaders = Math.max(size > 1 ? 1 : 0, Math.round((size - 1) / 12));
    const leaderIdx: number[] = [];
    for (let k = 0; k < leaders; k++) {
      leaderIdx.push(people.length);
      newPerson(dept, 'leader', spec.leader, headIndex);
    }
    for (let k = 0; k < size - 1 - leaders; k++) {
      newPerson(dept, 'staff', rnd.weighted(spec.staff), leaderIdx[k % leaderIdx.length] ?? headIndex);
    }
  });

  // ---- archetypes, trends and employment history
  for (const p of people) {
    const managerish = p.role === 'leader' || p.role === 'head';
    const r = rnd.next();
    if (managerish && r < 0.07) {
      p.archetype = 'star';
      p.ability = 2.2 + rnd.next() * 0.8;
    } else if (managerish && r < 0.17) {
      p.archetype = 'hidden';
      p.gap = rnd.pick(['performance', 'improvement', 'coaching', 'sharing'] as const);
      p.ability = p.gap === 'performance' ? 0.6 + rnd.next() * 0.3 : 2.0 + rnd.next() * 0.8;
    } else if (!managerish && r < 0.012) {
      // Quiet experts on the shop floor: excellent, but nobody reports to them.
      p.archetype = 'hidden';
      p.gap = 'improvement';
      p.ability = 2.0 + rnd.next() * 0.8;
    } else if (r < 0.3) {
      p.archetype = 'improving';
      p.trend = 0.8 + rnd.next() * 1.2;
    } else if (r < 0.42) {
      p.archetype = 'declining';
      p.trend = -(0.8 + rnd.next() * 1.2);
    }
    if (p.archetype === 'star' || p.archetype === 'hidden') {
      const earliest = addDays(asOf, -365 * 6);
      if (p.hireDate > earliest) p.hireDate = addDays(earliest, -rnd.int(0, 3000));
      continue;
    }
    if (p.role === 'director') continue;
    const s = rnd.next();
    const serviceDays = Math.round((Date.parse(asOf) - Date.parse(p.hireDate)) / 86_400_000);
    if (s < 0.05 && serviceDays > 60) {
      p.status = 'departed';
      p.leaveDate = addDays(asOf, -rnd.int(1, Math.min(serviceDays - 1, 3 * 365)));
      // A stale export: the leave date was entered but the status was never updated.
      if (rnd.chance(0.08)) p.status = 'active';
    } else if (s < 0.075 && serviceDays > 20 * 365) {
      p.status = 'retired';
      p.leaveDate = addDays(asOf, -rnd.int(1, 3 * 365));
    } else if (s < 0.08) {
      p.status = 'departed'; // departed, leave date missing in the export
    } else if (s < 0.09) {
      p.status = 'leave';
    } else if (serviceDays < 183) {
      p.status = 'probation';
    }
  }
  progress(0.1);

  const employed = (p: Person, start: string, end: string) => p.hireDate <= end && (!p.leaveDate || p.leaveDate >= start);
  const hasReports = new Uint8Array(people.length);
  for (const p of people) if (p.managerIndex >= 0) hasReports[p.managerIndex] = 1;

  // ---- roster and certificates
  const roster = new ColumnSetBuilder('roster');
  const certificates = new ColumnSetBuilder('certificates');
  for (const p of people) {
    const spec = DEPARTMENTS[p.dept];
    const certs: string[] = [];
    const years = (Date.parse(asOf) - Date.parse(p.hireDate)) / (365.25 * 86_400_000);
    for (const c of spec.certificates) {
      const base = c.startsWith('高级') ? 0.08 : 0.22;
      const pr = base + 0.05 * Math.max(0, p.ability) + Math.min(years, 20) * 0.01 + (p.archetype === 'star' || p.archetype === 'hidden' ? 0.25 : 0);
      if (rnd.chance(pr)) certs.push(c);
    }
    roster.push({
      employeeId: p.id,
      name: p.name,
      plant: plant.name,
      department: spec.name,
      position: p.position,
      managerId: p.managerIndex >= 0 ? people[p.managerIndex].id : null,
      hireDate: p.hireDate,
      status: STATUS_LABEL[p.status],
      leaveDate: p.leaveDate,
      region: plant.region,
      certificates: certs.join('、'),
    });
    for (const c of certs) {
      const earliest = p.hireDate > '1995-01-01' ? p.hireDate : '1995-01-01';
      const span = Math.max(1, Math.round((Date.parse(asOf) - Date.parse(earliest)) / 86_400_000));
      certificates.push({ employeeId: p.id, name: p.name, certificate: c, level: c.startsWith('高级') ? '高级' : c.includes('师') ? '中级' : null, issueDate: addDays(earliest, rnd.int(0, span)) });
    }
  }
  progress(0.2);

  // ---- quarterly performance
  const performance = new ColumnSetBuilder('performance');
  const lastTwoYearsStart = quarters[4].start;
  people.forEach((p, i) => {
    if (i % 5000 === 0) progress(0.2 + 0.5 * (i / people.length));
    quarters.forEach((q, qi) => {
      if (!employed(p, q.start, q.end)) return;
      let mean = 78 + 6.5 * p.ability + p.trend * (qi - 5.5) * 0.9;
      if (p.archetype === 'hidden' && p.gap === 'performance' && q.start >= lastTwoYearsStart) mean = Math.min(mean, 83);
      const score = round1(clamp(rnd.normal(mean, 3.2), 40, 100));
      let improvement: number | null = null;
      if (hasReports[i]) {
        const base = p.archetype === 'star' ? 0.22 + rnd.next() * 0.13 : p.archetype === 'hidden' ? (p.gap === 'improvement' ? 0.12 + rnd.next() * 0.07 : 0.21 + rnd.next() * 0.1) : rnd.normal(0.07 + 0.04 * p.ability, 0.07);
        improvement = round3(clamp(base, -0.3, 0.6));
      }
      performance.push({
        employeeId: p.id,
        name: p.name,
        period: q.label,
        score,
        grade: gradeOf(score),
        subordinateImprovement: improvement,
        teamScore: round1(clamp(rnd.normal(80 + 5 * p.ability, 5), 40, 100)),
        innovationScore: round1(clamp(rnd.normal(70 + 8 * p.ability, 8), 30, 100)),
      });
    });
  });

  // ---- ratings: one per dimension and year, by the direct manager
  const ratings = new ColumnSetBuilder('ratings');
  const endYear = Number(endQuarter.label.slice(0, 4));
  people.forEach((p, i) => {
    if (i % 5000 === 0) progress(0.7 + 0.15 * (i / people.length));
    for (let year = endYear - 2; year <= endYear; year++) {
      const date = year === endYear ? asOf : `${year}-12-20`;
      if (!employed(p, `${year}-01-01`, date) || p.hireDate > addDays(date, -90)) continue;
      const rater = p.managerIndex >= 0 ? people[p.managerIndex].name : '人力资源部';
      for (const dim of RATING_DIMENSIONS) {
        let score = clamp(rnd.normal(3.6 + 0.4 * p.ability, 0.35), 1, 5);
        if (dim === '带教能力' && (p.archetype === 'star' || (p.archetype === 'hidden' && p.gap !== 'coaching'))) score = 4.6 + rnd.next() * 0.4;
        if (dim === '带教能力' && p.archetype === 'hidden' && p.gap === 'coaching') score = 4.2 + rnd.next() * 0.2;
        ratings.push({ employeeId: p.id, name: p.name, dimension: dim, score: round1(score), period: String(year), date, rater });
      }
    }
  });

  // ---- knowledge sharing and other activities
  const activities = new ColumnSetBuilder('activities');
  const windowDays = Math.round((Date.parse(asOf) - Date.parse(windowStart)) / 86_400_000);
  const recentDays = Math.round((Date.parse(asOf) - Date.parse(lastTwoYearsStart)) / 86_400_000);
  people.forEach((p, i) => {
    if (i % 5000 === 0) progress(0.85 + 0.15 * (i / people.length));
    const lastDay = p.leaveDate && p.leaveDate < asOf ? p.leaveDate : asOf;
    const firstDay = p.hireDate > windowStart ? p.hireDate : windowStart;
    const span = Math.round((Date.parse(lastDay) - Date.parse(firstDay)) / 86_400_000);
    if (span <= 0) return;
    const seen = new Set<string>();
    const add = (type: string, date: string) => {
      let title: string = rnd.pick(SHARING_TOPICS);
      for (let k = 2; seen.has(`${type}|${date}|${title}`); k++) title = `${rnd.pick(SHARING_TOPICS)}（${k}）`;
      seen.add(`${type}|${date}|${title}`);
      activities.push({ employeeId: p.id, name: p.name, type, date, title });
    };
    let sharing: number;
    let recentOnly = false;
    if (p.archetype === 'star' || (p.archetype === 'hidden' && p.gap !== 'sharing')) {
      sharing = rnd.int(3, 6);
      recentOnly = true;
    } else if (p.archetype === 'hidden') {
      sharing = 2;
      recentOnly = true;
    } else {
      const lambda = Math.max(0.1, (DEPARTMENTS[p.dept].frontline ? 0.6 : 1.0) + 0.7 * p.ability) * (windowDays / 365 / 3);
      sharing = rnd.poisson(lambda);
    }
    for (let k = 0; k < sharing; k++) {
      const from = recentOnly ? addDays(asOf, -recentDays + 1) : firstDay;
      const days = Math.round((Date.parse(lastDay) - Date.parse(from)) / 86_400_000);
      add(rnd.weighted(KNOWLEDGE_SHARING_TYPES), addDays(from, rnd.int(0, Math.max(0, days))));
    }
    const others = rnd.poisson(p.role === 'staff' ? 0.5 : 1.2);
    for (let k = 0; k < others; k++) add(rnd.pick(OTHER_ACTIVITY_TYPES), addDays(firstDay, rnd.int(0, span)));
  });
  progress(1);

  return {
    asOf,
    plant,
    quarters: quarters.map((q) => q.label),
    datasets: {
      roster: roster.build(),
      performance: performance.build(),
      ratings: ratings.build(),
      activities: activities.build(),
      certificates: certificates.build(),
    },
    archetypes: new Map(people.map((p) => [p.id, { archetype: p.archetype, gap: p.gap }])),
  };
}
