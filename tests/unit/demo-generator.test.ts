import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { generateDemoPlant, type DemoPlant } from '../../shared/domain/demo/generate.ts';
import { DEPARTMENTS } from '../../shared/domain/demo/catalog.ts';
import { rowAt, type StringColumn } from '../../shared/domain/facts/columns.ts';
import { DATASETS } from '../../shared/domain/facts/datasets.ts';
import { isActiveAt, STATUS_ZH, type EmploymentStatus } from '../../shared/domain/employee.ts';
import { addYears, parsePeriod } from '../../shared/domain/periods.ts';
import { datasetWorkbook } from '../../shared/io/export-dataset.ts';
import { serialToIso } from '../../shared/io/excel-dates.ts';

const plantInfo = { code: 'P01', name: '华东第一制造厂', region: '江苏省' };
const make = (employees: number, seed = '42') => generateDemoPlant({ employees, seed, endQuarter: '2026Q3', plant: plantInfo });
const plant = make(5000);
const roster = plant.datasets.roster;
const col = (p: DemoPlant, ds: keyof DemoPlant['datasets'], name: string) => p.datasets[ds].columns[name] as StringColumn;

describe('demo plant generator', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const again = make(5000);
    for (const ds of Object.keys(plant.datasets) as (keyof DemoPlant['datasets'])[]) {
      expect(again.datasets[ds].length).toBe(plant.datasets[ds].length);
      for (const i of [0, 1, 17, plant.datasets[ds].length - 1]) expect(rowAt(again.datasets[ds], i)).toEqual(rowAt(plant.datasets[ds], i));
    }
    expect(col(make(5000, '43'), 'roster', 'name').slice(0, 50)).not.toEqual(col(plant, 'roster', 'name').slice(0, 50));
  });

  it('has 5,000 unique six-digit text ids with leading zeros', () => {
    const ids = col(plant, 'roster', 'employeeId');
    expect(roster.length).toBe(5000);
    expect(new Set(ids).size).toBe(5000);
    expect(ids.every((id) => /^\d{6}$/.test(id!))).toBe(true);
    expect(ids[0]).toBe('000001');
  });

  it('puts about 60% of people in frontline production', () => {
    const frontline = new Set(DEPARTMENTS.filter((d) => d.frontline).map((d) => d.name));
    const share = col(plant, 'roster', 'department').filter((d) => frontline.has(d!)).length / roster.length;
    expect(share).toBeGreaterThan(0.55);
    expect(share).toBeLessThan(0.65);
  });

  it('has reporting lines that point at existing people', () => {
    const ids = new Set(col(plant, 'roster', 'employeeId'));
    const managers = col(plant, 'roster', 'managerId');
    expect(managers.filter((m) => m === null).length).toBe(1); // the plant director
    expect(managers.every((m) => m === null || ids.has(m))).toBe(true);
  });

  it('has some departed and retired people, mostly with leave dates, and most people active', () => {
    const status = col(plant, 'roster', 'status') as EmploymentStatus[];
    const hire = col(plant, 'roster', 'hireDate');
    const leave = col(plant, 'roster', 'leaveDate');
    const count = (s: EmploymentStatus) => status.filter((x) => x === s).length / status.length;
    expect(count('departed')).toBeGreaterThan(0.02);
    expect(count('departed')).toBeLessThan(0.1);
    expect(count('retired')).toBeGreaterThan(0.002);
    expect(count('retired')).toBeLessThan(0.05);
    const active = status.filter((s, i) => isActiveAt({ status: s, hireDate: hire[i], leaveDate: leave[i] }, plant.asOf)).length / status.length;
    expect(active).toBeGreaterThan(0.85);
    expect(active).toBeLessThan(0.97);
    // A few stale exports: leave date set, status still 在职.
    expect(status.some((s, i) => s === 'active' && leave[i] !== null)).toBe(true);
  });

  it('has twelve quarters of plausible scores with grades, and improvement only for managers', () => {
    const perf = plant.datasets.performance;
    expect(new Set(col(plant, 'performance', 'period'))).toEqual(new Set(plant.quarters));
    expect(plant.quarters).toHaveLength(12);
    expect(plant.quarters[11]).toBe('2026Q3');
    const scores = perf.columns.score as Float64Array;
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    expect(Math.min(...scores)).toBeGreaterThanOrEqual(40);
    expect(Math.max(...scores)).toBeLessThanOrEqual(100);
    expect(mean).toBeGreaterThan(74);
    expect(mean).toBeLessThan(84);
    expect(new Set(col(plant, 'performance', 'grade'))).toEqual(new Set(['S', 'A', 'B', 'C', 'D']));
    const managers = new Set(col(plant, 'roster', 'managerId'));
    const improvement = perf.columns.subordinateImprovement as Float64Array;
    const ids = col(plant, 'performance', 'employeeId');
    for (let i = 0; i < perf.length; i++) expect(Number.isNaN(improvement[i])).toBe(!managers.has(ids[i]));
  });

  it('has genuine stars and hidden experts who miss exactly one trainer criterion', () => {
    const kinds = [...plant.archetypes.values()];
    const stars = kinds.filter((k) => k.archetype === 'star').length;
    const hidden = kinds.filter((k) => k.archetype === 'hidden');
    expect(stars).toBeGreaterThan(5);
    expect(stars).toBeLessThan(100);
    expect(new Set(hidden.map((h) => h.gap))).toEqual(new Set(['performance', 'improvement', 'coaching', 'sharing']));
    expect(kinds.some((k) => k.archetype === 'improving')).toBe(true);
    expect(kinds.some((k) => k.archetype === 'declining')).toBe(true);
  });

  it('gives stars coaching ≥ 4.5 and at least three knowledge-sharing sessions in the last two years', () => {
    const star = [...plant.archetypes].find(([, k]) => k.archetype === 'star')![0];
    const ratings = plant.datasets.ratings;
    const coaching = [...Array(ratings.length).keys()].map((i) => rowAt(ratings, i)).filter((r) => r.employeeId === star && r.dimension === '带教能力');
    expect(coaching.length).toBeGreaterThan(0);
    expect(coaching.every((r) => (r.score as number) >= 4.5)).toBe(true);
    const since = addYears(plant.asOf, -2);
    const acts = plant.datasets.activities;
    const sharing = [...Array(acts.length).keys()].map((i) => rowAt(acts, i)).filter((r) => r.employeeId === star && String(r.type).includes('分享会') && String(r.date) > since);
    expect(sharing.length).toBeGreaterThanOrEqual(3);
  });

  it('uses the domain article vocabulary', () => {
    const depts = new Set(col(plant, 'roster', 'department'));
    for (const d of ['生产一车间', '设备维修部', '质量部', '销售部', '客户服务部', '行政部']) expect(depts.has(d)).toBe(true);
    const certs = new Set(col(plant, 'certificates', 'certificate'));
    expect(certs.has('高级工程师')).toBe(true);
    expect(certs.has('高级技师')).toBe(true);
    expect(col(plant, 'roster', 'name').some((n) => n!.startsWith('张'))).toBe(true);
  });

  it('refuses nonsense options', () => {
    expect(() => make(5)).toThrow(RangeError);
    expect(() => generateDemoPlant({ employees: 100, seed: '1', endQuarter: '2026-09', plant: plantInfo })).toThrow(RangeError);
  });
});

describe('demo workbooks', () => {
  const small = make(300, 'xlsx');
  const read = (name: keyof DemoPlant['datasets']) => {
    const wb = XLSX.read(datasetWorkbook(small.datasets[name]), { dense: true, cellNF: true });
    return wb.Sheets[wb.SheetNames[0]];
  };
  /** Raw cell values by header (sheet_to_json would turn date cells into local-time Dates). */
  const records = (sheet: XLSX.WorkSheet) => {
    const [head, ...body] = sheet['!data']!;
    return body.map((row) => Object.fromEntries(head.map((h, c) => [String(h.v), row[c]?.v])));
  };

  it('writes the roster with Chinese headers and 工号 as text', () => {
    const sheet = read('roster');
    const rows = records(sheet);
    expect(Object.keys(rows[0])).toEqual(expect.arrayContaining(['工号', '姓名', '部门', '入职日期', '在职状态']));
    const cell = sheet['!data']![1][0];
    expect(cell.t).toBe('s');
    expect(cell.v).toBe('000001');
    const ids = col(small, 'roster', 'employeeId');
    const names = col(small, 'roster', 'name');
    const hires = col(small, 'roster', 'hireDate');
    const status = col(small, 'roster', 'status') as EmploymentStatus[];
    rows.forEach((r, i) => {
      expect(r['工号']).toBe(ids[i]);
      expect(r['姓名']).toBe(names[i]);
      expect(serialToIso(r['入职日期'] as number)).toBe(hires[i]);
      expect(r['在职状态']).toBe(STATUS_ZH[status[i]]);
    });
  });

  it('writes performance with Chinese period labels and percent-formatted improvement', () => {
    const sheet = read('performance');
    const rows = records(sheet);
    const perf = small.datasets.performance;
    const imp = perf.columns.subordinateImprovement as Float64Array;
    rows.forEach((r, i) => {
      expect(parsePeriod(String(r['考核周期']))!.label).toBe(col(small, 'performance', 'period')[i]);
      expect(r['绩效得分']).toBe((perf.columns.score as Float64Array)[i]);
      expect(r['下属业绩提升率'] ?? NaN).toBe(imp[i]);
    });
    const header = sheet['!data']![0].map((c) => c?.v);
    const impCol = header.indexOf('下属业绩提升率');
    const withValue = sheet['!data']!.slice(1).find((row) => row[impCol]);
    expect(withValue![impCol].z).toBe('0.0%');
  });

  it('writes every dataset with its canonical header set', () => {
    for (const name of Object.keys(small.datasets) as (keyof DemoPlant['datasets'])[]) {
      const header = read(name)['!data']![0].map((c) => c?.v);
      expect(header).toEqual(DATASETS[name].fields.map((f) => f.zh));
    }
  });
});
