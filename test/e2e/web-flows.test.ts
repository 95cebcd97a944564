/**
 * The web UI's main flows in headless Chromium against the real server with the bundled PSF
 * catalog: search by URL, filtered lists that survive a reload and Back, a provider's services,
 * and the graph.
 */
import { describe, expect, it } from 'vitest';
import { hasChromium, screenshot, useUiSession } from './browser-harness.js';

describe.skipIf(!hasChromium)('web UI flows on the PSF catalog', () => {
  const session = useUiSession();

  it('finds the service behind a URL as you type, and Enter shows whom to contact', async () => {
    const { page } = session.browser;
    await page.goto(`${session.server.url}/`);
    await page.getByLabel('Search the catalog').fill('https://bugs.python.org/issue1');
    const hit = page.locator('a.hit-link[data-result-id="bugs-python-org"]');
    await hit.waitFor();
    expect(await page.locator('.result-group-title').first().innerText()).toMatch(/Services/);
    await screenshot(page, 'home-search-results');

    await page.getByLabel('Search the catalog').press('Enter');
    await page.waitForURL(/\/who\?q=https%3A%2F%2Fbugs\.python\.org%2Fissue1$/);
    await page.getByRole('heading', { name: 'Contact, in this order' }).waitFor();
    const steps = page.locator('.ladder-step');
    expect(await steps.first().innerText()).toContain('bugs.python.org (Roundup issue trackers)');
    expect(await steps.first().locator('a[href="mailto:roundup-admin@python.org"]').count()).toBe(
      1,
    );
    const team = steps.filter({ hasText: 'PSF Infrastructure Team' });
    expect(await team.locator('a[href="mailto:infrastructure-staff@python.org"]').count()).toBe(1);
    expect(await team.locator('a[href="ircs://irc.libera.chat/python-infra"]').count()).toBe(1);
    // The team lists the web chat itself; the IRC contact does not repeat it.
    expect(await team.locator('a[href="https://web.libera.chat/#python-infra"]').count()).toBe(1);
    await screenshot(page, 'who-to-contact');

    await page.goBack();
    await page.waitForURL(/\/\?q=/);
    await expect
      .poll(() => page.getByLabel('Search the catalog').inputValue())
      .toBe('https://bugs.python.org/issue1');
    await page.locator('a.hit-link[data-result-id="bugs-python-org"]').waitFor();
  });

  it('filters the services list, keeps the filters on reload, and Back undoes one', async () => {
    const { page } = session.browser;
    await page.goto(`${session.server.url}/services`);
    const rows = page.locator('table.list-table tbody tr:not(.spacer)');
    await rows.first().waitFor();
    const all = await rows.count();

    await page.getByLabel('Provider').selectOption('digitalocean');
    await page.waitForURL(/provider=digitalocean/);
    await page.getByLabel('Managed by').fill('salt');
    await page.getByLabel('Managed by').press('Enter');
    await page.waitForURL(/managedBy=salt/);
    await page.locator('.list-status', { hasText: 'match the filters' }).waitFor();
    const filtered = await rows.count();
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(all);
    const names = await rows.locator('td.col-name a').allInnerTexts();
    expect(names).toContain('bugs.python.org (Roundup issue trackers)');
    expect(names).not.toContain('Python Package Index (PyPI)');

    await page.getByRole('button', { name: /Name/ }).click();
    await page.waitForURL(/dir=desc/);
    const descending = await rows.locator('td.col-name a').allInnerTexts();
    expect(descending).toEqual(
      [...names].sort((a, b) => b.localeCompare(a, 'en', { sensitivity: 'base', numeric: true })),
    );
    await screenshot(page, 'services-filtered');

    await page.reload();
    await rows.first().waitFor();
    expect(await page.getByLabel('Provider').inputValue()).toBe('digitalocean');
    expect(await page.getByLabel('Managed by').inputValue()).toBe('salt');
    expect(await rows.locator('td.col-name a').allInnerTexts()).toEqual(descending);

    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('dir=desc'));
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('managedBy'));
    await expect.poll(() => page.getByLabel('Managed by').inputValue()).toBe('');
    expect(await page.getByLabel('Provider').inputValue()).toBe('digitalocean');
  });

  it('opens a provider from the list and sees what runs on it', async () => {
    const { page } = session.browser;
    await page.goto(`${session.server.url}/providers`);
    await page.getByRole('link', { name: 'DigitalOcean', exact: true }).click();
    await page.waitForURL(/\/providers\/digitalocean$/);
    await page.getByRole('heading', { name: 'DigitalOcean', level: 1 }).waitFor();
    const runs = page.locator('section', {
      has: page.getByRole('heading', { name: 'Everything that runs on it' }),
    });
    await runs.getByRole('link', { name: 'bugs.nyc1.psf.io' }).waitFor();
    expect(
      await runs.getByRole('link', { name: 'bugs.python.org (Roundup issue trackers)' }).count(),
    ).toBe(1);
    await screenshot(page, 'provider');

    await runs.getByRole('link', { name: 'bugs.python.org (Roundup issue trackers)' }).click();
    await page.waitForURL(/\/services\/bugs-python-org$/);
    await page.getByRole('heading', { name: 'Where it runs' }).waitFor();
    expect(await page.locator('main').innerText()).toContain('Declared in');
  });

  it('opens the graph, selects a node to highlight its impact, and double-clicks into it', async () => {
    const { page } = session.browser;
    await page.goto(`${session.server.url}/graph`);
    await page.locator('.graph-canvas[data-ready="true"]').waitFor();
    const canvas = await page.locator('.graph-canvas').boundingBox();
    if (!canvas) throw new Error('no graph canvas');
    const at = async (id: string) => {
      const positions = await page.evaluate<Record<string, { x: number; y: number }>>(
        'window.switchboardGraph.renderedPositions()',
      );
      const p = positions[id];
      if (!p) throw new Error(`${id} is not on the graph`);
      return { x: canvas.x + p.x, y: canvas.y + p.y };
    };

    const host = await at('bugs-nyc1');
    await page.mouse.click(host.x, host.y);
    await page.waitForURL(/sel=bugs-nyc1/);
    const panel = page.locator('.graph-panel');
    await panel.getByText(/affected if it fails/).waitFor();
    expect(await panel.innerText()).toContain('bugs.python.org (Roundup issue trackers)');
    await screenshot(page, 'graph');

    const service = await at('bugs-python-org');
    await page.mouse.dblclick(service.x, service.y);
    await page.waitForURL(/\/services\/bugs-python-org$/);
    await page.getByRole('heading', { name: 'bugs.python.org (Roundup issue trackers)' }).waitFor();

    await page.getByRole('link', { name: 'Show on the graph' }).click();
    await page.waitForURL(/\/graph\?around=bugs-python-org/);
    await page.locator('.graph-canvas[data-ready="true"]').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('Around');
  });
});
