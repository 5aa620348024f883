import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-run.ts';
import { SEED_PROFILE } from '../../shared/domain/screening/profile.ts';

const dir = mkdtempSync(join(tmpdir(), 'xinhuo-screen-'));
const files = ['--roster', 'roster', '--performance', 'performance', '--ratings', 'ratings', '--activities', 'activities', '--certificates', 'certificates'].map((a, i) => (i % 2 ? join(dir, `${a}.xlsx`) : a));

const run = runCli;

describe('xinhuo screen', () => {
  it('screens the demo plant with the seed profile and prints the documented JSON', async () => {
    expect((await run(['demo', '--employees', '800', '--seed', 'screen', '--out', dir, '--end-quarter', '2026Q3'])).code).toBe(0);
    const r = await run(['screen', '--as-of', '2026-09-30', '--profile', 'seed', ...files, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(Object.keys(out)).toEqual(['asOf', 'profile', 'population', 'candidates', 'nearMisses', 'excluded']);
    expect(out.asOf).toBe('2026-09-30');
    expect(out.population).toBeGreaterThan(600);
    expect(out.candidates.length).toBeGreaterThan(0);
    expect(out.candidates[0]).toEqual({ employeeId: expect.stringMatching(/^\d{6}$/), name: expect.any(String), criteria: SEED_PROFILE.criteria.map((c) => ({ id: c.id, passed: true, value: expect.any(Number), threshold: expect.anything() })) });
    expect(out.nearMisses.length).toBeGreaterThan(0);
    expect(out.nearMisses[0]).toEqual({ employeeId: expect.any(String), failed: [expect.any(String)] });
    expect(out.excluded[0]).toEqual({ employeeId: expect.any(String), reason: expect.stringMatching(/^(left|notYetHired|statusLeft)$/) });
  });

  it('reads a profile file, and a looser profile finds at least as many candidates', async () => {
    const loose = { ...SEED_PROFILE, id: 'loose', criteria: SEED_PROFILE.criteria.map((c) => (c.id === 'coaching' ? { ...c, value: 4.0 } : c)) };
    writeFileSync(join(dir, 'loose.json'), JSON.stringify(loose));
    const seed = JSON.parse((await run(['screen', '--as-of', '2026-09-30', ...files, '--json'])).out);
    const r = JSON.parse((await run(['screen', '--as-of', '2026-09-30', '--profile', join(dir, 'loose.json'), ...files, '--json'])).out);
    expect(r.profile).toBe('loose');
    expect(r.candidates.length).toBeGreaterThanOrEqual(seed.candidates.length);
    const text = await run(['screen', '--as-of', '2026-09-30', ...files]);
    expect(text.out).toContain('候选人：');
    expect(text.out).toContain('仅差：');
  });

  it('refuses a bad date, a bad profile and a missing file with exit code 2', async () => {
    expect((await run(['screen', '--as-of', '2026-13-01', ...files])).code).toBe(2);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ id: 'x', name: 'x', criteria: [{ id: 'a', kind: 'tenure' }] }));
    const bad = await run(['screen', '--as-of', '2026-09-30', '--profile', join(dir, 'bad.json'), ...files]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('minYears');
    const missing = await run(['screen', '--as-of', '2026-09-30', '--roster', join(dir, 'nope.xlsx'), ...files.slice(2)]);
    expect(missing.code).toBe(2);
  });
});
