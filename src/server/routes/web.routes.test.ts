import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, resolveAssetPath, webRoutes } from './web.routes.js';

let dist: string;
let app: Hono;
const bigScript = `console.log(${JSON.stringify('x'.repeat(5000))});`;

beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'web-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Switchboard</title>');
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), bigScript);
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dist, '.secret'), 'no');
  app = new Hono();
  app.get('/api/v1/summary', (c) => c.json({ ok: true }));
  app.route('/', webRoutes({ distDir: dist }));
  app.notFound((c) => c.json({ code: 'route.not_found' }, 404));
});

afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('webRoutes', () => {
  it.each([
    ['/', 'text/html; charset=utf-8', 'no-cache'],
    ['/services?status=active', 'text/html; charset=utf-8', 'no-cache'],
    ['/providers/fastly', 'text/html; charset=utf-8', 'no-cache'],
    [
      '/assets/index-abc123.js',
      'text/javascript; charset=utf-8',
      'public, max-age=31536000, immutable',
    ],
    ['/favicon.svg', 'image/svg+xml', 'no-cache'],
  ])('GET %s is %s with cache-control %s and the security headers', async (path, type, cache) => {
    const res = await app.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('cache-control')).toBe(cache);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('sends a CSP that allows no inline or foreign scripts', () => {
    const script = CONTENT_SECURITY_POLICY.split('; ').find((d) => d.startsWith('script-src'));
    expect(script).toBe("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });

  it('leaves API paths to the API and its not-found answer', async () => {
    expect(await (await app.request('/api/v1/summary')).json()).toEqual({ ok: true });
    const res = await app.request('/api/v1/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ code: 'route.not_found' });
    expect((await app.request('/healthz')).status).toBe(404);
  });

  it.each(['/assets/missing-123.js', '/missing.css', '/.secret', '/%2e%2e/%2e%2e/etc/passwd.txt'])(
    'answers 404, not the app, for the missing or hidden file %s',
    async (path) => {
      const res = await app.request(path);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('<title>Switchboard');
    },
  );

  it('compresses text assets and answers 304 to a matching ETag', async () => {
    const res = await app.request('/assets/index-abc123.js', {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(bigScript);
    const etag = res.headers.get('etag') ?? '';
    const again = await app.request('/assets/index-abc123.js', {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
  });

  it('says how to build the UI when web/dist is missing', async () => {
    const bare = webRoutes({ distDir: join(dist, 'nowhere') });
    const res = await bare.request('/');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build');
  });
});

describe('resolveAssetPath', () => {
  it.each([
    ['/assets/a.js', '/srv/dist/assets/a.js'],
    ['/../../etc/passwd', '/srv/dist/etc/passwd'],
    ['/%2e%2e/secret', '/srv/dist/secret'],
    ['/a/%00b', undefined],
    ['/a\\..\\b', undefined],
    ['/.env', undefined],
    ['/%E0%A4%A', undefined],
  ])('%s → %s', (path, expected) => {
    expect(resolveAssetPath('/srv/dist', path)).toBe(expected);
  });
});
