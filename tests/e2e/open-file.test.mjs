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
    storeys: await page.$$eval('[data-testid^="storey-tab-"]', (tabs) => tabs.map((t) => t.textContent)),
    area: await text(page, 'totals-area'),
    capacity: await text(page, 'totals-capacity'),
    fails: await text(page, 'count-fail'),
  };
}

/** The problems listed for a refused file: [path, words] per problem. */
const problems = (page) =>
  page.$$eval('[data-testid="file-problems"] li', (items) =>
    items.map((li) => {
      const path = li.querySelector('code').textContent;
      return [path, li.textContent.slice(path.length).trim()];
    }),
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
  rooms[1].kind = 'castle';
  rooms[4].polygon = [rooms[4].polygon[0], [rooms[4].polygon[0][0], 'far']];
  rooms[6].name = 42;
  await openFile(page, jsonFile('bad-fields.madori.json', plan));
  await byTestId(page, 'file-problems').waitFor();

  const listed = await problems(page);
  assert.deepEqual(
    listed.map(([path]) => path),
    ['storeys[0].rooms[1].kind', 'storeys[0].rooms[4].polygon[1]', 'storeys[0].rooms[6].name'],
    JSON.stringify(listed),
  );
  assert.match(listed[0][1], /^部屋の種類 文字列 "castle" は不明です/);
  assert.match(listed[1][1], /^y 座標は ±1000000 mm 以内の整数です \(文字列 "far" は使えません\)/);
  assert.match(listed[2][1], /\(数 42 は使えません\)/);
  assert.match(await text(page, 'file-problems'), /ファイルを読めませんでした \(3\)/);
  assert.equal(await byTestId(page, 'open-repaired').count(), 0, 'nothing here can be repaired');
  assert.deepEqual(await shown(page), before);
});

test('a room outline of 2 vertices is refused, offered as a repair, and removed only on consent', async () => {
  const { page } = app;
  await app.open();
  const before = await shown(page);

  const plan = templateJson('kodan-3dk');
  const rooms = plan.storeys[0].rooms;
  const [short] = rooms.splice(2, 1, { ...rooms[2], polygon: rooms[2].polygon.slice(0, 2) });
  await openFile(page, jsonFile('short-outline.madori.json', plan));
  await byTestId(page, 'file-problems').waitFor();
  assert.deepEqual(await problems(page), [['storeys[0].rooms[2].polygon', '部屋の頂点は 3 つ以上必要です (2 個)']]);
  // The worker says which problems a repair fixes (the repairs are not in the page's
  // download); the offer follows its answer.
  await byTestId(page, 'open-repaired').waitFor();
  assert.equal(await page.locator('[data-testid="file-problems"] li.repairable').count(), 1);
  assert.match(await text(page, 'open-repaired'), /\(1\)$/);
  assert.deepEqual(await shown(page), before, 'refused: nothing changed');

  // Closing the list declines the repair: still nothing changed. The chooser was reset after
  // the file, so choosing the same file again reads it again.
  await byTestId(page, 'close-file-problems').click();
  assert.equal(await byTestId(page, 'file-problems').count(), 0);
  assert.deepEqual(await shown(page), before);
  await openFile(page, jsonFile('short-outline.madori.json', plan));
  await byTestId(page, 'open-repaired').waitFor();

  // Agreeing opens the plan without that room, its windows and its kitchen, and lists each
  // repair with its path in the file.
  await byTestId(page, 'open-repaired').click();
  await byTestId(page, 'file-repairs').waitFor();
  assert.equal(await byTestId(page, 'file-problems').count(), 0);
  assert.deepEqual(await roomIds(page), rooms.filter((r) => r !== rooms[2]).map((r) => r.id));
  assert.ok(!(await roomIds(page)).includes(short.id));
  assert.equal(await byTestId(page, 'plan-name').inputValue(), plan.name);
  assert.deepEqual(
    await page.$$eval('[data-testid="file-repairs"] li code', (codes) => codes.map((c) => c.textContent)),
    [
      'storeys[0].rooms[2]',
      ...plan.storeys[0].openings.flatMap((o, i) => (o.room === short.id ? [`storeys[0].openings[${i}]`] : [])),
      ...plan.storeys[0].fixtures.flatMap((f, i) => (f.room === short.id ? [`storeys[0].fixtures[${i}]`] : [])),
    ],
  );
  const drawn = (prefix) => page.locator(`[data-testid="plan-canvas"] [data-testid^="${prefix}-"]`).count();
  const kept = (list) => list.filter((element) => element.room !== short.id).length;
  assert.equal(await drawn('opening'), kept(plan.storeys[0].openings));
  assert.equal(await drawn('fixture'), kept(plan.storeys[0].fixtures));
});

test('a repeated vertex and a room without an outline are repaired together on consent', async () => {
  const { page } = app;
  await app.open();
  const before = await shown(page);

  // As real files have them: a vertex written twice, and a room with no outline at all.
  const plan = templateJson('kodan-3dk');
  const first = plan.storeys[0].rooms[0];
  first.polygon.splice(1, 0, first.polygon[1]);
  plan.storeys[0].rooms.push({ id: 'ghost', name: 'ghost', kind: 'storage', polygon: [] });
  await openFile(page, jsonFile('real.madori.json', plan));
  await byTestId(page, 'open-repaired').waitFor();
  assert.match(await text(page, 'file-problems'), /storeys\[0\]\.rooms\[0\]\.polygon/);
  assert.deepEqual(await shown(page), before, 'refused first: nothing changed');

  await byTestId(page, 'open-repaired').click();
  await byTestId(page, 'file-repairs').waitFor();
  assert.equal(await byTestId(page, 'file-problems').count(), 0);
  assert.deepEqual(await roomIds(page), plan.storeys[0].rooms.filter((r) => r.id !== 'ghost').map((r) => r.id));
  const repairs = await text(page, 'file-repairs');
  assert.match(repairs, /\(2\)/);
  assert.match(repairs, /storeys\[0\]\.rooms\[0\]\.polygon/);
});
