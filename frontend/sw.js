// The applicant's service worker: a returning applicant's page and bundles
// come from the device, and the start page opens without a network.
//
// What it keeps, and nothing else:
// - the pages of the applicant's apps (index.html, form.html), the boot
//   script and style sheet, the start app's bundle: at install;
// - any /assets/ file when first fetched (content-hashed: never stale);
// - the interface texts (/locales/*.ftl) when first fetched;
// - the public questionnaire and code lists, answered from the device and
//   refreshed behind. No other API answer is ever stored: they carry
//   personal data.
// The back office (/caseworker/, and /together/ where a counsellor
// registers with the applicant) is left to the network.
//
// Updates: build-frontend.sh writes VERSION from every file's hash, so any
// change makes a new worker. It installs beside the running one and waits;
// boot.js activates it at the start of the next visit and reloads once, so
// a page never mixes files of two versions. Activation drops the caches
// and assets of older versions.
const VERSION = "{{VERSION}}";
const SHELL = `kartlegg-shell-${VERSION}`;
const ASSETS = "kartlegg-assets";
const DOCUMENTS = "kartlegg-documents";
const PRECACHE = [{{PRECACHE}}];
const CURRENT_ASSETS = new Set([{{ASSETS}}]);
// The form app's routes, as boot.js and the server name them.
const FORM = /^\/(form|summary|done|my-data)(\/|$)/;
const PUBLIC_DOCUMENT = /^\/api\/v1\/(questionnaire|code-lists\/[a-z_]+)$/;

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const shell = await caches.open(SHELL);
    const assets = await caches.open(ASSETS);
    await Promise.all(PRECACHE.map(async (url) => {
      const response = await fetch(url, { cache: "no-cache" });
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      await (url.startsWith("/assets/") ? assets : shell).put(url, response);
    }));
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("kartlegg-shell-") && name !== SHELL) await caches.delete(name);
    }
    // The documents may have changed with the version; the next fetch brings them.
    await caches.delete(DOCUMENTS);
    const assets = await caches.open(ASSETS);
    for (const request of await assets.keys()) {
      if (!CURRENT_ASSETS.has(new URL(request.url).pathname)) await assets.delete(request);
    }
  })());
});

self.addEventListener("message", (event) => {
  if (event.data === "activate") self.skipWaiting();
});

// The server's answers vary by Accept-Encoding and Origin (CORS), but what
// the cache keeps is the decoded file, the same for every request: a module
// script (sent with an Origin) must find what the install fetched without.
const ANY = { ignoreVary: true };

// Cache first: for files that never change under their name in a version.
async function cacheFirst(cacheName, request, key = request) {
  const cache = await caches.open(cacheName);
  const kept = await cache.match(key, ANY);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(key, response.clone());
  return response;
}

// The kept copy at once, and a fresh one fetched for the next time (the
// first time, the network's). The documents change only with a new
// version, whose activation drops the kept ones.
async function keptThenRefreshed(event, request) {
  const cache = await caches.open(DOCUMENTS);
  const kept = await cache.match(request, ANY);
  const fresh = fetch(request).then(async (response) => {
    if (response.ok) await cache.put(request, response.clone());
    return response;
  });
  if (kept) {
    event.waitUntil(fresh.catch(() => {}));
    return kept;
  }
  return fresh;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  const path = url.pathname;
  if (request.mode === "navigate") {
    if (/^\/(caseworker|together|api)(\/|$)/.test(path)) return;
    const page = FORM.test(path) ? "/form.html" : "/index.html";
    event.respondWith(cacheFirst(SHELL, request, page));
  } else if (path.startsWith("/assets/")) {
    event.respondWith(cacheFirst(ASSETS, request));
  } else if (path.startsWith("/locales/")) {
    event.respondWith(cacheFirst(SHELL, request));
  } else if (PUBLIC_DOCUMENT.test(path)) {
    event.respondWith(keptThenRefreshed(event, request));
  }
});
