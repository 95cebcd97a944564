/**
 * The graph fits the space beside its side panel: nothing is drawn under the panel or off screen
 * when a graph opens, and selecting a node brings it and everything it would take down into view.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, screenshot, useUiSession } from './browser-harness.js';

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A pixel of slack for borders and rounding. */
const SLACK = 2;

async function box(page: Page, selector: string): Promise<Box> {
  const b = await page.locator(selector).boundingBox();
  if (!b) throw new Error(`${selector} is not on the page`);
  return { x1: b.x, y1: b.y, x2: b.x + b.width, y2: b.y + b.height };
}

/**
 * The ids among `ids` (every node when not given) that are not wholly visible: outside the
 * drawing, outside the window, or under the side panel.
 */
async function notInView(page: Page, ids?: readonly string[]): Promise<string[]> {
  const canvas = await box(page, '.graph-canvas');
  const panel = await box(page, '.graph-panel');
  const height = await page.evaluate<number>('window.innerHeight');
  const rendered = await page.evaluate<Record<string, Box>>(
    'window.switchboardGraph.renderedBoxes()',
  );
  return (ids ?? Object.keys(rendered)).filter((id) => {
    const r = rendered[id];
    if (!r) return true;
    const b = {
      x1: canvas.x1 + r.x1,
      y1: canvas.y1 + r.y1,
      x2: canvas.x1 + r.x2,
      y2: canvas.y1 + r.y2,
    };
    const inside =
      b.x1 >= canvas.x1 - SLACK &&
      b.x2 <= canvas.x2 + SLACK &&
      b.y1 >= canvas.y1 - SLACK &&
      b.y2 <= Math.min(canvas.y2, height) + SLACK;
    const underPanel = b.x2 > panel.x1 && b.x1 < panel.x2 && b.y2 > panel.y1 && b.y1 < panel.y2;
    return !inside || underPanel;
  });
}

describe.skipIf(!hasChromium)('the graph fits beside its panel (1280 × 900)', () => {
  const session = useUiSession();

  const open = async (path: string) => {
    await session.browser.page.goto(`${session.server.url}${path}`);
    await session.browser.page.locator('.graph-canvas[data-ready="true"]').waitFor();
  };

  const impactOf = async (id: string): Promise<string[]> => {
    const response = await fetch(`${session.server.url}/api/v1/impact/${id}`);
    const body = (await response.json()) as { items: { id: string }[] };
    return body.items.map((item) => item.id);
  };

  it('draws every node around pypi clear of the side panel', async () => {
    await open('/graph?around=pypi');
    expect(await notInView(session.browser.page)).toEqual([]);
  });

  it('opens the whole catalog fitted: no node cut off at the bottom or the side', async () => {
    await open('/graph');
    const all = await notInView(session.browser.page);
    expect(all).toEqual([]);
    await screenshot(session.browser.page, 'graph-whole-catalog');
  });

  it('opens with a selection and its impact set in view', async () => {
    const { page } = session.browser;
    const impact = await impactOf('fastly');
    expect(impact.length).toBeGreaterThan(0);
    await open('/graph?sel=fastly');
    await page
      .locator('.graph-panel')
      .getByText(/affected if it fails/)
      .waitFor();
    await expect.poll(() => notInView(page, ['fastly', ...impact])).toEqual([]);
  });

  it('brings a node selected while zoomed in, and its impact set, into view', async () => {
    const { page } = session.browser;
    const impact = await impactOf('fastly');
    await open('/graph');
    for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
    // Zoomed in on the middle, some of them are off screen: the selection must bring them back.
    expect(await notInView(page, ['fastly', ...impact])).not.toEqual([]);

    await page.getByText(/Entities in this graph/).click();
    await page.getByRole('button', { name: 'Fastly', exact: true }).click();
    await page.waitForURL(/sel=fastly/);
    await page
      .locator('.graph-panel')
      .getByText(/affected if it fails/)
      .waitFor();
    await expect.poll(() => notInView(page, ['fastly', ...impact])).toEqual([]);
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'graph-selected-after-zoom');
  });
});
