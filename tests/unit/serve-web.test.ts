// The local web server answers a malformed request and keeps serving.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'xinhuo-serve-'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>薪火</title>');
const server = spawn(process.execPath, ['scripts/serve-web.mjs', '--port', '0', '--dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
const base = new Promise<string>((resolve, reject) => {
  server.stdout.on('data', (d: Buffer) => {
    const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(d.toString());
    if (m) resolve(m[0]);
  });
  server.on('exit', (code) => reject(new Error(`server exited ${code}`)));
});
afterAll(() => server.kill());

const get = (url: string, path: string) =>
  new Promise<number>((resolve, reject) => {
    const u = new URL(url);
    request({ host: u.hostname, port: u.port, path, method: 'GET' }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });

describe('serve-web', () => {
  it('answers GET /% with 400 and goes on serving', async () => {
    const url = await base;
    expect(await get(url, '/%')).toBe(400);
    expect(await get(url, '/%E0%A4%A')).toBe(400);
    expect(await get(url, '/')).toBe(200);
    expect(await get(url, '/../etc/passwd')).toBe(404);
  });
});
