// DXF import: a Jw_cad-style drawing dropped on the page is read by the import worker (its
// own wasm, fetched only now), previewed, and opened as a plan; a broken drawing changes nothing.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useApp, byTestId, dropFile, roomIds, ROOT } from './harness.mjs';

const app = useApp();
const fixture = (name) => ({
  name,
  mimeType: 'application/dxf',
  base64: readFileSync(join(ROOT, 'crates/cad/tests/fixtures', name)).toString('base64'),
});

test('the importer is not part of the first download', async () => {
  const { page } = app;
  await app.open();
  assert.ok(!app.served.some((r) => r.path.includes("madori-worker") || r.path.includes("worker.js")), app.served.map((r) => r.path).join(", "));
});

test('a dropped Shift_JIS drawing is previewed, then opened as a two-storey plan', async () => {
  const { page } = app;
  await app.open();
  const before = await roomIds(page);
  await dropFile(page, fixture('house_r12_sjis.dxf'));
  const dialog = byTestId(page, 'import-dialog');
  await dialog.waitFor();
  assert.match(await byTestId(page, 'import-encoding').textContent(), /Shift_JIS/);
  await byTestId(page, 'import-preview').waitFor();
  assert.match(await byTestId(page, 'import-scale-check').textContent(), /mm/);
  assert.match(await byTestId(page, 'import-summary').textContent(), /階: 2/);
  assert.ok((await page.locator('[data-testid="import-layer"]').count()) >= 3, 'a layer picker');
  assert.deepEqual(await roomIds(page), before, 'nothing changes before the user agrees');
  assert.ok(app.served.some((r) => r.path.includes("madori-worker") || r.path.includes("worker.js")), 'the worker was fetched on demand');

  await byTestId(page, 'import-open').click();
  await dialog.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.querySelector('[data-testid="plan-name"]').value === 'house_r12_sjis');
  const rooms = await roomIds(page);
  assert.ok(rooms.length >= 4, `rooms drawn: ${rooms}`);
  assert.notDeepEqual(rooms, before);
});

test('a drawing that is not DXF is refused and the plan stays', async () => {
  const { page } = app;
  await app.open();
  const before = await roomIds(page);
  await dropFile(page, { name: 'broken.dxf', mimeType: 'application/dxf', base64: Buffer.from('0\nSECTION\n2\nENTITIES\n0\nLINE\n8\n').toString('base64') });
  await byTestId(page, 'file-problems').waitFor();
  assert.deepEqual(await roomIds(page), before);
  assert.equal(await byTestId(page, 'import-dialog').count(), 0);
});
