/**
 * What a newcomer trying the UI cold ran into, on the bundled PSF catalog: text filters that
 * apply as you type without losing each other, names instead of ids in the services list, the
 * impact of a person or a team leaving, a who-to-contact ladder that keeps steps without contacts
 * short, an unknown report that lists the real ones, honest counts on the home page, and a
 * navigation that a phone can reach.
 */
import { describe, expect, it } from 'vitest';
import { hasChromium, screenshot, seriousAxeViolations, useUiSession } from './browser-harness.js';

describe.skipIf(!hasChromium)('newcomer fixes on the PSF catalog', () => {
  const session = useUiSession();

  const query = (url: string) => Object.fromEntries(new URL(url).searchParams);

  it('applies text filters as you type, and a select changed meanwhile keeps them', async () => {
    const { page } = session.browser;
    await page.goto(`${session.server.url}/services`);
    await page.locator('table.list-table tbody tr:not(.spacer)').first().waitFor();

    // No Enter, no leaving the field: a pause in typing applies it.
    await page.getByLabel('Managed by').pressSequentially('sal');
    await page.waitForURL(/managedBy=sal(&|$)/, { timeout: 3000 });
    // Applying it leaves the focus (and the caret) where the typing is.
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('filter-managedBy');
    await page.getByLabel('Managed by').pressSequentially('t');
    await page.waitForURL(/managedBy=salt/, { timeout: 3000 });
    await page.locator('.list-status', { hasText: 'match the filters' }).waitFor();

    // Typing in one field and at once choosing in a select: both end up in the URL.
    await page.getByLabel('Tag').fill('web');
    await page.getByLabel('Status').selectOption('active');
    await expect
      .poll(() => query(page.url()), { timeout: 3000 })
      .toEqual({ managedBy: 'salt', tag: 'web', status: 'active' });
    expect(await page.getByLabel('Tag').inputValue()).toBe('web');
    expect(await page.getByLabel('Managed by').inputValue()).toBe('salt');
    const names = await page.locator('table.list-table td.col-name a').allInnerTexts();
    expect(names).toContain('docs.python.org (Python documentation)');

    // One edit is one history entry: three Backs undo the three filters, all of "salt" at once.
    for (const left of [2, 1, 0]) {
      await page.goBack();
      await page.waitForURL((url) => [...url.searchParams.keys()].length === left);
    }
    await expect.poll(() => page.getByLabel('Managed by').inputValue()).toBe('');
  });

  it('names hosts and owners in the services list, linking to the right kind', async () => {
    const { page } = session.browser;
    await page.goto(`${session.server.url}/services`);
    const row = page.locator('table.list-table tr', {
      has: page.locator('a[href="/services/docs-python-org"]'),
    });
    await row.locator('a[href="/hosts/docs-nyc1"]', { hasText: 'docs.nyc1.psf.io' }).waitFor();
    await row.locator('a[href="/people/julien-palard"]', { hasText: 'Julien Palard' }).waitFor();
    const bugs = page.locator('table.list-table tr', {
      has: page.locator('a[href="/services/bugs-python-org"]'),
    });
    expect(await bugs.locator('a[href="/hosts/bugs-nyc1"]').innerText()).toBe('bugs.nyc1.psf.io');
    expect(await bugs.locator('a[href="/teams/psf-infrastructure"]').innerText()).toBe(
      'PSF Infrastructure Team',
    );
    await screenshot(page, 'services-names');
  });

  it('shows what a person and a team leave behind', async () => {
    const { page } = session.browser;
    await page.goto(`${session.server.url}/people/ee-durbin`);
    const person = page.locator('section', {
      has: page.getByRole('heading', { name: 'Impact if they leave' }),
    });
    await person.getByRole('link', { name: 'Python Package Index (PyPI)' }).waitFor();
    expect(await person.innerText()).toContain('loses one of its owners');

    await page.goto(`${session.server.url}/teams/psf-infrastructure`);
    const team = page.locator('section', {
      has: page.getByRole('heading', { name: 'Impact if the team goes away' }),
    });
    await team.getByRole('link', { name: 'Salt master' }).waitFor();
    expect(await team.innerText()).toMatch(/\d+ left without an owner/);
    expect(await team.locator('.mark-orphaned').count()).toBeGreaterThan(1);
  });

  it('keeps ladder steps without a public contact to one line, in order, with the reason', async () => {
    const { page } = session.browser;
    await page.goto(`${session.server.url}/who?q=docs.python.org`);
    await page.getByRole('heading', { name: 'Contact, in this order' }).waitFor();
    const steps = page.locator('.ladder-step');
    const texts = await steps.allInnerTexts();
    const expected = [
      'docs.python.org (Python documentation)',
      'Julien Palard',
      'docs.nyc1.psf.io',
      'DigitalOcean',
      'Fastly',
      'PSF Infrastructure Team',
    ];
    expect(texts).toHaveLength(expected.length);
    expected.forEach((name, i) => expect(texts[i]).toContain(name));
    expect(await page.getByText('No public contact recorded.').count()).toBe(0);
    const quiet = page.locator('.ladder-step.no-contacts');
    expect(await quiet.count()).toBe(4);
    expect(await quiet.nth(2).innerText()).toContain('docs-nyc1 runs on digitalocean');
    const heights = await page.evaluate<number[]>(
      "[...document.querySelectorAll('.ladder-step.no-contacts')].map((e) => e.clientHeight)",
    );
    for (const height of heights) expect(height).toBeLessThan(40); // one line each
  });

  it('says an unknown report does not exist and lists the reports there are', async () => {
    const { page } = session.browser;
    await page.goto(`${session.server.url}/reports/no-such-report`);
    await page.getByRole('heading', { name: 'No report “no-such-report”' }).waitFor();
    await page.getByRole('link', { name: 'Bus factor' }).waitFor();
    const main = await page.locator('main').innerText();
    expect(main).not.toMatch(/renamed or removed/);
    expect(main).toContain('no report of that name');
    expect(await page.locator('main a[href="/reports/orphans"]').count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'report-not-found');
  });

  it('counts services with the retired ones named', async () => {
    const { page } = session.browser;
    const summary = (await (await fetch(`${session.server.url}/api/v1/summary`)).json()) as {
      counts: Record<string, number>;
    };
    const retired = (await (
      await fetch(`${session.server.url}/api/v1/entities?kind=Service&status=retired&limit=500`)
    ).json()) as { items: unknown[] };
    expect(retired.items.length).toBeGreaterThan(0);
    await page.goto(`${session.server.url}/`);
    const card = page.locator('a.count-card[href="/services"]');
    await card.getByText(`(${retired.items.length} retired)`).waitFor();
    expect(await card.innerText()).toContain(String(summary.counts.Service));
  });
});

describe.skipIf(!hasChromium)('the navigation on a phone', () => {
  const session = useUiSession({ viewport: { width: 390, height: 844 } });

  it('folds behind a Menu button that opens, closes and navigates with the keyboard', async () => {
    const { page } = session.browser;
    await page.goto(`${session.server.url}/services`);
    const menu = page.getByRole('button', { name: 'Menu' });
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.getByRole('link', { name: 'Graph' }).isVisible()).toBe(false);

    await menu.focus();
    await page.keyboard.press('Enter');
    // The menu state follows the key press or navigation on the next render: wait for it (bounded).
    await expect.poll(() => menu.getAttribute('aria-expanded'), { timeout: 5_000 }).toBe('true');
    const links = nav.getByRole('link');
    expect(await links.count()).toBe(8);
    for (const link of await links.all()) {
      const box = await link.boundingBox();
      expect(box, await link.innerText()).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    }
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'nav-menu-phone');

    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement.textContent')).toBe('Services');
    await page.keyboard.press('Escape');
    // The menu state follows the key press or navigation on the next render: wait for it (bounded).
    await expect.poll(() => menu.getAttribute('aria-expanded'), { timeout: 5_000 }).toBe('false');
    expect(await page.evaluate<string>('document.activeElement.className')).toContain('nav-toggle');

    await page.keyboard.press('Space');
    await nav.getByRole('link', { name: 'Overview' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/overview$/);
    // The menu state follows the key press or navigation on the next render: wait for it (bounded).
    await expect.poll(() => menu.getAttribute('aria-expanded'), { timeout: 5_000 }).toBe('false');
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
