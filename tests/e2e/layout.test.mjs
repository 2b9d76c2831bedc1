// Layouts for the rooms Madori is used in: a 1024 px tablet gives the plan the width and
// slides the panels in on demand; controls are large enough to touch.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, byTestId } from './harness.mjs';

const app = useApp();

test('on a 1024 × 768 tablet the panels fold away and open over the plan', async () => {
  const { page } = app;
  await page.setViewportSize({ width: 1024, height: 768 });
  // The findings are folded away here, so wait for the plan instead of them.
  await page.goto(app.url);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="plan-canvas"] [data-testid^="room-"]').length > 0);
  const canvas = await byTestId(page, 'plan-canvas').boundingBox();
  assert.ok(canvas.width >= 1000, `the plan takes the width: ${canvas.width}px`);
  assert.equal(await page.locator('aside.side').isVisible(), false);
  const toggle = byTestId(page, 'side-toggle');
  const box = await toggle.boundingBox();
  assert.ok(box.height >= 40, `touch target ${box.height}px`);
  await toggle.click();
  assert.equal(await page.locator('aside.side').isVisible(), true);
  assert.equal(await byTestId(page, 'findings-panel').isVisible(), true);
  await toggle.click();
  assert.equal(await page.locator('aside.side').isVisible(), false);
});

test('on a wide screen the panels stay beside the plan', async () => {
  const { page } = app;
  await page.setViewportSize({ width: 1400, height: 900 });
  await app.open();
  assert.equal(await page.locator('aside.side').isVisible(), true);
  assert.equal(await byTestId(page, 'side-toggle').isVisible(), false);
});

test('workshop mode on a 1280 × 720 projector: the plan and what to discuss, in large type', async () => {
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 720 });
  await app.open();
  await byTestId(page, 'workshop-toggle').click();
  await byTestId(page, 'workshop-panel').waitFor();
  assert.equal(await byTestId(page, 'template-select').isVisible(), false, 'editing controls step aside');
  const toolbar = await byTestId(page, 'toolbar').boundingBox();
  assert.ok(toolbar.height <= 60, `one toolbar row: ${toolbar.height}px`);
  const size = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.workshop-panel')).fontSize));
  assert.ok(size >= 20, `large type: ${size}px`);
  const canvas = await byTestId(page, 'plan-canvas').boundingBox();
  assert.ok(canvas.height >= 560, `the plan keeps the height: ${canvas.height}px`);
});

test('at 1280 px the toolbar is one row and every control in it can be reached', async () => {
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 720 });
  await app.open();
  const toolbar = await byTestId(page, 'toolbar').boundingBox();
  assert.ok(toolbar.height <= 56, `one row: ${toolbar.height}px`);
  for (const id of ['template-select', 'save-plan', 'tool-select', 'undo', 'zoom-fit', 'profile-select', 'lang-toggle']) {
    const control = byTestId(page, id);
    await control.scrollIntoViewIfNeeded();
    assert.ok(await control.isVisible(), `${id} reachable`);
  }
  await byTestId(page, 'library-button').click();
  const library = await byTestId(page, 'library').boundingBox();
  assert.ok(library.height > 40, 'a pop-up is not clipped by the row');
});
