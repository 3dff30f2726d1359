import { defineConfig } from "@playwright/test";

// The server is the release build against a fresh SQLite file, on a port of
// its own so that a running `scripts/run.sh` does not interfere.
const port = Number(process.env.KARTLEGG_E2E_PORT ?? 18080);
const baseURL = `http://127.0.0.1:${port}`;
const server = process.env.KARTLEGG_E2E_SERVER ?? "../target/release/kartlegg";

const chromium = {
  browserName: "chromium" as const,
  launchOptions: {
    executablePath: "/usr/bin/chromium",
    // Without these Chromium floods the closed network of these machines.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  },
};

export default defineConfig({
  testDir: "./tests",
  outputDir: "./test-results",
  // One worker: with two on two cores (two Chromiums and the server) tests
  // ran slower than their 30 s timeouts (tried at stop 26: two failed).
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL,
    // The applicant's service worker has its own spec (offline.spec.ts); the
    // others set up network conditions it would otherwise answer for.
    serviceWorkers: "block",
    // Pages worth looking at are saved by the tests themselves
    // (fixtures/pages.ts `screenshot`).
    screenshot: "only-on-failure",
    // For runs by hand. The test command passes `--trace off`: recording a
    // trace of every test took about a tenth of the run, and CI keeps no
    // artifacts to open one in.
    trace: "retain-on-failure",
  },
  projects: [
    { name: "phone", use: { ...chromium, viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } },
    { name: "tablet", use: { ...chromium, viewport: { width: 820, height: 1180 }, hasTouch: true } },
    { name: "desktop", use: { ...chromium, viewport: { width: 1366, height: 900 } } },
  ],
  webServer: {
    command: `rm -rf .server && mkdir -p .server && exec ${server} serve --demo`,
    url: `${baseURL}/readyz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "pipe",
    env: {
      KARTLEGG_ADDR: `127.0.0.1:${port}`,
      DATABASE_URL: "sqlite://.server/e2e.db",
      KARTLEGG_STATIC_DIR: "../dist",
      KARTLEGG_SIGNING_KEY_FILE: ".server/signing.key",
      // Every test logs in from 127.0.0.1; the per-address limit has its own API test.
      KARTLEGG_LOGIN_BURST: "0",
    },
  },
});
