// The browser figures of issue #17 (scripts/bench-browser.sh runs this):
// transfer, requests and "first input usable" for the start page and for a
// form part opened cold by a logged-in applicant, the follow-up question's
// delay, and a returning applicant's second visit, under the Lighthouse
// mobile profile (150 ms round trip, 1.6 Mbps down, 750 kbps up, 4x CPU
// slowdown, 412x823) in Debian's Chromium. Prints one table.
//
// Usage: node browser.mjs BASE_URL DUF CODE [RUNS]
import { chromium } from "@playwright/test";

const [base, duf, code, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 3);
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

async function throttled(context) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false, latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  const seen = { bytes: 0, requests: 0 };
  cdp.on("Network.loadingFinished", (e) => { seen.bytes += e.encodedDataLength; seen.requests += 1; });
  return { page, seen };
}

const newContext = (storageState) => browser.newContext({
  viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1.75, storageState,
});

// Milliseconds from the start of the navigation until `selector` is visible
// and enabled (the first thing an applicant can use).
async function usable(page, path, selector) {
  const started = Date.now();
  await page.goto(base + path, { waitUntil: "commit" });
  await page.locator(selector).first().waitFor({ state: "visible", timeout: 60_000 });
  await page.waitForFunction((s) => { const e = document.querySelector(s); return e && !e.disabled; }, selector);
  const ms = Date.now() - started;
  await page.waitForLoadState("networkidle");
  return ms;
}

// The applicant's session, as the login page gets it (the cookie), and the consent.
async function logIn(context) {
  const login = await context.request.post(`${base}/api/v1/applicant/session`, {
    data: { duf_number: duf, code }, headers: { origin: base },
  });
  if (login.status() !== 201) throw new Error(`login: ${login.status()} ${await login.text()}`);
  const session = await login.json();
  const consent = await context.request.post(`${base}/api/v1/applicant/consent`, {
    data: { version: session.session.consent_version, decision: "accept" }, headers: { origin: base },
  });
  if (consent.status() !== 200) throw new Error(`consent: ${consent.status()}`);
}

const FIRST_INPUT = '[data-testid="question-mother_tongue"] select';
const results = { start: [], form: [], followUp: [], repeat: [] };
const setup = await newContext();
await logIn(setup);
const session = await setup.storageState();
await setup.close();
for (let run = 0; run < runs; run++) {
  {
    const context = await newContext();
    const { page, seen } = await throttled(context);
    const ms = await usable(page, "/", '[data-testid="language-en"]');
    results.start.push({ ms, ...seen });
    await context.close();
  }
  // The applicant's session cookie in a new browser profile: an empty cache.
  const context = await newContext(session);
  {
    const { page, seen } = await throttled(context);
    const ms = await usable(page, "/form/education", '[data-testid="question-went_to_school"] input');
    results.form.push({ ms, ...seen });
    // The follow-up: from the click to the question it reveals, in the page.
    const followUp = await page.evaluate(() => new Promise((resolve) => {
      const target = '[data-testid="question-school_years"]';
      const choice = document.querySelector('[data-testid="question-went_to_school"] input[value="yes"]');
      if (document.querySelector(target)) { resolve(-1); return; }
      const started = performance.now();
      new MutationObserver((_, observer) => {
        if (document.querySelector(target)) { observer.disconnect(); resolve(performance.now() - started); }
      }).observe(document.body, { childList: true, subtree: true });
      choice.click();
    }));
    results.followUp.push({ ms: followUp, bytes: 0, requests: 0 });
    // Back to "no" so that the next run starts the same way.
    await page.locator('[data-testid="question-went_to_school"] input[value="no"]').check();
    await page.waitForLoadState("networkidle");
    await page.close();
  }
  {
    // The returning applicant: the same browser (its cache, its service worker), a new visit.
    const { page, seen } = await throttled(context);
    const ms = await usable(page, "/form/personal", FIRST_INPUT);
    results.repeat.push({ ms, ...seen });
  }
  await context.close();
}
await browser.close();

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
console.log(`\nBrowser figures, median of ${runs} runs; Lighthouse mobile profile (150 ms, 1.6 Mbps, 4x CPU, 412x823); Chromium`);
console.log("page                                      transfer (B)  requests  usable after (ms)");
const row = (name, xs) => console.log(
  `${name.padEnd(42)}${String(median(xs.map((x) => x.bytes))).padStart(12)}${String(median(xs.map((x) => x.requests))).padStart(10)}${String(Math.round(median(xs.map((x) => x.ms)))).padStart(19)}`);
row("start page / (language choice)", results.start);
row("a form part, cold, logged in", results.form);
row("follow-up question after the click", results.followUp);
row("a form part, second visit", results.repeat);
