import { describe, expect, it } from 'vitest';
import { normaliseCell, cleanText, type CellInput } from '../../shared/io/values.ts';
import { headerConfidence, detectDataset, suggestMapping } from '../../shared/io/mapping.ts';
import { normaliseHeader, SCHEMAS } from '../../shared/io/schemas.ts';
import { detectEncoding } from '../../shared/io/read-file.ts';
import { isoToSerial, serialToIso } from '../../shared/io/excel-dates.ts';
import type { ValueType } from '../../shared/domain/facts/datasets.ts';

const s = (v: string): CellInput => ({ t: 's', v });
const n = (v: number, z?: string): CellInput => ({ t: 'n', v, z });
const value = (type: ValueType, cell: CellInput, date1904 = false) => {
  const r = normaliseCell(type, cell, date1904);
  return r.ok ? r.value : `!${r.code}`;
};
const warning = (type: ValueType, cell: CellInput) => {
  const r = normaliseCell(type, cell);
  return r.ok ? r.warning?.code : undefined;
};

describe('value normalisers', () => {
  it('trims NFKC text including U+3000 and U+00A0', () => {
    expect(cleanText('\u3000张伟\u00a0 ')).toBe('张伟');
    expect(value('text', s('ＡＢＣ１２３'))).toBe('ABC123');
    expect(value('text', s('   '))).toBeNull();
  });

  it.each([
    [s('000123'), '000123'],
    [s('００１２３'), '00123'],
    [s(' E-1001 '), 'E-1001'],
    [n(123, '000000'), '000123'],
    [n(123), '123'],
    [n(110101199001011234), '!idPrecision'],
    [n(12.5), '!badId'],
    [s('张 三'), '!badId'],
  ])('ids: %o → %s', (cell, want) => expect(value('id', cell)).toBe(want));

  it('warns when leading zeros are restored from the format', () => {
    expect(warning('id', n(7, '000000'))).toBe('idPadded');
    expect(warning('id', s('000007'))).toBeUndefined();
  });

  it.each([
    [s('2023/5/1'), '2023-05-01'],
    [s('2023.05.01'), '2023-05-01'],
    [s('2023-05-01'), '2023-05-01'],
    [s('2023年5月1日'), '2023-05-01'],
    [s('20230501'), '2023-05-01'],
    [s('2023-05-01 08:30:00'), '2023-05-01'],
    [n(45047), '2023-05-01'],
    [n(1), '1900-01-01'],
    [n(59), '1900-02-28'],
    [n(61), '1900-03-01'],
    [s('2023/2/30'), '!badDate'],
    [s('明天'), '!badDate'],
  ])('dates: %o → %s', (cell, want) => expect(value('date', cell)).toBe(want));

  it('reads 1904-system serials', () => {
    expect(value('date', n(43585), true)).toBe('2023-05-01');
    expect(serialToIso(isoToSerial('2024-02-29', true), true)).toBe('2024-02-29');
    expect(serialToIso(isoToSerial('1999-12-31'))).toBe('1999-12-31');
  });

  it.each([
    [s('2024年第1季度'), '2024Q1'],
    [s('2024-Q1'), '2024Q1'],
    [s('2024上半年'), '2024H1'],
    [s('2024年3月'), '2024-03'],
    [s('2023.05'), '2023-05'],
    [s('202305'), '2023-05'],
    [n(2024), '2024'],
    [n(202403), '2024-03'],
    [n(45047, 'yyyy-mm'), '2023-05'],
    [s('上个季度'), '!badPeriod'],
  ])('periods: %o → %s', (cell, want) => expect(value('period', cell)).toBe(want));

  it.each([
    [s('1,234.5'), 1234.5],
    [s('８８'), 88],
    [n(90), 90],
    [s('九十'), '!badNumber'],
  ])('numbers: %o → %s', (cell, want) => expect(value('number', cell)).toBe(want));

  it.each([
    [s('20%'), 0.2],
    [s('２０％'), 0.2],
    [s('0.2'), 0.2],
    [n(0.2, '0.0%'), 0.2],
    [n(0.25), 0.25],
    [n(20), 0.2],
    [s('二成'), '!badPercent'],
  ])('percentages: %o → %s', (cell, want) => expect(value('percent', cell)).toBe(want));

  it('warns when a plain number above 1 is read as percentage points', () => {
    expect(warning('percent', n(20))).toBe('percentScaled');
    expect(warning('percent', n(20, '0%'))).toBeUndefined();
  });

  it.each([
    ['在职', 'active'],
    ['离职', 'departed'],
    ['退休', 'retired'],
    ['停薪留职', 'leave'],
    ['长病假', 'leave'],
    ['试用', 'probation'],
    ['试用期', 'probation'],
  ])('status %s → %s', (text, want) => expect(value('status', s(text))).toBe(want));

  it('lists the allowed values for an unknown status or grade', () => {
    const r = normaliseCell('status', s('借调'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(String(r.params.allowed)).toContain('在职');
    expect(value('grade', s('优秀'))).toBe('S');
    expect(value('grade', s('b'))).toBe('B');
    expect(value('grade', s('一般'))).toBe('!badEnum');
  });

  it('splits certificate lists on 、,;，；/', () => {
    expect(value('list', s('高级工程师、高级技师;电工证，焊工证/高级工程师'))).toBe('高级工程师、高级技师、电工证、焊工证');
  });

  it('reports error cells and formulas without a cached value', () => {
    expect(value('number', { t: 'e', v: 42, w: '#N/A' })).toBe('!errorCell');
    expect(value('number', { t: 'n', f: 'SUM(A1:A2)' })).toBe('!formulaNoValue');
    expect(value('number', { t: 'n', v: 3, f: 'SUM(A1:A2)' })).toBe(3);
  });
});

describe('headers and mapping', () => {
  it('normalises headers for matching', () => {
    expect(normaliseHeader(' 员工 工号（必填）* ')).toBe('员工工号必填');
    expect(normaliseHeader('Employee_ID')).toBe('employeeid');
  });

  it('scores exact synonyms 1 and near matches lower', () => {
    const keys = SCHEMAS.roster.fields.find((f) => f.name === 'employeeId')!.keys;
    expect(headerConfidence('员工编号', keys)).toBe(1);
    expect(headerConfidence('Employee ID', keys)).toBe(1);
    expect(headerConfidence('员工工号(必填)', keys)).toBeGreaterThanOrEqual(0.6);
    expect(headerConfidence('员工工号(必填)', keys)).toBeLessThan(1);
    expect(headerConfidence('备注', keys)).toBeLessThan(0.6);
  });

  it('detects the dataset from headers', () => {
    expect(detectDataset(['工号', '姓名', '部门', '岗位'])?.dataset).toBe('roster');
    expect(detectDataset(['工号', '姓名', '考核周期', '绩效得分'])?.dataset).toBe('performance');
    expect(detectDataset(['工号', '活动类型', '活动日期', '分享主题'])?.dataset).toBe('activities');
    expect(detectDataset(['工号', '指标名称', '统计周期', '指标值'])?.dataset).toBe('businessMetrics');
    expect(detectDataset(['甲', '乙', '丙'])).toBeNull();
  });

  it('composes a period from 年度 + 季度 columns', () => {
    const m = suggestMapping('performance', ['工号', '年度', '季度', '绩效得分']);
    expect(m.fields.period).toMatchObject({ kind: 'yearPart', yearColumn: 1, partColumn: 2, part: 'quarter' });
  });
});

describe('encoding detection', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it('recognises BOMs, UTF-16 without BOM, UTF-8 and GB18030', () => {
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe('utf-8-bom');
    expect(detectEncoding(new Uint8Array([0xff, 0xfe, 0x41, 0]))).toBe('utf-16le');
    expect(detectEncoding(new Uint8Array([0x41, 0, 0x42, 0, 0x43, 0, 0x44, 0]))).toBe('utf-16le');
    expect(detectEncoding(enc('工号,姓名\n'))).toBe('utf-8');
    expect(detectEncoding(new Uint8Array([0xb9, 0xa4, 0xba, 0xc5]))).toBe('gb18030'); // 工号 in GBK
  });
});
