// The records' travel form: typed columns as {"$f64": base64}, read back without a reviver.
import { describe, expect, it } from 'vitest';
import { canonicalJson, parseTravelJson } from '../../shared/bundle/encoding.ts';

describe('travel JSON', () => {
  it('reads typed columns back as Float64Arrays wherever a record holds them, and nothing else', () => {
    const record = { id: 'b1', columns: { score: new Float64Array([1.5, Number.NaN, -0]), name: ['甲', null, '{"$f64":"x"}'] }, nested: [[{ x: new Float64Array([2]) }]], plain: { $f64: 3 }, two: { $f64: 'AAAAAAAA8D8=', other: 1 } };
    const back = parseTravelJson(canonicalJson(record)) as typeof record;
    expect(back.columns.score).toBeInstanceOf(Float64Array);
    expect(Array.from(back.columns.score)).toEqual([1.5, Number.NaN, -0]);
    expect(back.columns.name).toEqual(['甲', null, '{"$f64":"x"}']);
    expect(back.nested[0][0].x).toBeInstanceOf(Float64Array);
    // Only an object whose one key is $f64 holding a string is a column.
    expect(back.plain).toEqual({ $f64: 3 });
    expect(back.two).toEqual({ $f64: 'AAAAAAAA8D8=', other: 1 });
  });

  it('survives hostile nesting: deep arrays are parsed, not walked into a stack overflow', () => {
    const deep = `${'['.repeat(50_000)}{"$f64":"AAAAAAAA8D8="}${']'.repeat(50_000)}`;
    expect(() => parseTravelJson(deep)).not.toThrow();
  });
});
