// Work is never lost: choosing another template over an edit asks first; every change is
// autosaved and comes back after a reload; a reload before autosave has stored the last
// change asks through the browser's own beforeunload dialog.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, byTestId, roomIds, templateJson, waitForApp } from './harness.mjs';

const app = useApp();
const first = templateJson('wooden-house-shared');
const firstRooms = first.storeys[0].rooms.map((r) => r.id);

/** Renames the plan in the inspector as a user does: type, then leave the field. */
async function rename(page, name) {
  const field = byTestId(page, 'plan-name');
  await field.fill(name);
  await field.press('Tab');
  await page.waitForFunction(() => !document.querySelector('[data-testid="undo"]').disabled);
}

test('choosing a template over an edit asks first; cancel keeps the edit, discard opens', async () => {
  const { page } = app;
  await app.open();
  await rename(page, '改修案 E2E');

  const templates = byTestId(page, 'template-select');
  await templates.selectOption('kodan-3dk');
  const dialog = byTestId(page, 'unsaved-dialog');
  await dialog.waitFor();
  assert.match(await dialog.textContent(), /保存していない変更があります/);
  assert.equal(await byTestId(page, 'plan-name').inputValue(), '改修案 E2E', 'nothing replaced while asking');
  assert.deepEqual(await roomIds(page), firstRooms);

  await byTestId(page, 'cancel-replace').click();
  assert.equal(await dialog.count(), 0);
  assert.equal(await byTestId(page, 'plan-name').inputValue(), '改修案 E2E', 'cancel keeps the edit');
  assert.deepEqual(await roomIds(page), firstRooms);
  assert.equal(await templates.inputValue(), '', 'the menu goes back to its title');
  assert.equal(await byTestId(page, 'undo').isDisabled(), false, 'the edit is still undoable');

  await templates.selectOption('kodan-3dk');
  await dialog.waitFor();
  await byTestId(page, 'discard-and-open').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="room-r3"]'));
  assert.equal(await dialog.count(), 0);
  assert.deepEqual(await roomIds(page), templateJson('kodan-3dk').storeys[0].rooms.map((r) => r.id));
  assert.equal(await byTestId(page, 'plan-name').inputValue(), templateJson('kodan-3dk').name);
});

test('an edit comes back after a reload with its settings and view; a reload before it is stored asks', async () => {
  const { page } = app;
  const dialogs = [];
  let answer = 'dismiss';
  page.on('dialog', async (d) => {
    dialogs.push(d.type());
    await (answer === 'accept' ? d.accept() : d.dismiss());
  });
  await app.open();

  // Nothing changed, but the user has clicked (Chromium asks only on a page the user has
  // interacted with; Playwright's own evaluate calls count as interaction too): the reload
  // goes through without a dialog, and the first template is shown again.
  await byTestId(page, 'zoom-fit').click();
  await page.evaluate(() => (window.e2eMarker = 'old document'));
  await page.reload();
  await waitForApp(page);
  assert.deepEqual(dialogs, []);
  assert.equal(await page.evaluate(() => window.e2eMarker), undefined, 'reloaded');
  assert.equal(await byTestId(page, 'plan-name').inputValue(), first.name);

  // Edit the plan, its check settings and the view; let autosave store them.
  await rename(page, '改修案 E2E');
  await byTestId(page, 'profile-select').selectOption('sh-elderly');
  await byTestId(page, 'zoom-in').click();
  const transform = await byTestId(page, 'plan-canvas').getAttribute('viewBox');
  await page.waitForTimeout(2000);
  await page.reload();
  await waitForApp(page);
  assert.deepEqual(dialogs, [], 'stored: nothing to ask');
  await page.waitForFunction(() => document.querySelector('[data-testid="plan-name"]').value === '改修案 E2E');
  assert.equal(await byTestId(page, 'profile-select').inputValue(), 'sh-elderly');
  assert.deepEqual(await roomIds(page), firstRooms);
  assert.equal(
    await byTestId(page, 'plan-canvas').getAttribute('viewBox'),
    transform,
    'the view comes back',
  );

  // A reload right after an edit, before autosave has stored it: the browser asks.
  await rename(page, '改修案 E2E 2');
  await page.evaluate(() => (window.e2eMarker = 'same document'));
  // (Playwright's reload() never settles after a dismissed beforeunload: it times out.)
  const stayed = page.reload({ timeout: 1500 }).then(
    () => 'reloaded',
    () => 'not reloaded',
  );
  await page.waitForEvent('dialog');
  assert.deepEqual(dialogs, ['beforeunload']);
  assert.equal(await stayed, 'not reloaded');
  assert.equal(await page.evaluate(() => window.e2eMarker), 'same document');

  // Once stored, the reload goes through and the latest edit is back.
  await page.waitForTimeout(2000);
  await page.reload();
  await waitForApp(page);
  assert.deepEqual(dialogs, ['beforeunload']);
  await page.waitForFunction(() => document.querySelector('[data-testid="plan-name"]').value === '改修案 E2E 2');
});

test('when the browser refuses storage the page says so and offers a file save', async () => {
  const { page } = app;
  // As in a private window with storage blocked: opening IndexedDB fails.
  await page.addInitScript(() => {
    const refuse = () => { throw new DOMException('storage blocked', 'SecurityError'); };
    Object.defineProperty(window, 'indexedDB', { get: () => ({ open: refuse, deleteDatabase: refuse }) });
  });
  await app.open();
  await rename(page, '保存できない試験');
  const banner = byTestId(page, 'storage-error');
  await banner.waitFor();
  assert.match(await banner.textContent(), /自動保存できません/);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    byTestId(page, 'storage-error-save').click(),
  ]);
  assert.equal(download.suggestedFilename(), '保存できない試験.madori.json');
});
