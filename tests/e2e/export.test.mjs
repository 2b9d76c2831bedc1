// Out to CAD and images: the plan downloads as DXF (R12, Shift_JIS, for Jw_cad) and the
// storey's sheet as SVG and PNG, each made by the worker.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useApp, byTestId, templateJson } from './harness.mjs';

const app = useApp();

async function download(page, click) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

test('the plan downloads as a Shift_JIS R12 DXF with layers by meaning', async () => {
  const { page } = app;
  await app.open();
  const { name, bytes } = await download(page, () => byTestId(page, 'export-dxf').click());
  assert.match(name, /\.dxf$/);
  const text = bytes.toString('latin1');
  assert.match(text, /^\s*0\r?\nSECTION\r?\n\s*2\r?\nHEADER/);
  assert.match(text, /AC1009/);
  assert.match(text, /\$INSUNITS\r?\n\s*70\r?\n\s*4/);
  assert.match(text, /EOF\s*$/);
  const sjis = new TextDecoder('shift_jis').decode(bytes);
  for (const layer of ['壁芯', '壁', '建具', '室名', '寸法']) assert.ok(sjis.includes(layer), `layer ${layer}`);
  for (const room of templateJson('wooden-house-shared').storeys[0].rooms) assert.ok(sjis.includes(room.name), room.name);
});

test('the storey on screen downloads as SVG at paper size and as PNG', async () => {
  const { page } = app;
  await app.open();
  await byTestId(page, 'print-button').click();
  const svg = await download(page, () => byTestId(page, 'export-svg').click());
  assert.match(svg.name, /\.svg$/);
  const source = svg.bytes.toString('utf8');
  assert.match(source, /^<svg[^>]* width="[\d.]+mm" height="[\d.]+mm"/);
  assert.ok(source.includes('共用LDK'));
  await byTestId(page, 'print-button').click();
  const png = await download(page, () => byTestId(page, 'export-png').click());
  assert.match(png.name, /\.png$/);
  assert.deepEqual([...png.bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10]);
  assert.ok(png.bytes.length > 10_000, `${png.bytes.length} bytes`);
});

test('the drawing view draws the plan as the printed sheet does, over the editor', async () => {
  const { page } = app;
  await app.open();
  await byTestId(page, 'drawing-toggle').check();
  const layer = byTestId(page, 'drawing-layer');
  await layer.waitFor({ state: 'attached' });
  // Walls at thickness, door swings and dimension texts are there; room names stay the editor's.
  const html = await layer.innerHTML();
  assert.match(html, /<path|<polygon/);
  assert.ok((await page.locator('[data-testid="drawing-layer"] text').count()) > 5, 'dimension texts');
  assert.ok(await page.locator('svg.plan.drawn').count() === 1);
  await byTestId(page, 'drawing-toggle').uncheck();
  await layer.waitFor({ state: 'detached' });
});
