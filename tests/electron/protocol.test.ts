import { describe, expect, it } from 'vitest';
import { resolveAppFile, serveAppRequest } from '../../electron/main/protocol.ts';

const root = '/opt/xinhuo/renderer';

describe('app:// protocol', () => {
  it('maps app URLs to files below the renderer root', () => {
    expect(resolveAppFile(root, 'app://xinhuo/')).toBe(`${root}/index.html`);
    expect(resolveAppFile(root, 'app://xinhuo/index.html')).toBe(`${root}/index.html`);
    expect(resolveAppFile(root, 'app://xinhuo/assets/index-abc.js')).toBe(`${root}/assets/index-abc.js`);
  });

  it.each(['app://xinhuo/../../etc/passwd', 'app://xinhuo/%2e%2e/%2e%2e/etc/passwd', 'app://xinhuo/assets/..%2f..%2f..%2fetc/passwd', 'app://xinhuo/..%2f..%2f..%2f..%2fetc/passwd'])('never leaves the root for %s', (url) => {
    const file = resolveAppFile(root, url);
    expect(file === null || file.startsWith(`${root}/`)).toBe(true);
    expect(file).not.toBe('/etc/passwd');
  });

  it.each(['app://other/index.html', 'app://xinhuo/a%00b', 'app://xinhuo/%E0%A4%A', 'app://xinhuo/..%2f..%2f..%2f..%2fetc/passwd', 'nonsense'])('refuses %s', (url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });

  it('serves files with the CSP and a content type, and 404 otherwise', async () => {
    const files: Record<string, string> = { [`${root}/index.html`]: '<html></html>' };
    const deps = { readFile: async (f: string) => (f in files ? new TextEncoder().encode(files[f]) : Promise.reject(new Error('ENOENT'))) };
    const ok = await serveAppRequest(root, 'app://xinhuo/index.html', deps);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('text/html');
    expect(ok.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await ok.text()).toBe('<html></html>');
    const missing = await serveAppRequest(root, 'app://xinhuo/nope.js', deps);
    expect(missing.status).toBe(404);
    const outside = await serveAppRequest(root, 'app://xinhuo/../secret', deps);
    expect(outside.status).toBe(404);
  });
});
