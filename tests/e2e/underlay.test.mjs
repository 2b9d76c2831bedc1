// Tracing a photo: a picture dropped on the page becomes the storey's underlay, and it comes
// back after a reload (the picture from the browser's image store, its placement with the plan).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, byTestId, dropFile, pngFile, waitForApp } from './harness.mjs';

const app = useApp();

test('a dropped photo becomes the underlay, is scaled, and survives a reload', async () => {
  const { page } = app;
  await app.open();
  await dropFile(page, await pngFile(page, 800, 600));
  const image = byTestId(page, 'underlay-image');
  await image.waitFor({ state: 'attached' });
  assert.equal(await image.getAttribute('width'), '800');
  assert.match(await image.getAttribute('href'), /^data:image\/png;base64,/);
  assert.match(await image.getAttribute('transform'), /scale\(12\.5\)/, 'long side 10 m at first');

  // Calibrate from outside the page: click two points 400 px apart on the picture, type 3640.
  await page.locator('[data-testid="underlay-panel"] summary').click();
  await byTestId(page, 'underlay-scale').click();
  const at = async (u, v) =>
    page.evaluate(({ u, v }) => {
      const img = document.querySelector('[data-testid="underlay-image"]');
      const m = img.getScreenCTM();
      return { x: m.a * u + m.c * v + m.e, y: m.b * u + m.d * v + m.f };
    }, { u, v });
  for (const [u, v] of [[100, 300], [500, 300]]) {
    const p = await at(u, v);
    await page.mouse.click(p.x, p.y);
  }
  await byTestId(page, 'underlay-length').fill('3640');
  await byTestId(page, 'underlay-length-ok').click();
  await page.waitForFunction(() =>
    !/scale\(12\.5\)/.test(document.querySelector('[data-testid="underlay-image"]').getAttribute('transform')));
  const scale = Number((await image.getAttribute('transform')).match(/scale\(([\d.]+)\)/)[1]);
  // Clicks land on whole screen pixels: at this zoom one pixel is about 0.25 % of 400 px.
  assert.ok(Math.abs(scale - 9.1) / 9.1 < 0.01, `scale ${scale} within 1 % of 9.1 mm/px`);

  await page.waitForTimeout(2000);
  await page.reload();
  await waitForApp(page);
  await byTestId(page, 'underlay-image').waitFor({ state: 'attached' });
  assert.equal(await byTestId(page, 'underlay-image').getAttribute('transform'), await image.getAttribute('transform'));
});
