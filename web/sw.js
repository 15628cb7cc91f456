// certportal service worker: the portal works offline after the first visit.
//
// One cache per deployment, named after the bundle's version (tools/package_web.py writes VERSION
// below and the same value into bundle.json, with every file's SHA-256). Installing a version
// fetches every file of the bundle, checks each against bundle.json and only then stores them, so
// a cache holds one whole deployment or nothing: a page is never served a mix of old and new
// files. A new version waits (the page shows 「新しい版があります」) until the person chooses to
// reload; then it takes over the pages the old one controlled and the old caches are deleted.
//
// The first visit's page is not claimed: it keeps the network, and this worker serves the visits
// after it. WebKit failed loads a page had in flight when the worker claimed it ("Load failed":
// the key worker's files, 2 of 10 first visits under load). So the large text face, which every
// visit asks for once the bank's data shows, is part of the install too: a page the worker never
// controlled cannot hand it over.
'use strict';

const VERSION = 'development';  // replaced by tools/package_web.py
const CACHE_PREFIX = 'certportal-';
const CACHE = CACHE_PREFIX + VERSION;
const SCOPE = new URL('./', self.location).href;
const INDEX = 'index.html';

function absolute(name) { return new URL(name, SCOPE).href; }

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function fetchChecked(name, sha256) {
  const response = await fetch(absolute(name), { cache: 'no-cache' });
  if (!response.ok) throw new Error(name + ': HTTP ' + response.status);
  const body = await response.clone().arrayBuffer();
  const digest = hex(await crypto.subtle.digest('SHA-256', body));
  if (digest !== sha256) throw new Error(name + ': not the file of version ' + VERSION + ' (a deployment in progress?)');
  return response;
}

async function install() {
  const bundleResponse = await fetch(absolute('bundle.json'), { cache: 'no-cache' });
  if (!bundleResponse.ok) throw new Error('bundle.json: HTTP ' + bundleResponse.status);
  const bundle = await bundleResponse.clone().json();
  if (bundle.version !== VERSION) throw new Error('bundle.json is version ' + bundle.version + ', sw.js is ' + VERSION);
  const entries = Object.entries(bundle.precache);
  const responses = await Promise.all(entries.map(([name, sha]) => fetchChecked(name, sha)));
  const cache = await caches.open(CACHE);
  await Promise.all(entries.map(([name], i) => cache.put(absolute(name), responses[i])));
  // Last: bundle.json marks the cache complete (what the tests wait for).
  await cache.put(absolute('bundle.json'), bundleResponse);
}

self.addEventListener('install', (event) => { event.waitUntil(install()); });

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys())
      if (key.startsWith(CACHE_PREFIX) && key !== CACHE) await caches.delete(key);
  })());
});

// The page's 「再読み込み」 on the new-version prompt.
self.addEventListener('message', (event) => {
  if (event.data === 'activate-new-version') self.skipWaiting();
});

async function respond(request) {
  const cache = await caches.open(CACHE);
  const url = new URL(request.url);
  const key = request.mode === 'navigate' ? absolute(INDEX) : absolute(url.pathname.slice(new URL(SCOPE).pathname.length));
  return (await cache.match(key)) || fetch(request);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  // The network as usual: other methods, other origins, and this script (an update check).
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE) || request.url === self.location.href) return;
  event.respondWith(respond(request));
});
