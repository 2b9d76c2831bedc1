// End-to-end harness: the release build (`dist/`, from `trunk build --release`) served by a
// static server in this process, driven from outside the page as a user would, in the
// system's headless Chromium through playwright-core (installed into tools/ by
// scripts/setup.sh). Run with `./scripts/e2e.sh` (or `node --test tests/e2e/`).
//
// A test file calls `useApp()` once at its top level. That registers node:test hooks: one
// server and one browser for the file, a fresh browser context (empty storage: no
// localStorage, IndexedDB, cookies or cache carried over) and page for every test, and after
// each test a check that the page logged no console error or warning, threw nothing, and had
// no failed or 4xx/5xx request. It returns `app`, whose fields are valid inside a test:
//
//   app.page         the Playwright Page of the current test (page.context() is its context:
//                    setOffline, route, storageState…)
//   app.url          the server's base URL, e.g. http://127.0.0.1:40123/
//   app.served       every request the server answered since the file started, as
//                    { path, status }
//   app.issues       what the check after the test will find so far (a test that provokes
//                    an error on purpose takes its entry out, saying why)
//   app.open()       loads the app in app.page and waits until it has rendered
//
// Helpers below take the page: `byTestId`, `text`, `roomIds`, `waitForApp`, `openFile`
// (through the real file chooser), `templateJson` and `jsonFile` (files to open).
// New scenarios (autosave and reload restore, DXF drop, underlay calibration, share links)
// add a file `tests/e2e/<topic>.test.mjs` using these; helpers that more than one file needs
// belong here.

import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = join(ROOT, 'dist');
const require = createRequire(join(ROOT, 'tools', 'package.json'));
const { chromium } = require('playwright-core');

/** Flags for Chromium here: everything runs as root (no sandbox), no GPU, and the closed
 * network refuses Chromium's own background connections. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Content types by extension. `application/wasm` matters: without it the browser cannot
 * compile the module while it downloads (`instantiateStreaming`). */
export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Serves `root` on a free port of 127.0.0.1. Resolves to { url, served, close }. */
export async function startServer(root = DIST) {
  const served = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = normalize(join(root, path.endsWith('/') ? path + 'index.html' : path));
    let status = 200;
    try {
      if (!file.startsWith(root + sep) || !(await stat(file)).isFile()) throw new Error('not a file');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': MIME[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch {
      status = 404;
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
    }
    served.push({ path, status });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    served,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** The system Chromium, headless. */
export function launchBrowser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

/** Elements by `data-testid` (exact). */
export const byTestId = (page, id) => page.locator(`[data-testid="${id}"]`);

/** The text of the (single) element with this `data-testid`. */
export const text = (page, id) => byTestId(page, id).textContent();

/** Ids of the rooms drawn in the canvas (the storey on screen), in drawing order. */
export const roomIds = (page) =>
  page.$$eval('[data-testid="plan-canvas"] .rooms-layer > g.room', (rooms) =>
    rooms.map((g) => g.getAttribute('data-testid').replace(/^room-/, '')),
  );

/** Waits until the app has rendered a plan: rooms in the canvas, the totals and findings. */
export async function waitForApp(page) {
  await page.waitForSelector('[data-testid="plan-canvas"] .rooms-layer > g.room');
  await page.waitForFunction(
    () => /^(延床面積|Total floor area)/.test(document.querySelector('[data-testid="totals-area"]')?.textContent ?? ''),
  );
  await page.waitForSelector('[data-testid="findings-panel"]');
}

/** Opens `file` ({ name, mimeType, buffer }) as a user does: a click on 開く / Open, then the
 * file in the chooser that the click opened. */
export async function openFile(page, file) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), byTestId(page, 'open-plan-button').click()]);
  assert.equal(chooser.isMultiple(), false, 'the open control takes one file');
  await chooser.setFiles(file);
}

/** A shipped template's JSON, parsed (crates/plan/templates/<name>.json). */
export const templateJson = (name) =>
  JSON.parse(readFileSync(join(ROOT, 'crates', 'plan', 'templates', `${name}.json`), 'utf8'));

/** A file for `openFile`: `value` as JSON (or as given when it is a string). */
export const jsonFile = (name, value) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value, null, 2)),
});

/** Console messages of the release build that are not the app's: Trunk 0.21 writes
 * `<link rel="preload" as="fetch" integrity=…>` for the wasm, and Chromium warns on every load
 * that it ignores `integrity` on a fetch preload (https://crbug.com/981419). */
export const KNOWN_CONSOLE = [
  /^The `integrity` attribute is currently ignored for preload destinations that do not support subresource integrity\./,
];

/** Registers the hooks described at the top of this file and returns `app`. */
export function useApp() {
  const app = { page: null, url: null, served: null, issues: [] };
  let server;
  let browser;
  let context;
  const extra = [];

  /** Records what a healthy page never shows: console errors and warnings, uncaught
   * exceptions, failed requests and error responses. */
  function watch(page) {
    page.on('console', (msg) => {
      if (['error', 'warning'].includes(msg.type()) && !KNOWN_CONSOLE.some((re) => re.test(msg.text()))) {
        app.issues.push(`console ${msg.type()}: ${msg.text()}`);
      }
    });
    page.on('pageerror', (err) => app.issues.push(`uncaught: ${err.message}`));
    page.on('requestfailed', (req) => {
      // A reload cancels what the old page still had in flight; that is not a failure.
      const why = req.failure()?.errorText;
      if (why !== 'net::ERR_ABORTED') app.issues.push(`request failed: ${req.url()} ${why}`);
    });
    page.on('response', (res) => {
      if (res.status() >= 400) app.issues.push(`HTTP ${res.status()}: ${res.url()}`);
    });
  }

  app.open = async () => {
    await app.page.goto(app.url);
    await waitForApp(app.page);
  };

  /** A second, separate browser profile (no shared storage) with a watched page, closed
   * after the test: another person's browser opening a link. */
  app.otherPage = async () => {
    const other = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'ja-JP' });
    extra.push(other);
    const page = await other.newPage();
    watch(page);
    return page;
  };

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    app.url = server.url;
    app.served = server.served;
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    app.issues = [];
    context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'ja-JP' });
    app.page = await context.newPage();
    watch(app.page);
  });
  afterEach(async () => {
    await context?.close();
    await Promise.all(extra.splice(0).map((c) => c.close()));
    const issues = app.issues;
    app.page = null;
    assert.deepEqual(issues, [], 'the page reported problems');
  });
  return app;
}

/**
 * Drops a file on the page as a user drags one from the desktop: a `drop` event with a
 * DataTransfer holding the file, on the app. `file` is { name, mimeType, base64 }.
 */
export async function dropFile(page, file) {
  await page.evaluate(async ({ name, mimeType, base64 }) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], name, { type: mimeType }));
    const target = document.querySelector('[data-testid="app"]');
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, file);
}

/** A `width` × `height` PNG drawn by the page's canvas, as { name, mimeType, base64 }. */
export async function pngFile(page, width, height) {
  const base64 = await page.evaluate(({ width, height }) => {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    context.fillStyle = '#000';
    context.fillRect(10, 10, width - 20, 4);
    return canvas.toDataURL('image/png').split(',')[1];
  }, { width, height });
  return { name: 'madori-photo.png', mimeType: 'image/png', base64 };
}
