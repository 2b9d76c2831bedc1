// Printing: the browser's own print gives each storey's 平面図 at exact scale with a title
// block, the 求積表 and the findings report. Checked in a PDF printed by Chromium: its text
// (pdftotext) and a known length measured on the page.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useApp, byTestId, templateJson } from './harness.mjs';

const app = useApp();
const MM_PER_PT = 25.4 / 72;

/** Prints the page to PDF as the browser's print does; returns the file's path. */
async function printToPdf(page) {
  const dir = mkdtempSync(join(tmpdir(), 'madori-print-'));
  const path = join(dir, 'plan.pdf');
  writeFileSync(path, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  return path;
}

/** Every word of a PDF with its page and box in mm (pdftotext -bbox). */
function words(pdf) {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  const out = [];
  let pageNo = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) pageNo += 1;
    const m = line.match(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/);
    if (m) out.push({ page: pageNo, x0: +m[1] * MM_PER_PT, y0: +m[2] * MM_PER_PT, x1: +m[3] * MM_PER_PT, y1: +m[4] * MM_PER_PT, text: m[5] });
  }
  return out;
}

test('the plan prints at exact 1:100 on A3 with a title block, the 求積表 and the findings', async () => {
  const { page } = app;
  await app.open();
  await byTestId(page, 'print-button').click();
  await byTestId(page, 'print-paper').selectOption('A3');
  await byTestId(page, 'print-scale').selectOption('100');
  // The browser's print dialog is replaced by a counter here; page.pdf() then prints the
  // page as that dialog would (print media, the CSS page size).
  await page.evaluate(() => { window.print = () => { window.printed = (window.printed || 0) + 1; }; });
  await byTestId(page, 'print-now').click();
  await page.waitForFunction(() => window.printed === 1);
  const plan = templateJson('wooden-house-shared');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="print-plan-sheet"] svg').length === n, plan.storeys.length);

  const pdf = await printToPdf(page);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  for (const expected of ['求積表', '符号', '計算式', '延べ面積', '平面図', plan.name, '1:100', '判定に使った値と出典']) {
    assert.ok(text.includes(expected), `the PDF says ${expected}`);
  }
  for (const room of plan.storeys[0].rooms) assert.ok(text.includes(room.name), `room ${room.name} is named`);
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const [, w, h] = info.match(/Page size:\s+([\d.]+) x ([\d.]+) pts/);
  assert.ok(Math.abs(w * MM_PER_PT - 420) < 1 && Math.abs(h * MM_PER_PT - 297) < 1, `A3 landscape: ${w} × ${h} pt`);
  const pages = Number(info.match(/Pages:\s+(\d+)/)[1]);
  assert.ok(pages >= plan.storeys.length + 2, `${pages} pages: a sheet per storey, the 求積表, the findings`);

  // The scale bar's 0 and 5m labels stand 5,000 mm apart in the plan: 50 mm on paper at 1:100.
  const first = words(pdf).filter((wd) => wd.page === 1);
  const zero = first.find((wd) => wd.text === '0');
  const five = first.find((wd) => wd.text === '5m');
  assert.ok(zero && five, 'the scale bar is printed');
  const centre = (wd) => (wd.x0 + wd.x1) / 2;
  const measured = centre(five) - centre(zero);
  assert.ok(Math.abs(measured - 50) <= 0.2, `5 m measures ${measured.toFixed(2)} mm on paper (50 ± 0.2)`);
});

test('a storey too large for the paper at the scale says so instead of shrinking', async () => {
  const { page } = app;
  await app.open();
  await byTestId(page, 'print-button').click();
  await byTestId(page, 'print-paper').selectOption('A4');
  await byTestId(page, 'print-scale').selectOption('50');
  await page.evaluate(() => { window.print = () => { window.printed = (window.printed || 0) + 1; }; });
  await byTestId(page, 'print-now').click();
  await byTestId(page, 'print-does-not-fit').first().waitFor({ state: 'attached' });
  assert.match(await byTestId(page, 'print-does-not-fit').first().textContent(), /1:50/);
});
