// Offline: once the page has been loaded, it reloads and works with the network cut.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, byTestId, roomIds, templateJson, waitForApp } from './harness.mjs';

const app = useApp();

/** Opens the app and loads it once more, so the service worker it registered controls it. */
async function openControlled(page) {
  await app.open();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await waitForApp(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

test('after one visit the app reloads and runs with no network', async () => {
  const { page } = app;
  await openControlled(page);

  await page.context().setOffline(true);
  await page.reload();
  await waitForApp(page);
  assert.match(await byTestId(page, 'totals-area').textContent(), /^延床面積/);
  assert.deepEqual(await roomIds(page), templateJson('wooden-house-shared').storeys[0].rooms.map((r) => r.id));
  // Editing and checking work offline too.
  await byTestId(page, 'profile-select').selectOption('sh-elderly');
  assert.equal(await byTestId(page, 'profile-select').inputValue(), 'sh-elderly');
  // The manifest is served for installing the app.
  await page.context().setOffline(false);
  const manifest = await (await page.request.get(app.url + 'manifest.webmanifest')).json();
  assert.equal(manifest.short_name, 'Madori');
});

test('a while after loading, the worker is kept too: print and what-if work offline unused', async () => {
  const { page } = app;
  await openControlled(page);
  // The page asks the service worker to keep the worker's files some seconds after load.
  const kept = () => page.evaluate(async () => {
    const cache = await caches.open('madori-v1');
    const found = await Promise.all(['./worker.js', './madori-worker.js', './madori-worker_bg.wasm'].map((u) => cache.match(u)));
    return found.every((r) => r !== undefined);
  });
  const start = Date.now();
  while (!(await kept())) {
    assert.ok(Date.now() - start < 20000, 'the worker is kept within 20 s of loading');
    await page.waitForTimeout(500);
  }
  await page.context().setOffline(true);
  await page.reload();
  await waitForApp(page);
  // Never used online, the worker answers offline: the capacity panel's search runs.
  await byTestId(page, 'capacity-panel').locator('summary').click();
  await byTestId(page, 'one-more-find').click();
  await byTestId(page, 'suggestion').first().waitFor();
  await page.context().setOffline(false);
});
