// Packaging settings that security depends on: a regression here would ship a weaker app.
import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const yml = readFileSync('electron-builder.yml', 'utf8');
const setting = (key: string) => new RegExp(`^\\s+${key}:\\s*(\\S+)`, 'm').exec(yml)?.[1];

describe('electron-builder.yml', () => {
  it('flips the security fuses', () => {
    expect(setting('runAsNode')).toBe('false');
    expect(setting('enableNodeOptionsEnvironmentVariable')).toBe('false');
    expect(setting('enableNodeCliInspectArguments')).toBe('false');
    expect(setting('enableEmbeddedAsarIntegrityValidation')).toBe('true');
    expect(setting('onlyLoadAppFromAsar')).toBe('true');
    expect(/^asar:\s*true/m.test(yml)).toBe(true);
  });

  it('targets AppImage, deb and nsis with the app icon', () => {
    for (const target of ['AppImage', 'deb', 'nsis']) expect(yml).toContain(`- ${target}`);
    expect(yml).toContain('productName: 薪火 Xinhuo');
    expect(existsSync('assets/icon.png')).toBe(true);
  });

  it('points package.json at the built main process and the CLI', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(pkg.main).toBe('out/main/index.cjs');
    expect(pkg.bin).toEqual({ xinhuo: 'cli/bin/xinhuo.mjs' });
    expect(pkg.dependencies.xlsx).toBe('npm:@e965/xlsx@0.20.3');
  });
});
