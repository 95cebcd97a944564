/**
 * Every page type passes axe-core with no serious or critical violation, in the light and the dark
 * theme, and is saved as a screenshot (test-output/screenshots/) for reviewers; keyboard use and
 * the error states (entity not found, API down) are checked on the way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureWebBuild,
  hasChromium,
  launchBrowser,
  screenshot,
  seriousAxeViolations,
  settle,
  startTestServer,
  watchPage,
  type Browser,
  type PageWatch,
  type TestServer,
} from './browser-harness.js';

/** [screenshot name, path, text that shows the page has its data]. */
const PAGE_TYPES: [name: string, path: string, ready: string][] = [
  ['home', '/', 'Needs attention'],
  ['who', '/who?q=docs.python.org', 'Contact, in this order'],
  ['services', '/services', 'services'],
  ['hosts', '/hosts', 'hosts'],
  ['service', '/services/pypi', 'Where it runs'],
  ['host', '/hosts/bugs-nyc1', 'What runs on this host'],
  ['provider-page', '/providers/fastly', 'Everything that runs on it'],
  ['person', '/people/ee-durbin', 'What they own'],
  ['team', '/teams/psf-infrastructure', 'What the team owns'],
  ['graph-page', '/graph?around=pypi', 'Entities in this graph'],
  ['reports', '/reports', 'Bus factor'],
  ['report', '/reports/bus-factor', 'Where to fix it'],
  ['report-not-found', '/reports/no-such-report', 'no report of that name'],
  ['overview', '/overview', 'Download Markdown'],
  ['entity-not-found', '/services/no-such-service', 'It is not in the catalog'],
  ['page-not-found', '/no/such/page', 'Page not found'],
];

describe.skipIf(!hasChromium)('accessibility and page states', () => {
  let server: TestServer;

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startTestServer();
  });

  afterAll(async () => {
    await server?.close();
  });

  describe.each(['light', 'dark'] as const)('%s theme', (theme) => {
    let browser: Browser;
    let watch: PageWatch;

    beforeAll(async () => {
      browser = await launchBrowser({ colorScheme: theme });
      watch = watchPage(browser.page);
    });

    afterAll(async () => {
      await browser?.close();
    });

    it.each(PAGE_TYPES)('%s (%s) has no serious axe violation', async (name, path, ready) => {
      const { page } = browser;
      await page.goto(`${server.url}${path}`);
      await page.getByText(ready).first().waitFor();
      await settle(page);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshot(page, theme === 'light' ? name : `${name}-dark`);
      expect(watch.errors).toEqual([]);
    });
  });

  describe('on a phone, with the keyboard, and when things fail', () => {
    let browser: Browser;

    beforeAll(async () => {
      browser = await launchBrowser({ viewport: { width: 390, height: 844 } });
    });

    afterAll(async () => {
      await browser?.close();
    });

    it.each([
      ['home-phone', '/', 'Needs attention'],
      ['service-phone', '/services/bugs-python-org', 'Where it runs'],
      ['services-phone', '/services', 'services'],
      ['search-results-phone', '/?q=amazon', 'Amazon Web Services'],
    ])('%s fits the screen without horizontal page scrolling', async (name, path, ready) => {
      const { page } = browser;
      await page.goto(`${server.url}${path}`);
      // In main: on a phone the navigation's links are folded away (hidden) behind the Menu button.
      await page.locator('main').getByText(ready).first().waitFor();
      await settle(page);
      const overflow = await page.evaluate<number>(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshot(page, name);
    });

    it('has an axe check that does catch a violation (an unlabelled input)', async () => {
      const { page } = browser;
      await page.goto(`${server.url}/no/such/page`);
      await page.getByText('Page not found').first().waitFor();
      await page.evaluate(
        "document.querySelector('main').append(Object.assign(document.createElement('input'), { type: 'text' }))",
      );
      const ids = (await seriousAxeViolations(page)).map((v) => v.id);
      expect(ids).toContain('label');
    });

    it('starts with a skip link and reaches search results with the keyboard', async () => {
      const { page } = browser;
      await page.goto(`${server.url}/services`);
      await page.keyboard.press('Tab');
      expect(await page.evaluate<string>('document.activeElement.textContent')).toBe(
        'Skip to content',
      );
      await page.keyboard.press('Enter');
      expect(await page.evaluate<string>('document.activeElement.id')).toBe('main');

      await page.goto(`${server.url}/`);
      await page.keyboard.type('bugs.python.org');
      // Answers for shorter texts show first (some with this hit first too): wait for the answer to
      // the whole text, announced in the status line, before moving into the results. Only that
      // answer is shown from then on (use-search.ts), so the list stays as it is under the focus.
      // Locator waits, not waitForFunction: the page's Content-Security-Policy forbids eval.
      await page.getByRole('status').getByText('1 result for “bugs.python.org”').waitFor();
      const hit = page.locator('a.hit-link');
      expect(await hit.count()).toBe(1);
      expect(await hit.getAttribute('href')).toBe('/services/bugs-python-org');
      await page.keyboard.press('ArrowDown');
      expect(
        await page.evaluate<string | null>('document.activeElement.getAttribute("href")'),
      ).toBe('/services/bugs-python-org');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/services\/bugs-python-org$/);
    });

    it('says the server cannot be reached when the API is down, and recovers on retry', async () => {
      const { page } = browser;
      await page.route('**/api/v1/**', (route) => route.abort('connectionrefused'));
      await page.goto(`${server.url}/services/pypi`);
      await page.getByText('Cannot reach the Switchboard server').waitFor();
      expect(await page.locator('[role="alert"]').innerText()).toContain('npm start');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshot(page, 'api-down');
      await page.unroute('**/api/v1/**');
      await page.getByRole('button', { name: 'Try again' }).click();
      await page.getByRole('heading', { name: 'Where it runs' }).waitFor();
    });
  });
});
