// The browser page: media/web/ served as static files with a strict Content-Security-Policy (the same rules
// as the webviews: no inline script, nothing from elsewhere). A placeholder page when the folder is absent.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const TYPES: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.map': 'application/json', '.txt': 'text/plain; charset=utf-8',
});

const PLACEHOLDER = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Parc</title></head>
<body><h1>Parc server</h1><p>The browser page is not installed (media/web/ is missing). The API is at <a href="/api/openapi.json">/api/openapi.json</a>.</p></body></html>`;

/** The first candidate folder that exists. */
export async function findWebRoot(candidates: string[]): Promise<string | undefined> {
  for (const c of candidates) {
    const st = await fs.stat(c).catch(() => undefined);
    if (st?.isDirectory()) return c;
  }
  return undefined;
}

export async function staticFile(root: string | undefined, urlPath: string): Promise<{ status: number; type: string; body: Buffer | string } | undefined> {
  if (!root) return urlPath === '/' || urlPath === '/index.html' ? { status: 200, type: TYPES['.html'], body: PLACEHOLDER } : undefined;
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return undefined;
  }
  if (rel.includes('\0')) return undefined;
  if (rel.endsWith('/')) rel += 'index.html';
  const file = path.resolve(root, '.' + path.posix.normalize('/' + rel));
  // Never outside the folder (../, symlinks out of it).
  if (file !== root && !file.startsWith(root + path.sep)) return undefined;
  const real = await fs.realpath(file).catch(() => undefined);
  const realRoot = await fs.realpath(root);
  if (!real || !real.startsWith(realRoot + path.sep)) return undefined;
  const st = await fs.stat(real).catch(() => undefined);
  if (!st?.isFile()) return undefined;
  return { status: 200, type: TYPES[path.extname(real).toLowerCase()] ?? 'application/octet-stream', body: await fs.readFile(real) };
}
