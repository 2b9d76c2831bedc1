// Workshop mode (issue 10): what to discuss, each rule explained with this plan's numbers
// (the words from the worker), a second standard side by side, a scenario through the states.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, byTestId, text, roomIds } from './harness.mjs';

const app = useApp();

test('a failing rule is explained with the plan’s own numbers, titles in both lists', async () => {
  const { page } = app;
  await app.open();
  await byTestId(page, 'template-select').selectOption('kodan-3dk-shared');
  await byTestId(page, 'workshop-toggle').click();
  const rules = byTestId(page, 'workshop-rule');
  await rules.first().waitFor();
  // Titles arrive from the worker: a title, not the bare id.
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="workshop-rule"]')].some((li) => li.textContent.includes('専用居室')));
  await rules.filter({ hasText: '専用居室' }).first().locator('button').click();
  const explainer = byTestId(page, 'workshop-explainer');
  await explainer.waitFor();
  assert.ok((await text(page, 'workshop-why')).length > 20, 'a plain reason');
  const words = await explainer.textContent();
  assert.match(words, /7\.45 ㎡ < 9 ㎡/, 'this plan’s failing room with its numbers');
  assert.match(words, /確度/, 'how sure the reading is');
  // English from the same table.
  await byTestId(page, 'lang-toggle').click();
  await page.waitForFunction(() => /Why|room/i.test(document.querySelector('[data-testid="workshop-explainer"]')?.textContent ?? ''));
  await byTestId(page, 'lang-toggle').click();
  // A second standard: the rows carry the rules' titles too.
  await byTestId(page, 'workshop-compare-select').selectOption('sh-elderly');
  const compared = await text(page, 'workshop-compare');
  assert.match(compared, /高齢/);
  assert.match(compared, /専用居室/);
  // The capacity panel is there too, for "what would it take for one more?".
  await byTestId(page, 'workshop-panel').getByTestId('capacity-panel').locator('summary').click();
  await byTestId(page, 'workshop-panel').getByTestId('one-more-find').click();
  await byTestId(page, 'workshop-panel').getByTestId('suggestion').first().waitFor();
  await byTestId(page, 'workshop-toggle').click();
  await byTestId(page, 'findings-panel').waitFor();
});

test('the scenario stepper walks the saved states with the presenter’s notes', async () => {
  const { page } = app;
  await app.open();
  const rooms = async () => (await roomIds(page)).length;
  const existing = await rooms();
  // 現況 with a note, then a proposal (a room partitioned off the LDK) with its own.
  await byTestId(page, 'states-panel').locator('summary').click();
  await byTestId(page, 'state-new-name').fill('現況');
  await byTestId(page, 'state-save').click();
  await byTestId(page, 'state-note').first().fill('いまの木造 2 階建て、4 人');
  await byTestId(page, 'state-note').first().press('Tab');
  await byTestId(page, 'capacity-panel').locator('summary').click();
  await byTestId(page, 'one-more-find').click();
  await byTestId(page, 'suggestion').first().getByTestId('one-more-preview').click();
  await byTestId(page, 'one-more-apply').click();
  await byTestId(page, 'state-new-name').fill('計画案A');
  await byTestId(page, 'state-save').click();
  await byTestId(page, 'state-note').nth(1).fill('LDK を間仕切って 5 人に');
  await byTestId(page, 'state-note').nth(1).press('Tab');
  assert.equal(await rooms(), existing + 1);

  await byTestId(page, 'workshop-toggle').click();
  assert.equal(await text(page, 'scenario-step'), '0 / 2');
  await byTestId(page, 'scenario-next').click();
  assert.equal(await text(page, 'scenario-step'), '1 / 2');
  assert.equal(await text(page, 'scenario-name'), '現況');
  assert.equal(await text(page, 'scenario-note'), 'いまの木造 2 階建て、4 人');
  assert.equal(await rooms(), existing, 'the existing plan is shown');
  assert.match(await text(page, 'totals-capacity'), /定員上限 4人/);
  await byTestId(page, 'scenario-next').click();
  assert.equal(await text(page, 'scenario-step'), '2 / 2');
  assert.equal(await text(page, 'scenario-note'), 'LDK を間仕切って 5 人に');
  assert.equal(await rooms(), existing + 1, 'the proposal is shown');
  assert.match(await text(page, 'totals-capacity'), /定員上限 5人/);
  assert.equal(await byTestId(page, 'scenario-next').isDisabled(), true, 'the last step');
  await byTestId(page, 'scenario-prev').click();
  assert.equal(await text(page, 'scenario-name'), '現況');
  assert.equal(await rooms(), existing);
});
