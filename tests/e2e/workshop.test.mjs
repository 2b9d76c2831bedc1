// Workshop mode (issue 10): what to discuss, each rule explained with this plan's numbers
// (the words from the worker), a second standard side by side, a scenario through the states.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, byTestId, text } from './harness.mjs';

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
  await byTestId(page, 'workshop-toggle').click();
  await byTestId(page, 'findings-panel').waitFor();
});
