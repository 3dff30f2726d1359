import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, screenshot } from "../fixtures/pages";

test("the app loads on every viewport with no accessibility violations", async ({ page }, info) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto("/");
  await expect(page.getByTestId("language-title")).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await screenshot(page, "language", info);
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test("the status page shows that the service is ready", async ({ page }) => {
  await page.goto("/status");
  await expect(page.getByTestId("service-status")).toHaveAttribute("data-ready", "true");
  await expectNoAxeViolations(page);
});

test("the page fits a 320 px wide screen without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of ["/", "/info", "/login"]) {
    await page.goto(path);
    await expect(page.locator("h1")).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

test("an unknown page says so and links home", async ({ page }) => {
  await page.goto("/no/such/page");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("not-found-home")).toHaveAttribute("href", "/");
});

test("the API reference page renders offline", async ({ page }) => {
  await page.goto("/api/docs/");
  await expect(page.locator("#swagger-ui")).toBeVisible();
  await expect(page.getByText("Kartlegg API")).toBeVisible();
});

test("the start pages follow the browser's Back and Forward", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("language-en").click();
  await expect(page).toHaveURL(/\/info$/);
  await page.getByTestId("info-next").click();
  await expect(page.getByTestId("login-title")).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId("info-title")).toBeVisible();
  await page.goForward();
  await expect(page.getByTestId("login-title")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("login-title")).toBeVisible();
});
