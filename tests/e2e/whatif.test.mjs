// What-if while dragging a wall (issue 10): ghost lines where a verdict flips, found by the
// worker when the drag starts, drawn while the drag goes on, gone when it ends.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, byTestId } from './harness.mjs';

const app = useApp();

test('dragging a wall shows where the room reaches 9 ㎡, and the ghosts go with the drag', async () => {
  const { page } = app;
  await app.open();
  await byTestId(page, 'template-select').selectOption('kodan-3dk-shared');
  // 個室C (r3) is 2730 × 2730 = 7.45 ㎡; press the middle of its bottom wall and pull down.
  const box = await byTestId(page, 'room-r3').boundingBox();
  const [x, y] = [box.x + box.width / 2, box.y + box.height - 1];
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x, y + 10, { steps: 2 });
  await page.mouse.move(x, y + 30, { steps: 4 });
  const ghost = byTestId(page, 'ghost');
  await ghost.first().waitFor({ state: 'attached' });
  const words = await ghost.allTextContents();
  assert.ok(words.some((w) => w.includes('個室C') && w.includes('9 ㎡')), words.join(' / '));
  // The drag is still smooth and still shows the ghosts while it moves.
  await page.mouse.move(x, y + 50, { steps: 3 });
  assert.ok((await ghost.count()) >= 1);
  await page.keyboard.press('Escape');
  await page.mouse.up();
  await ghost.first().waitFor({ state: 'detached' });
});
