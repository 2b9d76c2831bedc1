// Offline: once the page has been loaded, it reloads and works with the network cut.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { useApp, byTestId, roomIds, templateJson, waitForApp, DIST } from './harness.mjs';

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

test('a while after loading, the worker and the chunks are kept too: panels, print and what-if work offline unused', async () => {
  const { page } = app;
  await openControlled(page);
  // The page asks the service worker to keep the worker's files and the page's chunks (every
  // wasm of the build but the main module) some seconds after load.
  const dir = readdirSync(DIST).find((d) => d.startsWith('app-'));
  const chunks = readdirSync(join(DIST, dir))
    .filter((f) => f.endsWith('.wasm') && f !== 'madori-app_bg.wasm')
    .map((f) => `./${dir}/${f}`);
  assert.ok(chunks.length >= 9, `the build has its chunks: ${chunks}`);
  const kept = () => page.evaluate(async (urls) => {
    const cache = await caches.open('madori-v1');
    const found = await Promise.all(urls.map((u) => cache.match(u)));
    return found.every((r) => r !== undefined);
  }, ['./worker.js', './madori-worker.js', './madori-worker_bg.wasm', ...chunks]);
  const start = Date.now();
  while (!(await kept())) {
    assert.ok(Date.now() - start < 20000, 'the worker is kept within 20 s of loading');
    await page.waitForTimeout(500);
  }
  await page.context().setOffline(true);
  await page.reload();
  await waitForApp(page);
  // Never used online, the worker answers offline: the capacity panel (its body a chunk,
  // never loaded online either) opens and its search runs.
  await byTestId(page, 'capacity-panel').locator('summary').click();
  await byTestId(page, 'one-more-find').click();
  await byTestId(page, 'suggestion').first().waitFor();
  // So does the library, another chunk.
  await byTestId(page, 'library-button').click();
  await byTestId(page, 'library').waitFor();
  assert.equal(await byTestId(page, 'on-demand-failed').count(), 0);
  await page.context().setOffline(false);
});
