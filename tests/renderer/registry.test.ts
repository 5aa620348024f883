// The feature registry drives the shell, the router and the permission checks.
import { describe, expect, it } from 'vitest';
import { FEATURES, ROUTES, routeAllowed } from '../../renderer/src/shell/registry.ts';
import { hrefOf, parseRoute } from '../../renderer/src/ui/router.ts';
import { catalogue } from './helpers.ts';

describe('feature registry', () => {
  it('gives every route a unique name, and every sidebar entry a message in both languages', () => {
    expect(new Set(ROUTES.map((r) => r.name)).size).toBe(ROUTES.length);
    for (const r of ROUTES.filter((x) => x.nav)) {
      for (const lang of ['zh-CN', 'en'] as const) expect(catalogue(lang)(r.nav!), `${lang} ${r.nav}`).not.toBe(r.nav);
    }
  });

  it('routes every hash to its screen and back, and an unknown one to the people list', () => {
    for (const r of ROUTES) {
      const route = r.param ? { name: r.name, id: '000123' } : { name: r.name };
      expect(parseRoute(hrefOf(route))).toEqual(route);
    }
    expect(hrefOf({ name: 'employee', id: '000 12/3' })).toBe('#/people/000%2012%2F3');
    expect(parseRoute('#/no-such-screen')).toEqual({ name: 'people' });
    expect(parseRoute('')).toEqual({ name: 'people' });
  });

  it('shows each role only the screens its capabilities open, and each installation its own sync screen', () => {
    const visible = (role: string, installation: 'plant' | 'hq' = 'plant') => ROUTES.filter((r) => r.nav && routeAllowed(r, { role, department: null }, installation)).map((r) => r.name);
    expect(visible('admin')).toEqual(['people', 'screening', 'pipeline', 'reviewResults', 'import', 'history', 'sync', 'audit', 'settings']);
    expect(visible('admin', 'hq')).toEqual(['people', 'screening', 'pipeline', 'import', 'history', 'plants', 'audit', 'settings']);
    expect(visible('officer')).toContain('sync');
    expect(visible('analyst')).not.toContain('sync');
    expect(visible('deptHead')).toEqual(['people', 'screening', 'pipeline', 'reviewResults', 'settings']);
    expect(visible('reviewer')).toEqual(['myPackets', 'settings']);
  });

  it('has messages in both languages for every feature, key for key', () => {
    const keys = (o: unknown, prefix = ''): string[] => (o && typeof o === 'object' ? Object.entries(o).flatMap(([k, v]) => keys(v, `${prefix}${k}.`)) : [prefix]);
    for (const f of FEATURES) expect(keys(f.messages.en), f.id).toEqual(keys(f.messages['zh-CN']));
  });
});
