// Criterion kinds are a registry: one module per kind (schema, evaluate, explain, describe,
// value kind). Whether a value is a percentage comes from the dataset field it is read from.
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { CRITERION_KINDS, criterionSchema, criterionValueText, valueKindOf, type Criterion } from '../../shared/domain/screening/criteria/kinds.ts';
import { describeCriterion } from '../../shared/domain/screening/report.ts';
import { SEED_PROFILE } from '../../shared/domain/screening/profile.ts';
import { screeningWorkbook } from '../../shared/io/screening-export.ts';
import { screeningReport } from '../renderer/helpers.ts';
import { criterionTitle } from '../../renderer/src/features/screening/format.ts';

const improvement = SEED_PROFILE.criteria.find((c) => c.id === 'improvement')!;
const coaching = SEED_PROFILE.criteria.find((c) => c.id === 'coaching')!;

describe('criterion kinds', () => {
  it('registers every kind the profile schema accepts, each under its own name', () => {
    for (const [name, kind] of Object.entries(CRITERION_KINDS)) expect(kind.kind).toBe(name);
    const kinds = criterionSchema.options.map((o) => o.shape.kind.value);
    expect(kinds.sort()).toEqual(Object.keys(CRITERION_KINDS).sort());
  });

  it('takes a percentage from the dataset field type, not from the metric name', () => {
    expect(valueKindOf(improvement)).toBe('percent');
    expect(valueKindOf({ ...improvement, metric: 'teamScore' } as Criterion)).toBe('number');
    expect(valueKindOf(coaching)).toBe('number');
    expect(valueKindOf(SEED_PROFILE.criteria[0])).toBe('number');
    expect(valueKindOf(SEED_PROFILE.criteria[3])).toBe('count');
  });

  it('shows a value the same way everywhere: 30.6%, ratings to two decimals', () => {
    expect(criterionValueText(improvement, 0.306)).toBe('30.6%');
    expect(criterionValueText(coaching, 4.2666)).toBe('4.27');
    expect(describeCriterion({ ...improvement, label: undefined })).toBe('近2年下属业绩提升率（最近一期）≥20%');
  });

  it('describes every kind in English with no Chinese but the data it names', () => {
    const all: Criterion[] = [
      ...SEED_PROFILE.criteria,
      { id: 't', kind: 'tenure', minYears: 5 },
      { id: 'c', kind: 'certificate', anyOf: ['高级工程师'] },
      { id: 'o', kind: 'organisation', field: 'department', op: 'in', values: ['质量部'] },
    ] as Criterion[];
    expect(all.map((c) => describeCriterion(c, 'en'))).toEqual([
      'Top 15% by mean Score over 2 years (within department)',
      'Subordinate improvement (latest, 2 years) ≥ 20%',
      '带教能力 rating (mean, 2 years) ≥ 4.5',
      '知识分享会/部门知识分享会/分享会 ≥ 3 times in 2 years',
      'At least 5 years of service',
      'Holds a certificate: 高级工程师',
      'Department is one of: 质量部',
    ]);
  });

  it("titles the built-in criteria in the reader's language, and keeps a label someone typed", () => {
    expect(criterionTitle(coaching, 'zh-CN')).toBe('带教能力评分≥4.5');
    expect(criterionTitle(coaching, 'en')).toBe('带教能力 rating (mean, 2 years) ≥ 4.5');
    expect(criterionTitle({ ...coaching, label: '带教能手' }, 'en')).toBe('带教能手');
  });

  it('writes percentages to the workbook as numbers with a percentage format', () => {
    const row = { employeeId: '000101', name: '张伟', department: '质量部', position: '主管', plant: null, failed: [], criteria: [{ id: 'improvement', passed: true, value: 0.306, threshold: 0.2 }, { id: 'coaching', passed: false, value: 4.2666, threshold: 4.5 }] };
    const bytes = screeningWorkbook(SEED_PROFILE, screeningReport([row as never], []));
    const ws = XLSX.read(bytes, { cellNF: true }).Sheets['候选人'];
    expect(ws.E2).toMatchObject({ t: 'n', v: 0.306, z: '0.0%', w: '30.6%' });
    expect(ws.G2).toMatchObject({ t: 'n', v: 4.2666, z: '0.00', w: '4.27' });
  });
});
