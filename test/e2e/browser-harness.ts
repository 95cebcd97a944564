/**
 * What the browser tests share: Debian's Chromium driven by playwright-core, the real server
 * started in-process on a fresh SQLite file, the production build of the UI, axe-core, and
 * screenshots under test-output/screenshots/ for reviewers.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/start-server.js';
import { available } from '../support/requirements.js';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(REPO, 'test-output', 'screenshots');
const AXE = join(REPO, 'node_modules', 'axe-core', 'axe.min.js');
let axeSource: string | undefined;

export const hasChromium = available(
  `Chromium at ${CHROMIUM}`,
  existsSync(CHROMIUM),
  'apt-get install chromium, or set CHROMIUM_PATH',
);

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The UI's production build; built here when missing (npm run build normally makes it). */
export async function ensureWebBuild(): Promise<void> {
  if (existsSync(join(REPO, 'web', 'dist', 'index.html')) && !process.env.E2E_REBUILD) return;
  const { build } = await import('vite');
  await build({ configFile: join(REPO, 'web', 'vite.config.ts'), logLevel: 'warn' });
}

export interface TestServer {
  url: string;
  server: RunningServer;
  close(): Promise<void>;
}

/** The real server on a random port and a fresh database (the bundled PSF catalog by default). */
export async function startTestServer(catalogDir?: string): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-e2e-'));
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    databaseUrl: `sqlite:${join(dir, 'catalog.db')}`,
    ...(catalogDir ? { catalogDir } : {}),
    log: () => undefined,
  });
  const home = await fetch(server.url);
  if (!(home.headers.get('content-type') ?? '').startsWith('text/html')) {
    await server.close();
    throw new Error(
      'The server does not serve the web UI at /: createApp must mount webRoutes() after the API routes.',
    );
  }
  return {
    url: server.url,
    server,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export interface BrowserOptions {
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
}

export async function launchBrowser(options: BrowserOptions = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'switchboard-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: 'reduce',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Everything a page did that a test should fail on: script errors, dialogs, CSP violations. */
export interface PageWatch {
  errors: string[];
  dialogs: string[];
}

export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = { errors: [], dialogs: [] };
  page.on('pageerror', (error) => watch.errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    // A 404 answer the page asked for on purpose (an unknown entity) is not an error of the UI.
    if (message.type() === 'error' && !/status of 404/.test(text)) {
      watch.errors.push(`console: ${text}`);
    }
  });
  page.on('dialog', (dialog) => {
    watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return watch;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; html: string }[];
}

/** axe-core's serious and critical violations on the current page. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // addScriptTag would insert an inline <script>, which the CSP rightly blocks; evaluating the
  // source through the DevTools protocol is not subject to it.
  const loaded = await page.evaluate('typeof window.axe');
  if (loaded === 'undefined') await page.evaluate((axeSource ??= readFileSync(AXE, 'utf8')));
  const violations = await page.evaluate<AxeViolation[]>(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, html: n.html.slice(0, 200) })),
    })))`,
  );
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Waits until no request has been in flight for a moment (the page has its data). */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
}

export interface UiSession {
  readonly server: TestServer;
  readonly browser: Browser;
  readonly watch: PageWatch;
}

/**
 * Inside a describe block: the real server on the bundled catalog and one browser page for the
 * whole block, closed afterwards; every test must end with no page error and no dialog.
 */
export function useUiSession(options: BrowserOptions = {}): UiSession {
  const session = {} as { server: TestServer; browser: Browser; watch: PageWatch };
  beforeAll(async () => {
    await ensureWebBuild();
    session.server = await startTestServer();
    session.browser = await launchBrowser(options);
    session.watch = watchPage(session.browser.page);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  afterEach(() => {
    expect(session.watch.errors).toEqual([]);
    expect(session.watch.dialogs).toEqual([]);
  });
  return session;
}
