// The frame around the applicant's pages: My data
// and Log out on every page after login, My data readable and downloadable
// as a readable page, and a translated loading state from the first paint
// on a slow phone and network, also between the start and form bundles.
import { readFileSync } from "node:fs";
import { expect, test, type CDPSession, type Page } from "@playwright/test";
import { LoginPage, PartPage, expectNoAxeViolations, loginAndConsent, screenshot } from "../fixtures/pages";
import { newApplicant } from "../fixtures/server";

/** A slow phone on a poor network: 400 kbit/s both ways, 300 ms, CPU 4× slower. */
async function slowPhone(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 300,
    downloadThroughput: (400 * 1024) / 8,
    uploadThroughput: (400 * 1024) / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  return cdp;
}

async function fastAgain(cdp: CDPSession) {
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
}

const LOADING = [
  { lang: "en", text: "Loading…", dir: "ltr" },
  { lang: "ar", text: "جارٍ التحميل…", dir: "rtl" },
];

/** Time allowed from the page's first bytes until the indicator shows. */
const QUICKLY = 3_000;

for (const { lang, text, dir } of LOADING) {
  test(`the first load shows "${text}" at once on a slow phone, before the app (${lang})`, async ({ page }, info) => {
    test.setTimeout(120_000);
    await page.addInitScript((l) => localStorage.setItem("kartlegg.lang", l), lang);
    const cdp = await slowPhone(page);
    const started = Date.now();
    await page.goto("/", { waitUntil: "commit" });
    const status = page.getByTestId("boot-loading");
    await expect(status).toBeVisible({ timeout: QUICKLY });
    await expect(status).toHaveText(text);
    const shown = Date.now() - started;
    await expect(status).toHaveAttribute("role", "status");
    await expect(status).toHaveAttribute("aria-live", "polite");
    await expect(page.locator("html")).toHaveAttribute("dir", dir);
    // Shown before the WebAssembly app, which takes seconds on this network.
    await expect(page.getByTestId("language-title")).toHaveCount(0);
    await screenshot(page, `boot-loading-${lang}`, info);
    await expectNoAxeViolations(page);
    await expect(page.getByTestId("language-title")).toBeVisible({ timeout: 90_000 });
    await expect(status).toHaveCount(0);
    await expect(page.locator("html")).toHaveAttribute("dir", dir);
    info.annotations.push({ type: "timing", description: `indicator after ${shown} ms, app after ${Date.now() - started} ms` });
    await fastAgain(cdp);
  });

  test(`tapping consent gives instant feedback and the form's page shows "${text}" while it loads (${lang})`, async ({ page }, info) => {
    test.setTimeout(120_000);
    await page.goto("/");
    await page.getByTestId(`language-${lang}`).click();
    await page.getByTestId("info-next").click();
    await new LoginPage(page).login(newApplicant());
    await expect(page.getByTestId("consent-title")).toBeVisible();
    const cdp = await slowPhone(page);
    // The real answer is held back until the busy state has been seen: on
    // a fast machine it can come before the check otherwise.
    let answer = () => {};
    const held = new Promise<void>((resolve) => (answer = resolve));
    await page.route("**/api/v1/applicant/consent", async (route) => {
      await held;
      await route.continue();
    });
    await page.getByTestId("consent-accept").click();
    await expect(page.getByTestId("consent-busy")).toHaveText(text, { timeout: 1_000 });
    await expect(page.getByTestId("consent-accept")).toBeDisabled();
    await screenshot(page, `consent-busy-${lang}`, info);
    answer();
    await page.waitForURL(/\/form$/, { waitUntil: "commit", timeout: 30_000 });
    const started = Date.now();
    const status = page.getByTestId("boot-loading");
    await expect(status).toBeVisible({ timeout: QUICKLY });
    await expect(status).toHaveText(text);
    await expect(page.locator("html")).toHaveAttribute("dir", dir);
    info.annotations.push({ type: "timing", description: `form page's indicator after ${Date.now() - started} ms` });
    await screenshot(page, `form-loading-${lang}`, info);
    await fastAgain(cdp);
    await expect(page.getByTestId("overview-title")).toBeVisible({ timeout: 60_000 });
    await expect(status).toHaveCount(0);
  });
}

const ACCOUNT = [
  { lang: "en", nav: "Your account", myData: "My data", logout: "Log out", dir: "ltr", tigrinya: "Tigrinya" },
  { lang: "ar", nav: "حسابك", myData: "بياناتي", logout: "تسجيل الخروج", dir: "rtl", tigrinya: "التغرينية" },
];

for (const { lang, nav, myData, logout, dir, tigrinya } of ACCOUNT) {
  test(`My data and Log out are on the overview, every part and the summary, at 320 px (${lang})`, async ({ page }, info) => {
    await loginAndConsent(page, newApplicant(), lang);
    await expect(page.locator("html")).toHaveAttribute("dir", dir);
    const bar = page.getByRole("navigation", { name: nav });
    const pages: [string, string][] = [
      ["/form", "overview-title"],
      ["/form/personal", "part-title"],
      ["/form/work", "part-title"],
      ["/summary", "summary-title"],
      ["/my-data", "my-data-title"],
    ];
    for (const [path, title] of pages) {
      await page.goto(path);
      await expect(page.getByTestId(title)).toBeVisible();
      await expect(bar).toBeVisible();
      await expect(bar.getByTestId("nav-my-data")).toHaveText(myData);
      await expect(bar.getByTestId("nav-logout")).toHaveText(logout);
      for (const id of ["nav-my-data", "nav-logout"]) {
        const box = await page.getByTestId(id).boundingBox();
        expect(box!.height, `${path} ${id}`).toBeGreaterThanOrEqual(44);
        expect(box!.width, `${path} ${id}`).toBeGreaterThanOrEqual(44);
      }
    }
    // Mirrored: in a right-to-left page the bar sits at the left end.
    const [first, last] = [await page.getByTestId("nav-my-data").boundingBox(), await page.getByTestId("nav-logout").boundingBox()];
    if (dir === "rtl") expect(last!.x).toBeLessThan(first!.x);
    else expect(first!.x).toBeLessThan(last!.x);

    await page.goto("/form");
    await expect(page.getByTestId("overview-title")).toBeVisible();
    await screenshot(page, `account-bar-overview-${lang}`, info);
    await expectNoAxeViolations(page);
    // Keyboard: the skip link, then My data, then Log out.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(page.getByTestId("nav-my-data")).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(page.getByTestId("nav-logout")).toBeFocused();

    await page.setViewportSize({ width: 320, height: 640 });
    for (const [path, title] of pages) {
      await page.goto(path);
      await expect(page.getByTestId(title)).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.goto("/form/personal");
    await expect(page.getByTestId("part-title")).toBeVisible();
    await screenshot(page, `account-bar-320-part-${lang}`, info);

    // The summary's link is the same bar's: it leads to My data in place.
    await page.goto("/summary");
    await page.getByTestId("nav-my-data").click();
    await expect(page.getByTestId("my-data-title")).toBeVisible();
  });

  test(`My data shows the answers readably and downloads them as a readable page (${lang})`, async ({ page }, info) => {
    const who = newApplicant();
    await loginAndConsent(page, who, lang);
    const part = new PartPage(page);
    await page.getByTestId("part-link-personal").click();
    await part.select("mother_tongue", "tir");
    await part.select("interpreter_language", "tir");
    await part.select("country_background", "ERI");
    await part.next();
    await expect(page).toHaveURL(/\/form\/education$/);

    await page.getByTestId("nav-my-data").click();
    await expect(page.getByTestId("my-data-title")).toBeVisible();
    await expect(page.getByTestId("my-data-person")).toContainText(who.duf);
    const registrations = page.getByTestId("my-data-registrations");
    // The language's name in the page's language, not the code.
    await expect(registrations.getByTestId("my-data-answers").first()).toContainText(tigrinya);
    await expect(registrations.locator("dd", { hasText: /^tir$/ })).toHaveCount(0);
    // Dates in words, not ISO.
    await expect(registrations.locator("h3").first()).toContainText(/20\d\d|٢٠/);
    await expect(registrations.locator("h3").first()).not.toContainText(/\d{4}-\d{2}-\d{2}/);
    await expect(page.getByTestId("my-data-consents")).not.toContainText(/\d{4}-\d{2}-\d{2}/);
    await screenshot(page, `my-data-${lang}`, info);
    await expectNoAxeViolations(page);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("my-data-download-html").click()]);
    expect(download.suggestedFilename()).toBe("kartlegg-my-data.html");
    const html = readFileSync((await download.path())!, "utf8");
    expect(html).toContain(`<html lang="${lang}" dir="${dir}">`);
    expect(html).toContain(`<dd>${tigrinya}</dd>`);
    expect(html).toContain(who.duf);
    expect(html).not.toMatch(/<dd>tir<\/dd>/);
    // The JSON download is still offered.
    await expect(page.getByTestId("my-data-download")).toHaveAttribute("href", "/api/v1/applicant/my-data/download");

    // How the downloaded page reads, opened outside the app (no content
    // security policy of the app's, as when opened from the phone's files).
    const opened = await page.context().newPage();
    await opened.setContent(html);
    await expect(opened.locator("h1")).toHaveText(/.+/);
    await screenshot(opened, `my-data-document-${lang}`, info);
    await opened.close();
  });
}

test("Log out from a part returns to the start, forgets unsaved edits, and a reload stays logged out", async ({ page }, info) => {
  await loginAndConsent(page, newApplicant());
  await page.getByTestId("part-link-education").click();
  await expect(page.getByTestId("part-title")).toBeVisible();
  await page.getByTestId("nav-logout").click();
  await expect(page.getByTestId("language-title")).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
  expect(await page.evaluate(() => sessionStorage.getItem("kartlegg.unsaved"))).toBeNull();
  await page.reload();
  await expect(page.getByTestId("language-title")).toBeVisible();
  // The session has ended: the form sends the applicant to log in again.
  await page.goto("/form/education");
  await expect(page.getByTestId("login-title")).toBeVisible();
  await screenshot(page, "after-logout", info);
});
