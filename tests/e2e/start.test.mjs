// The release page as a user first meets it: it loads cleanly, draws the first template
// ("wooden-house-shared") with its totals and findings, and speaks English on request.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, byTestId, text, roomIds, templateJson } from './harness.mjs';

const app = useApp();
const first = templateJson('wooden-house-shared');

test('the release page loads without errors or failed requests and shows the plan', async () => {
  const { page } = app;
  const responses = [];
  page.on('response', (res) => responses.push(res));
  await app.open();

  // The rooms of the ground floor, each drawn as a polygon of real size.
  assert.deepEqual(await roomIds(page), first.storeys[0].rooms.map((r) => r.id));
  const sizes = await page.$$eval('[data-testid="plan-canvas"] .rooms-layer > g.room polygon', (polys) =>
    polys.map((p) => {
      const box = p.getBBox();
      return { points: p.points.numberOfItems, width: box.width, height: box.height };
    }),
  );
  assert.equal(sizes.length, first.storeys[0].rooms.length);
  for (const s of sizes) {
    assert.ok(s.points >= 3 && s.width > 0 && s.height > 0, JSON.stringify(s));
  }
  const area = await text(page, 'totals-area');
  assert.match(area, /^延床面積/);
  assert.match(area, /115\.93㎡/);
  await assert.doesNotReject(byTestId(page, 'findings-panel').waitFor({ state: 'visible' }));
  assert.match(await text(page, 'findings-panel'), /判定/);
  assert.ok(Number(await text(page, 'count-pass')) > 30, 'the findings are listed');

  // The module is served as application/wasm (the browser compiles it while it downloads).
  const wasm = responses.filter((r) => r.url().endsWith('.wasm'));
  assert.equal(wasm.length, 1);
  assert.equal(wasm[0].headers()['content-type'], 'application/wasm');
  assert.equal(wasm[0].status(), 200);

  // The icon the page names is there (the browser may not fetch it while headless, so the
  // page fetches it), and nothing the browser asked for was missing, /favicon.ico included.
  const icon = await page.evaluate(async () => {
    const href = document.querySelector('link[rel="icon"]')?.href;
    if (!href) return null;
    const res = await fetch(href);
    return { status: res.status, type: res.headers.get('content-type'), bytes: (await res.text()).length };
  });
  assert.ok(icon, 'the page names an icon');
  assert.equal(icon.status, 200);
  assert.equal(icon.type, 'image/svg+xml');
  assert.ok(icon.bytes > 0);
  assert.deepEqual(app.served.filter((r) => r.status !== 200), [], 'the server answered every request');
  assert.deepEqual(app.issues, [], 'no console error, exception or failed request');
});

test('the language button switches the words to English and back', async () => {
  const { page } = app;
  await app.open();
  const toggle = byTestId(page, 'lang-toggle');
  assert.equal((await toggle.textContent()).trim(), 'English');
  assert.equal((await byTestId(page, 'open-plan-button').textContent()).trim(), '開く');
  await toggle.click();

  await page.waitForFunction(() => document.querySelector('[data-testid="totals-area"]').textContent.startsWith('Total floor area'));
  assert.equal((await toggle.textContent()).trim(), '日本語');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', '<html lang> follows');
  assert.match(await text(page, 'totals-area'), /^Total floor area \(wall centre\).*115\.93㎡/);
  assert.match(await text(page, 'totals-capacity'), /^Capacity 4 persons/);
  assert.match(await text(page, 'findings-panel'), /Findings/);
  assert.equal((await byTestId(page, 'open-plan-button').textContent()).trim(), 'Open');
  assert.equal((await text(page, 'tool-select')).trim(), 'Select');
  assert.equal((await text(page, 'save-plan')).trim(), 'Save');
  // The plan and its verdicts stay as they were: only the words change.
  assert.deepEqual(await roomIds(page), first.storeys[0].rooms.map((r) => r.id));
  const toolbar = await text(page, 'toolbar');
  for (const word of ['保存', '開く', '選択', '元に戻す', '基準']) {
    assert.ok(!toolbar.includes(word), `no "${word}" left in the English toolbar: ${toolbar}`);
  }

  await toggle.click();
  await page.waitForFunction(() => document.querySelector('[data-testid="totals-area"]').textContent.startsWith('延床面積'));
  assert.equal((await text(page, 'tool-select')).trim(), '選択');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
});
