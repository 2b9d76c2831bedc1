// Madori's service worker: the app keeps working with no network (a workshop room often has
// none). Everything the page has fetched is kept; a request is answered from the cache at
// once when possible and refreshed in the background (stale-while-revalidate), so a slow or
// captive network never holds the page up. On install it stores the page and its assets
// (read from the page's own links). The worker (DXF import, drawing sheets, what-if, print)
// and the page's chunks loaded on demand (rarely used panels) stay out of the first
// download: each is kept once used, or when the page, a few seconds after it has loaded,
// asks for them ({ keep }), so a workshop that goes offline later can still print, show
// ghosts and open every panel.
const CACHE = 'madori-v1';

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const page = await fetch('./', { cache: 'no-cache' });
    const html = await page.clone().text();
    await cache.put('./', page);
    const assets = [...html.matchAll(/(?:href|src)="\.?\/?([^"#?]+)"/g)].map((m) => './' + m[1]);
    await Promise.all([...new Set(assets)].map(async (url) => {
      try {
        const response = await fetch(url, { cache: 'no-cache' });
        if (response.ok) await cache.put(url, response);
      } catch (_) { /* fetched again when first used */ }
    }));
    await self.skipWaiting();
  })());
});

/** The worker's files (public/worker.js and the worker build Trunk writes beside it). */
const WORKER_FILES = ['./worker.js', './madori-worker.js', './madori-worker_bg.wasm'];

/** The page's chunks loaded on demand, as the build's chunk loader in `dir` names them. */
async function chunks(dir) {
  const response = await fetch(dir + '__wasm_split.js');
  if (!response.ok) return [];
  const loader = await response.text();
  return [...loader.matchAll(/"\.\/([\w.-]+\.wasm)"/g)].map((m) => dir + m[1]);
}

// { keep: dir }: the page has been up a while; keep the worker and the chunks of the build
// in `dir` (e.g. './app-0123456789abcdef/'), unless kept already.
self.addEventListener('message', (event) => {
  const dir = event.data?.keep;
  if (typeof dir !== 'string' || !/^\.\/app-[0-9a-f]+\/$/.test(dir)) return;
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const urls = [...WORKER_FILES, ...(await chunks(dir).catch(() => []))];
    for (const url of urls) {
      if (await cache.match(url)) continue;
      try {
        const response = await fetch(url);
        if (response.ok) await cache.put(url, response);
      } catch (_) { /* kept when first used instead */ }
    }
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // A page address with a share link (#plan=…) is the page itself.
    const key = request.mode === 'navigate' ? './' : request;
    const cached = await cache.match(key);
    const fresh = fetch(request).then((response) => {
      if (response.ok) cache.put(key, response.clone());
      return response;
    });
    if (cached) {
      event.waitUntil(fresh.catch(() => undefined));
      return cached;
    }
    return fresh;
  })());
});
