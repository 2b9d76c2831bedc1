// Share links: the plan in the address's fragment opens as a copy in another browser.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, byTestId, roomIds, templateJson, waitForApp } from './harness.mjs';

const app = useApp();

test('a share link opens the same plan as a copy in a fresh browser; a broken one changes nothing', async () => {
  const { page } = app;
  await app.open();
  await byTestId(page, 'template-select').selectOption('kodan-3dk');
  await page.waitForFunction(() => document.querySelector('[data-testid="room-r3"]'));
  await byTestId(page, 'share-link').click();
  const link = await byTestId(page, 'share-url').inputValue();
  assert.match(link, /#plan=1[A-Za-z0-9_-]+$/);

  // Another browser (a fresh context: no storage) opens the link.
  const page2 = await app.otherPage();
  await page2.goto(link);
  await waitForApp(page2);
  const kodan = templateJson('kodan-3dk');
  await page2.waitForFunction((name) => document.querySelector('[data-testid="plan-name"]').value === name, kodan.name);
  assert.deepEqual(await roomIds(page2), kodan.storeys[0].rooms.map((r) => r.id));
  assert.equal(new URL(page2.url()).hash, '', 'the link is taken out of the address');

  // A damaged link lists its problem and leaves the first plan on screen.
  const page3 = await app.otherPage();
  await page3.goto(link.replace(/#plan=1.{12}/, '#plan=1!!!!!!!!!!!!'));
  await waitForApp(page3);
  await byTestId(page3, 'file-problems').waitFor();
  assert.equal(await byTestId(page3, 'plan-name').inputValue(), templateJson('wooden-house-shared').name);
});
