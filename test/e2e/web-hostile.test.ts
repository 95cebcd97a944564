/**
 * Catalog text is untrusted. A catalog whose names, descriptions, notes, roles and contacts are
 * script injections (test/fixtures/web-hostile) must render as inert text on every page: no
 * dialog opens, no element or event handler is injected, no javascript: link exists, and the CSP
 * reports nothing. Invisible characters (a right-to-left override) show written out.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureWebBuild,
  hasChromium,
  launchBrowser,
  REPO,
  screenshot,
  settle,
  startTestServer,
  watchPage,
  type Browser,
  type PageWatch,
  type TestServer,
} from './browser-harness.js';

const HOSTILE_CATALOG = join(REPO, 'test', 'fixtures', 'web-hostile');

/** What an injection would leave behind in a document. */
const INJECTION_PROBE = `(() => {
  const all = [...document.querySelectorAll('*')];
  return {
    handlers: all.filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).map((e) => e.outerHTML.slice(0, 120)),
    images: document.querySelectorAll('img[src="x"]').length,
    svgs: document.querySelectorAll('svg[onload], svg *[onload]').length,
    iframes: [...document.querySelectorAll('iframe')].filter((f) => !/^\\/api\\/v1\\/overview/.test(f.getAttribute('src') || '')).length,
    styles: document.querySelectorAll('body style').length,
    scripts: [...document.scripts].filter((s) => !/^\\/assets\\//.test(s.getAttribute('src') || '')).length,
    scriptLinks: [...document.querySelectorAll('a[href]')].filter((a) => /^\\s*(javascript|data|vbscript):/i.test(a.getAttribute('href'))).map((a) => a.getAttribute('href')),
    bodyShown: getComputedStyle(document.body).display !== 'none',
  };
})()`;

interface Probe {
  handlers: string[];
  images: number;
  svgs: number;
  iframes: number;
  styles: number;
  scripts: number;
  scriptLinks: string[];
  bodyShown: boolean;
}

const CLEAN: Probe = {
  handlers: [],
  images: 0,
  svgs: 0,
  iframes: 0,
  styles: 0,
  scripts: 0,
  scriptLinks: [],
  bodyShown: true,
};

async function probe(page: Page): Promise<Probe> {
  return page.evaluate<Probe>(INJECTION_PROBE);
}

const PAGES: [path: string, mustShow: string][] = [
  ['/services', "<img src=x onerror=alert('service')>"],
  ['/hosts', "box-1 <img src=x onerror=alert('host')>"],
  ['/providers', `Evil Cloud"><img src=x onerror=alert('provider')>`],
  ['/people', "Mallory <svg onload=alert('person')>"],
  ['/teams', "<img src=x onerror=alert('team')>"],
  ['/services/evil-service', '<style>body{display:none}</style>'],
  ['/services/evil-dependent', "Dependent </title><script>alert('title')</script>"],
  // A right-to-left override shows written out, not reversing the text after it.
  ['/services/spoofed-download', 'evil\\u202Egnp.exe now.\\u001B[2J \\u200Bhidden'],
  ['/hosts/box-1', "{{constructor.constructor('alert(1)')()}}"],
  ['/providers/evil-cloud', "<svg/onload=alert('provides')>"],
  ['/people/mallory', "<b onmouseover=alert('role')>admin</b>"],
  ['/teams/infra', "<script>alert('team description')</script>"],
  ['/who?q=evil.example.org', "<img src=x onerror=alert('service')>"],
  ['/reports/bus-factor', "<img src=x onerror=alert('service')>"],
  ['/graph?around=evil-service&people=1', 'Entities in this graph'],
  ['/graph', 'Entities in this graph'],
  ['/overview', 'Infrastructure overview'],
];

describe.skipIf(!hasChromium)('hostile catalog text stays inert in the web UI', () => {
  let server: TestServer;
  let browser: Browser;
  let watch: PageWatch;

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startTestServer(HOSTILE_CATALOG);
    browser = await launchBrowser();
    watch = watchPage(browser.page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(PAGES)('%s shows the text and runs none of it', async (path, mustShow) => {
    const { page } = browser;
    await page.goto(`${server.url}${path}`);
    await settle(page);
    await page.getByText(mustShow, { exact: false }).first().waitFor();
    // Give any injected handler a moment to fire.
    await page.mouse.move(400, 400);
    await page.waitForTimeout(150);
    expect(await probe(page)).toEqual(CLEAN);
    for (const frame of page.frames().slice(1)) {
      expect(await frame.evaluate<Probe>(INJECTION_PROBE)).toMatchObject({
        handlers: [],
        images: 0,
        scriptLinks: [],
      });
    }
    expect(watch.dialogs).toEqual([]);
    expect(watch.errors).toEqual([]);
  });

  it('search results show hostile names as text and keep the page title literal', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/`);
    await page.getByLabel('Search the catalog').fill('dependent');
    await page.locator('a.hit-link[data-result-id="evil-dependent"]').waitFor();
    expect(await probe(page)).toEqual(CLEAN);
    await page.locator('a.hit-link[data-result-id="evil-dependent"]').click();
    await page.waitForURL(/evil-dependent/);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect
      .poll(() => page.title())
      .toBe("Dependent </title><script>alert('title')</script> · Switchboard");
    await screenshot(page, 'hostile-entity');
    expect(watch.dialogs).toEqual([]);
  });

  it('renders javascript: text in contacts and notes without making a link of it', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/teams/infra`);
    await page.getByRole('heading', { name: 'Contacts' }).waitFor();
    const irc = page.locator('.contact', { hasText: 'IRC' });
    expect(await irc.innerText()).toContain("#infra on javascript:alert('irc')");
    expect(await irc.locator('a').count()).toBe(0);
    await page.goto(`${server.url}/people/mallory`);
    await page.getByRole('heading', { name: 'About' }).waitFor();
    const handles = page.locator('.field', { hasText: 'Handles' });
    expect(await handles.locator('a').getAttribute('href')).toBe(
      "https://github.com/javascript%3Aalert('gh')",
    );
    expect(await handles.innerText()).toContain("javascript:alert('web')");
    expect(await probe(page)).toEqual(CLEAN);
  });
});
