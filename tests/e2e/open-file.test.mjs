// Opening plan files through the real file chooser (a click on 開く, then a file): a valid
// file replaces the plan; a broken one lists every problem with its path and changes nothing.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, byTestId, text, roomIds, openFile, templateJson, jsonFile } from './harness.mjs';

const app = useApp();

/** What the page shows of the plan on screen. */
async function shown(page) {
  return {
    name: await byTestId(page, 'plan-name').inputValue(),
    rooms: await roomIds(page),
    storeys: await page.$$eval('[data-testid="storey-tabs"] [data-testid^="storey-tab-"]', (tabs) => tabs.map((t) => t.textContent)),
    area: await text(page, 'totals-area'),
    capacity: await text(page, 'totals-capacity'),
    fails: await text(page, 'count-fail'),
  };
}

/** The problems listed for a refused file: [path, words] per problem. */
const problems = (page) =>
  page.$$eval('[data-testid="file-problems"] li', (items) =>
    items.map((li) => [li.querySelector('code').textContent, li.textContent.slice(li.querySelector('code').textContent.length).trim()]),
  );

test('a valid plan file replaces the plan on screen', async () => {
  const { page } = app;
  await app.open();
  const before = await shown(page);
  assert.equal(before.name, templateJson('wooden-house-shared').name);

  const plan = templateJson('kodan-3dk');
  plan.name = 'E2E 確認用 3DK';
  await openFile(page, jsonFile('e2e-3dk.madori.json', plan));

  await page.waitForFunction(() => document.querySelector('[data-testid="plan-name"]')?.value === 'E2E 確認用 3DK');
  const after = await shown(page);
  assert.deepEqual(after.rooms, plan.storeys[0].rooms.map((r) => r.id));
  assert.notEqual(after.rooms.length, before.rooms.length);
  assert.deepEqual(after.storeys, ['1F']);
  assert.match(after.area, /^延床面積.*57\.96㎡/);
  assert.notEqual(after.area, before.area);
  assert.equal(await byTestId(page, 'file-problems').count(), 0);
  // A file just opened has nothing unsaved: a template opens at once, without asking.
  await byTestId(page, 'template-select').selectOption('caretaker-2k');
  await page.waitForFunction(() => document.querySelector('[data-testid="plan-name"]')?.value !== 'E2E 確認用 3DK');
  assert.equal(await byTestId(page, 'unsaved-dialog').count(), 0);
  assert.deepEqual(await roomIds(page), templateJson('caretaker-2k').storeys[0].rooms.map((r) => r.id));
});

test('a file with a JSON syntax error is refused with its line and changes nothing', async () => {
  const { page } = app;
  await app.open();
  const before = await shown(page);

  const broken = '{\n  "format_version": 1,\n  "name": "壊れた" "x",\n  "storeys": []\n}\n';
  await openFile(page, jsonFile('broken.madori.json', broken));
  await byTestId(page, 'file-problems').waitFor();

  const listed = await problems(page);
  assert.equal(listed.length, 1, JSON.stringify(listed));
  const [path, words] = listed[0];
  assert.equal(path, '', 'a syntax error belongs to the whole file');
  assert.match(words, /^JSON として読めません \(3 行 \d+ 列\)/);
  assert.match(await text(page, 'file-problems'), /ファイルを読めませんでした \(1\)/);
  assert.equal(await byTestId(page, 'open-repaired').count(), 0, 'nothing to repair');
  assert.deepEqual(await shown(page), before);

  await byTestId(page, 'close-file-problems').click();
  assert.equal(await byTestId(page, 'file-problems').count(), 0);
  assert.deepEqual(await shown(page), before);
});

test('a file with field problems lists each with its path and changes nothing', async () => {
  const { page } = app;
  await app.open();
  const before = await shown(page);

  const plan = templateJson('kodan-3dk');
  const rooms = plan.storeys[0].rooms;
  rooms[2].polygon = rooms[2].polygon.slice(0, 2);
  rooms[4].polygon = [rooms[4].polygon[0], [rooms[4].polygon[0][0], 'far']];
  const file = jsonFile('bad-fields.madori.json', plan);
  await openFile(page, file);
  await byTestId(page, 'file-problems').waitFor();

  const listed = await problems(page);
  assert.deepEqual(
    listed.map(([path]) => path),
    ['storeys[0].rooms[4].polygon[1]'],
    `the field check comes first and stops before the shape check: ${JSON.stringify(listed)}`,
  );
  assert.match(listed[0][1], /y 座標は ±\d+ mm 以内の整数です/);
  assert.deepEqual(await shown(page), before);

  // Only the short outline left: the shape check names it. The chooser was reset after each
  // file, so choosing again reads again.
  rooms[4].polygon = templateJson('kodan-3dk').storeys[0].rooms[4].polygon;
  await openFile(page, jsonFile('bad-fields.madori.json', plan));
  await page.waitForFunction(() => document.querySelector('[data-testid="file-problems"] code')?.textContent === 'storeys[0].rooms[2].polygon');
  const again = await problems(page);
  assert.deepEqual(again, [['storeys[0].rooms[2].polygon', '部屋の頂点は 3 つ以上必要です (2 個)']]);
  assert.equal(await byTestId(page, 'open-repaired').count(), 0, 'a two-vertex outline cannot be repaired');
  assert.deepEqual(await shown(page), before);
});
