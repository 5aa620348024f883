// The app:// protocol: serves the built renderer from the packaged files, never from the
// network, with the content security policy on every response.

import { normalize, resolve, sep, extname } from 'node:path';
import { APP_HOST, CONTENT_SECURITY_POLICY } from './security.ts';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

/** Maps an app:// URL to a file below root, or null when it would leave root or is foreign. */
export function resolveAppFile(root: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const base = resolve(root);
  const file = resolve(base, normalize(relative));
  return file === base || file.startsWith(base + sep) ? file : null;
}

export function mimeType(file: string): string {
  return MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface ProtocolDeps {
  readFile: (file: string) => Promise<Uint8Array>;
}

export async function serveAppRequest(root: string, url: string, deps: ProtocolDeps): Promise<Response> {
  const file = resolveAppFile(root, url);
  const headers = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' };
  if (!file) return new Response('Not found', { status: 404, headers });
  try {
    const body = await deps.readFile(file);
    return new Response(body as BodyInit, { status: 200, headers: { ...headers, 'Content-Type': mimeType(file) } });
  } catch {
    return new Response('Not found', { status: 404, headers });
  }
}
