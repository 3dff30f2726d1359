import { expect, test } from "@playwright/test";
import { HomePage, expectNoAxeViolations, screenshot } from "../fixtures/pages";

test("the app loads, shows that the service is ready and has no accessibility violations", async ({ page }, info) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));

  const home = new HomePage(page);
  await home.open();
  await expect(home.serviceStatus).toHaveAttribute("data-ready", "true");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await screenshot(page, "home", info.project.name);
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test("the page fits a 320 px wide screen without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const home = new HomePage(page);
  await home.open();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
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
