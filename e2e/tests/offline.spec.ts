// The applicant's service worker (frontend/sw.js): a returning applicant's
// pages and bundles come from the device, the start page opens without a
// network, and no API answer with personal data is ever kept. The other
// specs block service workers, so that their network conditions stay
// exactly what each sets up.
import { test, expect, type Page } from "@playwright/test";
import { expectNoAxeViolations, loginAndConsent, PartPage, screenshot } from "../fixtures/pages";
import { newApplicant } from "../fixtures/server";

test.use({ serviceWorkers: "allow" });

/** Waits until the service worker is active (it installs after the first load). */
async function workerReady(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

/** Every URL (path and query) in every cache of the page's origin. */
async function cachedUrls(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) {
        const url = new URL(request.url);
        urls.push(url.pathname + url.search);
      }
    }
    return urls;
  });
}

test("the start page opens without a network on a second visit", async ({ page, context }, info) => {
  await page.goto("/");
  await expect(page.getByTestId("language-en")).toBeVisible();
  await workerReady(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId("language-en")).toBeVisible();
  await expect(page.getByTestId("language-ti")).toBeVisible();
  await screenshot(page, "offline-start", info);
  await expectNoAxeViolations(page);
  await context.setOffline(false);
});

test("a returning applicant's form part comes from the device, and no personal answer is kept", async ({ page }) => {
  await loginAndConsent(page, newApplicant());
  await workerReady(page);
  const part = new PartPage(page);
  await page.goto("/form/driving");
  await part.choose("has_licence", "no");
  await part.next();

  // A new visit: the page and every bundle file from the worker's cache.
  const fromWorker = new Map<string, boolean>();
  page.on("response", (response) => {
    const url = new URL(response.url());
    if (url.pathname === "/form/driving" || url.pathname.startsWith("/assets/")) {
      fromWorker.set(url.pathname, response.fromServiceWorker());
    }
  });
  await page.goto("/form/driving");
  await expect(part.question("has_licence").locator('input[value="no"]')).toBeChecked();
  expect([...fromWorker.keys()]).toEqual(expect.arrayContaining(["/form/driving"]));
  expect([...fromWorker.keys()].some((p) => /^\/assets\/form-.*\.wasm$/.test(p))).toBe(true);
  for (const [path, cached] of fromWorker) expect(cached, path).toBe(true);

  const urls = await cachedUrls(page);
  expect(urls).toEqual(expect.arrayContaining(["/index.html", "/form.html"]));
  expect(urls.some((u) => u.startsWith("/api/v1/questionnaire?"))).toBe(true);
  const allowed = /^\/(index\.html|form\.html|assets\/[^/]+|locales\/[a-z]+\.ftl|api\/v1\/questionnaire\?.*|api\/v1\/code-lists\/[a-z_]+\?.*)$/;
  for (const url of urls) expect(url, "only public files and documents are kept").toMatch(allowed);
  expect(urls.filter((u) => u.includes("registration") || u.includes("session") || u.includes("my-data"))).toEqual([]);
});
