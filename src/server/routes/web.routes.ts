/**
 * The web UI: the production build in `web/dist`, served by the same server as the API. Hashed
 * assets are cached for a year; every other path that is not the API gets `index.html`, so that
 * the UI's own URLs (`/services?status=active`, `/providers/fastly`) survive a reload. Every
 * response carries the web UI's security headers (a Content-Security-Policy without inline
 * scripts; the page may not be framed).
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { Hono, type Context } from 'hono';
import { WEB_UI_CSP, WEB_UI_HEADERS } from '../security-headers.js';

/** `web/dist` of this checkout (the same from `src/server/routes` and `dist/server/routes`). */
export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/** The web UI's policy (defined with every other security header in security-headers.ts). */
export const CONTENT_SECURITY_POLICY = WEB_UI_CSP;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.svg',
  '.txt',
  '.webmanifest',
]);
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Paths that belong to the API and health checks, never to the UI. */
const RESERVED = /^\/(api(\/|$)|healthz$|readyz$)/;

interface CachedFile {
  mtimeMs: number;
  body: Buffer;
  etag: string;
  gzip?: Buffer;
  brotli?: Buffer;
}

export interface WebRoutesOptions {
  /** The built UI; defaults to `web/dist` of this checkout. */
  distDir?: string;
}

const NOT_BUILT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Switchboard</title></head>
<body><main><h1>The web UI has not been built</h1><p>Run <code>npm run build</code> and restart the
server. The API answers at <a href="/api/v1/openapi.json">/api/v1</a> meanwhile.</p></main></body></html>`;

/** The file for a request path inside `root`, or undefined for anything that tries to leave it. */
export function resolveAssetPath(root: string, requestPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const relative = normalize(decoded).replace(/^(\.\.(\/|$))+/, '');
  if (relative.split('/').some((part) => part.startsWith('.') && part.length > 0)) return undefined;
  const full = join(root, relative);
  return full === root || full.startsWith(root + sep) ? full : undefined;
}

function acceptedEncoding(c: Context): 'br' | 'gzip' | undefined {
  const accept = c.req.header('accept-encoding') ?? '';
  if (/\bbr\b/.test(accept)) return 'br';
  if (/\bgzip\b/.test(accept)) return 'gzip';
  return undefined;
}

export function webRoutes(options: WebRoutesOptions = {}): Hono {
  const root = normalize(options.distDir ?? DEFAULT_WEB_DIST);
  const cache = new Map<string, CachedFile>();

  async function load(path: string): Promise<CachedFile | undefined> {
    let info;
    try {
      info = await stat(path);
    } catch {
      return undefined;
    }
    if (!info.isFile()) return undefined;
    const cached = cache.get(path);
    if (cached && cached.mtimeMs === info.mtimeMs) return cached;
    const body = await readFile(path);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
    const file: CachedFile = { mtimeMs: info.mtimeMs, body, etag };
    cache.set(path, file);
    return file;
  }

  function respond(c: Context, path: string, file: CachedFile, cacheControl: string): Response {
    const ext = extname(path);
    const headers: Record<string, string> = {
      'content-type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
      'cache-control': cacheControl,
      etag: file.etag,
    };
    const compressible = COMPRESSIBLE.has(ext) && file.body.length > 1024;
    if (compressible) headers.vary = 'Accept-Encoding';
    if (c.req.header('if-none-match') === file.etag) return c.body(null, 304, headers);
    const encoding = compressible ? acceptedEncoding(c) : undefined;
    let body = file.body;
    if (encoding === 'br') {
      file.brotli ??= brotliCompressSync(file.body, {
        params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 9 },
      });
      body = file.brotli;
    } else if (encoding === 'gzip') {
      file.gzip ??= gzipSync(file.body, { level: 9 });
      body = file.gzip;
    }
    if (encoding) headers['content-encoding'] = encoding;
    return c.body(new Uint8Array(body), 200, headers);
  }

  async function serve(c: Context): Promise<Response> {
    const requestPath = c.req.path;
    const path = resolveAssetPath(root, requestPath);
    const file = path && !path.endsWith(sep) ? await load(path) : undefined;
    if (path && file) {
      const hashed = requestPath.startsWith('/assets/');
      return respond(c, path, file, hashed ? IMMUTABLE : 'no-cache');
    }
    // A missing file with an extension is a real 404 (a stale chunk must not get HTML back).
    const last = requestPath.split('/').pop() ?? '';
    if (/\.[a-z0-9]+$/i.test(last) && !last.endsWith('.html')) {
      return c.text('Not found', 404, { 'cache-control': 'no-cache' });
    }
    const indexPath = join(root, 'index.html');
    const index = await load(indexPath);
    if (!index) return c.html(NOT_BUILT_PAGE, 503, { 'cache-control': 'no-store' });
    return respond(c, indexPath, index, 'no-cache');
  }

  const app = new Hono();
  app.get('*', async (c) => {
    if (RESERVED.test(c.req.path)) return c.notFound();
    const response = await serve(c);
    for (const [name, value] of Object.entries(WEB_UI_HEADERS)) response.headers.set(name, value);
    return response;
  });
  return app;
}
