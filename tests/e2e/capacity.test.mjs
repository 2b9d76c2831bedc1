// The capacity panel (issue 10): the smallest changes for one more resident, found by the
// worker, each previewed on the plan with one click, kept as a proposal or taken back.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, byTestId, text, roomIds } from './harness.mjs';

const app = useApp();

test('one more resident: preview the best change, keep it as a proposal, compare', async () => {
  const { page } = app;
  await app.open();
  await byTestId(page, 'capacity-panel').locator('summary').click();
  // The panel says how many and which rule binds, before any search.
  assert.match(await text(page, 'capacity-now'), /定員上限 4人/);
  assert.match(await byTestId(page, 'capacity-binding').first().textContent(), /SH-ROOM.*専用居室 4 室 × 1 人/);
  await byTestId(page, 'one-more-find').click();
  const first = byTestId(page, 'suggestion').first();
  await first.waitFor();
  // The shared wooden house holds 4: a private room partitioned off the LDK makes 5.
  assert.match(await first.textContent(), /共用LDK.*個室5/);
  assert.match(await first.getByTestId('suggestion-gain').textContent(), /4 → 5/);
  // The room it partitions off has no window: the list says so.
  assert.match(await first.getByTestId('suggestion-warnings').textContent(), /BS-DAYLIGHT/);
  const rooms = async () => (await roomIds(page)).length;
  const before = await rooms();
  await first.getByTestId('one-more-preview').click();
  await byTestId(page, 'one-more-previewing').waitFor();
  // The LDK and the room partitioned off it stand out on the plan.
  assert.ok((await page.locator('[data-testid="plan-canvas"] g.room.highlighted').count()) >= 2);
  assert.match(await text(page, 'totals-capacity'), /定員上限 5人/);
  assert.equal(await rooms(), before + 1, 'the new room is on the plan');
  // Take it back: the plan is as it was.
  await byTestId(page, 'one-more-back').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="plan-canvas"] g.room.highlighted').length === 0);
  assert.match(await text(page, 'totals-capacity'), /定員上限 4人/);
  assert.equal(await rooms(), before);
  // Preview again and keep it as a proposal: the plan on screen goes back, a state is saved.
  await first.getByTestId('one-more-preview').click();
  await byTestId(page, 'one-more-keep').click();
  await byTestId(page, 'one-more-kept').waitFor();
  assert.match(await text(page, 'totals-capacity'), /定員上限 4人/);
  assert.equal(await rooms(), before);
  await byTestId(page, 'states-panel').locator('summary').click();
  // The panel's body comes with its chunk, the first time it is opened.
  await byTestId(page, 'saved-state').first().waitFor();
  assert.equal(await byTestId(page, 'saved-state').count(), 1);
  assert.match(await byTestId(page, 'state-name').inputValue(), /計画案 1/);
  assert.match(await byTestId(page, 'state-note').inputValue(), /個室5/);
  // Compared with the plan on screen, the proposal holds one more.
  await byTestId(page, 'state-compare').click();
  const row = await text(page, 'compare-capacity');
  assert.match(row, /5.*4/);
  assert.equal(await page.locator('[data-testid="side-by-side"] img').count(), 2, 'the two side by side');
  // From the proposal to the plan on screen, 個室5 is gone and its partition taken out.
  assert.match(await text(page, 'change-list'), /個室5/);
  await byTestId(page, 'wall-removed').first().waitFor({ state: 'attached' });
  // Applied, the change stays on the plan like any edit, and the list is stale rather than wrong.
  await first.getByTestId('one-more-preview').click();
  await byTestId(page, 'one-more-apply').click();
  await byTestId(page, 'one-more-stale').waitFor();
  assert.match(await text(page, 'totals-capacity'), /定員上限 5人/);
  assert.equal(await rooms(), before + 1);
});

test('a proposal prints marked against the existing state, the two side by side', async () => {
  const { page } = app;
  await app.open();
  // Save the existing state, apply the best change, compare, print.
  await byTestId(page, 'states-panel').locator('summary').click();
  await byTestId(page, 'state-new-name').fill('現況');
  await byTestId(page, 'state-save').click();
  await byTestId(page, 'capacity-panel').locator('summary').click();
  await byTestId(page, 'one-more-find').click();
  await byTestId(page, 'suggestion').first().getByTestId('one-more-preview').click();
  await byTestId(page, 'one-more-apply').click();
  await byTestId(page, 'state-compare').click();
  await byTestId(page, 'wall-added').first().waitFor({ state: 'attached' });
  await byTestId(page, 'print-button').click();
  await byTestId(page, 'print-paper').selectOption('A3');
  await byTestId(page, 'print-compare-note').waitFor();
  await page.evaluate(() => { window.print = () => { window.printed = (window.printed || 0) + 1; }; });
  await byTestId(page, 'print-now').click();
  await page.waitForFunction(() => window.printed === 1);
  const sheets = byTestId(page, 'print-sheets');
  // Both storeys compared; 1F (the new partition) side by side on one A3 sheet.
  assert.equal(await sheets.locator('[data-testid="print-compare-sheet"]').count(), 2);
  assert.equal(await sheets.locator('[data-testid="print-compare-sheet"]').first().locator('svg').count(), 2);
  assert.ok(await sheets.locator('.wall-added').count() >= 2, 'the 1F plan and its comparison are hatched');
  const legend = await sheets.locator('[data-testid="print-renovation-legend"]').first().textContent();
  assert.match(legend, /「現況」から.*破線 = 撤去する壁、ハッチ = 新設する壁/);
  assert.match(await sheets.locator('figcaption').first().textContent(), /現況/);
});

test('a search can be stopped, and the next one starts afresh', async () => {
  const { page } = app;
  await app.open();
  await byTestId(page, 'capacity-panel').locator('summary').click();
  await byTestId(page, 'one-more-find').click();
  // The search worker is still starting (its wasm compiles) when the stop comes.
  await byTestId(page, 'one-more-stop').click();
  await byTestId(page, 'one-more-busy').waitFor({ state: 'detached' });
  await page.waitForTimeout(1500);
  assert.equal(await byTestId(page, 'suggestion').count(), 0, 'the stopped search shows nothing');
  await byTestId(page, 'one-more-find').click();
  await byTestId(page, 'suggestion').first().waitFor();
});
